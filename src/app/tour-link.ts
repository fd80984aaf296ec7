/**
 * What link sync needs from the talk mode, as an interface the app owns. The
 * tour drives the app (it loads scenarios and plays them), so the app must not
 * import the tour: the tour hands an implementation of this to `startLinkSync`
 * (see `src/main.tsx`), and the dependency points one way only.
 */

/** A tour position as links carry it: chapter and step, both 1-based. */
export interface LinkTourPosition {
  chapter: number;
  step: number;
}

export interface TourLink {
  /** Where the tour is, or null when it is closed. */
  position(): LinkTourPosition | null;
  /** Open the tour at a position (loading that step's scenario); null closes it. */
  open(position: LinkTourPosition | null): void;
  presenter(): boolean;
  /** Presenter mode on or off, without opening or closing the tour. */
  setPresenter(on: boolean): void;
  /** Calls `listener` whenever the position or presenter mode changes. */
  subscribe(listener: () => void): () => void;
}

/**
 * `presenter=1` travels beside the view parameters that `src/url` validates,
 * as its own hash parameter read here: `decodeLink` ignores parameters it does
 * not know, so such a link still opens in any version of the page.
 */
export const PRESENTER_PARAM = "presenter=1";

/** True when the hash asks for presenter mode. */
export function hasPresenterParam(hash: string): boolean {
  return /(^#?|&)presenter=1(&|$)/.test(hash);
}

/**
 * The position of a short tour link, `#tour=5.1` (no scenario in it: the step
 * brings its own), or null when the hash has no readable `tour=`.
 */
export function shortTourPosition(hash: string): LinkTourPosition | null {
  const match = /(?:^#?|&)tour=(\d{1,3})\.(\d{1,3})(?:&|$)/.exec(hash);
  if (match === null) return null;
  return { chapter: Number(match[1]), step: Number(match[2]) };
}
