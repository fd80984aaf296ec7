/**
 * The address bar and the app, kept in step both ways.
 *
 * In: at startup and on every `hashchange` (a person pastes another link), a
 * `#s=…` hash is decoded and opened, or refused with a message on the page.
 * Out: as the scenario changes, or the playhead settles, the hash is replaced
 * (never pushed: scrubbing must not flood Back) with the current link,
 * throttled so a slider drag or a playing run writes a few times a second at
 * most. While a run plays the playhead is left out, so the URL holds still.
 *
 * The tour, when given (`startLinkSync(win, { tour })`), adds its position
 * (`tour=c.s`) and presenter mode (`presenter=1`) to the link, and a short
 * `#tour=5.1` without a scenario opens that step.
 */

import { MODEL_VERSION } from "../sim/model";
import { decodeLink, encodeLink } from "../url/index";
import { actions } from "./actions";
import { useAppStore } from "./app-store";
import { useCompareStore } from "./compare";
import { useActiveExercise } from "./exercise-link";
import { clearProblem, reportProblem, useLinkStore } from "./link-store";
import { openScenario } from "./open-scenario";
import { playback } from "./playback";
import { hasPresenterParam, PRESENTER_PARAM, shortTourPosition, type TourLink } from "./tour-link";

/** Four writes a second: the URL keeps up with a person, not with animation frames. */
export const LINK_THROTTLE_MS = 250;

interface Sync {
  win: Window;
  tour: TourLink | null;
  throttleMs: number;
  /** The hash the address bar stands for; no write while the app still matches it. */
  shown: string;
  /**
   * The address bar's hash as this sync last read or wrote it. A different
   * hash there was put by someone else (a paste, Back, a test's goto) and is
   * opened before anything is written over it, even when its `hashchange`
   * has not arrived yet.
   */
  bar: string;
  /** A hash a write found and opened before its `hashchange` came; that event is then spent. */
  openedEarly: string | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  unsubscribe: () => void;
}

let sync: Sync | null = null;
/** The tour of the running sync, read by `openLink` and `currentHash`. */
let tourLink: TourLink | null = null;

