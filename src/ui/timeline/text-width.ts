/** Average advance of a character of the plot's sans-serif text, in ems (bold a little wider): the estimate where nothing measures. */
export const CHAR_EM = 0.62;

/** The plot's font (timeline.css): measured widths are those of the text as drawn. */
const FAMILY = "system-ui, sans-serif";

type Measurer = { font: string; measureText(text: string): { width: number } };

let measurer: Measurer | null | undefined;
const cache = new Map<string, number>();

function getMeasurer(): Measurer | null {
  if (measurer !== undefined) return measurer;
  measurer = null;
  try {
    // A 2D context of an OffscreenCanvas measures text without touching the page. jsdom has none:
    // there (unit tests) widths fall back to the per-character estimate.
    if (typeof OffscreenCanvas !== "undefined")
      measurer = new OffscreenCanvas(1, 1).getContext("2d");
  } catch {
    measurer = null;
  }
  return measurer;
}

/**
 * Width in px of `text` in the plot's font at `px` (and `weight`), as the
 * browser lays it out; an estimate of `CHAR_EM` per character where nothing
 * can measure. The estimate was too narrow for the system font's "=" and
 * capitals, so labels placed by it ran into each other ("x=Az=E").
 */
export function textWidth(text: string, px: number, weight = 400): number {
  const m = getMeasurer();
  if (m === null) return Math.ceil(text.length * CHAR_EM * px);
  const key = `${weight}|${px}|${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    m.font = `${weight} ${px}px ${FAMILY}`;
    w = Math.ceil(m.measureText(text).width);
    if (cache.size > 5000) cache.clear();
    cache.set(key, w);
  }
  return w;
}

/** Forget the measurer (tests install a fake `OffscreenCanvas`). */
export function resetTextWidth(): void {
  measurer = undefined;
  cache.clear();
}