/** `s=` as a parameter of the hash: other fragments (`#about`) are not links. */
export function hasScenarioParam(hash: string): boolean {
  return /(^#?|&)s=/.test(hash);
}

/** Starts both directions; returns the stop function (tests, hot reload). */
export function startLinkSync(
  win: Window = window,
  {
    throttleMs = LINK_THROTTLE_MS,
    tour = null,
  }: { throttleMs?: number; tour?: TourLink | null } = {},
): () => void {
  stopLinkSync();
  const state: Sync = {
    win,
    tour,
    throttleMs,
    shown: "",
    bar: win.location.hash,
    openedEarly: null,
    timer: undefined,
    unsubscribe: () => {},
  };
  sync = state;
  tourLink = tour;
  openHash(win.location.hash, state);
  state.shown = currentHash();

  const onHashChange = (e: HashChangeEvent) => {
    const hash = hashOf(e.newURL);
    if (state.openedEarly !== null && hash === state.openedEarly) {
      state.openedEarly = null;
      return;
    }
    state.openedEarly = null;
    state.bar = win.location.hash;
    if (openHash(win.location.hash, state)) state.shown = currentHash();
  };
  win.addEventListener("hashchange", onHashChange);
  const offApp = useAppStore.subscribe((next, prev) => {
    if (next.scenario !== prev.scenario || next.playhead !== prev.playhead) schedule(state);
  });
  const offLink = useLinkStore.subscribe((next, prev) => {
    if (next.problem !== prev.problem) schedule(state);
  });
  const offCompare = useCompareStore.subscribe(() => schedule(state));
  const offTour = tour?.subscribe(() => schedule(state)) ?? (() => {});
  const offExercise = useActiveExercise.subscribe(() => schedule(state));
  state.unsubscribe = () => {
    win.removeEventListener("hashchange", onHashChange);
    offApp();
    offLink();
    offCompare();
    offTour();
    offExercise();
  };
  return stopLinkSync;
}

/**
 * Before a write: a hash someone else put in the address bar since this sync
 * last looked (a paste, Back, a test's goto) whose `hashchange` has not come
 * yet is opened now, not written over unread; its event, when it comes, is
 * then passed by.
 */
function takeAddressBar(state: Sync): void {
  const bar = state.win.location.hash;
  if (bar === state.bar) return;
  state.bar = bar;
  state.openedEarly = bar;
  if (openHash(bar, state)) state.shown = currentHash();
}

/** The hash part of a URL ("" when it has none or cannot be read). */
function hashOf(url: string): string {
  const at = url.indexOf("#");
  return at < 0 || at === url.length - 1 ? "" : url.slice(at);
}

/**
 * Opens what a hash asks for: a scenario link, or a short tour link; presenter
 * mode when it says so. False when the hash is not a link (`#about`).
 */
function openHash(hash: string, state: Sync): boolean {
  const presenter = hasPresenterParam(hash);
  if (presenter) state.tour?.setPresenter(true);
  if (hasScenarioParam(hash)) {
    openLink(hash);
    return true;
  }
  const position = state.tour === null ? null : shortTourPosition(hash);
  if (position !== null) {
    state.tour?.open(position);
    clearProblem();
    return true;
  }
  return presenter;
}

export function stopLinkSync(): void {
  tourLink = null;
  if (sync === null) return;
  clearTimeout(sync.timer);
  sync.unsubscribe();
  sync = null;
}

/**
 * Opens a link (full URL or hash). Never throws: a refused link, or one whose
 * run fails, becomes a message on the page and the current run stays.
 */
export function openLink(link: string): boolean {
  try {
    const decoded = decodeLink(link);
    if (!decoded.ok) {
      reportProblem({ source: "link", error: decoded.error });
      return false;
    }
    openScenario(decoded.scenario, decoded.view);
    // An older link replays under today's model; the page says the run may differ.
    useLinkStore.setState({ olderModel: decoded.model < MODEL_VERSION ? decoded.model : null });
    // A talk link lands on its chapter and step (which loads that step's scenario).
    if (decoded.view.tour !== undefined) tourLink?.open(decoded.view.tour);
    if (decoded.viewError) reportProblem({ source: "view", error: decoded.viewError });
    else clearProblem();
    return true;
  } catch (e) {
    const detail = e instanceof Error ? ` (${e.message.slice(0, 120)})` : "";
    reportProblem({
      source: "link",
      error: { code: "invalid", message: `The link's scenario could not be run${detail}.` },
    });
    return false;
  }
}

/** The way back from a bad link: a clean URL and the default run. */
export function openDefaultScenario(): void {
  const win = sync?.win ?? window;
  win.history.replaceState(win.history.state, "", win.location.pathname + win.location.search);
  actions.loadPreset("default");
  useCompareStore.setState({ compare: null });
  useLinkStore.setState({ openedView: {}, olderModel: null });
  clearProblem();
  // The clean URL stands for the default run until something changes.
  if (sync !== null) {
    sync.shown = currentHash();
    sync.bar = win.location.hash;
  }
}

/** Writes the current link into the address bar now and returns the whole URL. */
export function shareLink(): string {
  const win = sync?.win ?? window;
  const hash = currentHash();
  replaceHash(win, hash);
  if (sync !== null) {
    sync.shown = hash;
    sync.bar = win.location.hash;
  }
  // The room's laptops get the run, not the speaker's large type.
  return win.location.href.replace(`&${PRESENTER_PARAM}`, "");
}

/**
 * The hash for what is on screen; the playhead only when the run is standing
 * still; the active workshop exercise (`ex=`) while there is one.
 */
export function currentHash(): string {
  const { scenario, playhead } = useAppStore.getState();
  const compare = useCompareStore.getState().compare;
  const exercise = useActiveExercise.getState().exercise;
  const tour = tourLink?.position() ?? null;
  // Whole ms, rounded down: event times are whole ms, so the same events are shown.
  const t = playback.status() === "playing" ? 0 : Math.floor(playhead);
  const hash = encodeLink(scenario, {
    ...(t > 0 ? { playhead: t } : {}),
    // A pair of one strategy is not a comparison, and links refuse it.
    ...(compare !== null && compare[0] !== compare[1] ? { compare } : {}),
    ...(tour !== null ? { tour } : {}),
    ...(exercise !== null ? { exercise } : {}),
  });
  // A reload (or the link handed to a second laptop) keeps the room's large type.
  return tourLink?.presenter() === true ? `${hash}&${PRESENTER_PARAM}` : hash;
}

function schedule(state: Sync): void {
  if (state.timer === undefined) state.timer = setTimeout(() => flush(state), state.throttleMs);
}

function flush(state: Sync): void {
  state.timer = undefined;
  if (sync !== state) return;
  // A hash put there since the last look is read first, never overwritten unread.
  takeAddressBar(state);
  // Keep a refused link in the address bar, so the person can see and fix what they pasted.
  if (useLinkStore.getState().problem?.source === "link") return;
  const hash = currentHash();
  if (hash !== state.shown) {
    replaceHash(state.win, hash);
    state.shown = hash;
    state.bar = state.win.location.hash;
  }
  // Pausing moves nothing in the store, so while playing keep looking for the stop.
  if (playback.status() === "playing") schedule(state);
}

function replaceHash(win: Window, hash: string): void {
  win.history.replaceState(win.history.state, "", hash);
}
