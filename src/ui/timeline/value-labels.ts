import type { CauseBadge } from "./cause-badges";
import { lowerBound, upperBound } from "./geometry";
import { type Box, placeLabels } from "./label-place";
import { CHAR_EM } from "./layout";
import { markLabel } from "./marks";
import { textWidth } from "./text-width";
import { type View, visibleRange } from "./view";

/** Labels need room: skip them when too many marks are in view or the lanes are too short. */
export const LABEL_MAX_MARKS = 600;

export interface ValueLabel {
  seq: number;
  text: string;
  /** Where the text is anchored (its left end, or its right end when `end`) and its baseline. */
  x: number;
  /** Drawn to the left of its mark (it would have run past the plot's right edge): anchored at its end. */
  end: boolean;
  y: number;
  /** The text's box (what an anomaly label may not cover). */
  box: Box;
  future: boolean;
}

/**
 * `key=value`, `@offset`, `HW n` beside their marks, through the shared
 * placement (label-place.ts): each lane is its own row, a label stays where
 * its mark is (right of it, or left of it where the right would leave the
 * plot), and one that would overlap the label before it is skipped. Widths
 * are the text's as drawn (text-width.ts). The selected anomaly's numbered
 * steps (`badges`) come first: a step's value sits right of its number, and
 * no other value covers a number.
 */
export function valueLabels(v: View, badges: readonly CauseBadge[] = []): ValueLabel[] {
  const { g, x, layout: L, playhead, showFuture } = v;
  const [t0, t1] = visibleRange(v);
  const m = g.marks;
  const lo = lowerBound(m.t, t0, m.n);
  const hi = upperBound(m.t, showFuture ? t1 : Math.min(t1, playhead), m.n);
  if (hi - lo > LABEL_MAX_MARKS || L.laneH < 1.6 * L.textPx) return [];
  const charW = CHAR_EM * L.textPx;
  const ascent = Math.ceil(L.textPx * 0.85);
  const descent = Math.ceil(L.textPx * 0.25);
  const rowY = L.laneY.map((y) => y - 5 - ascent);
  const items: Array<{
    id: string;
    want: number;
    w: number;
    rows: number[];
    i: number;
    text: string;
    flip: boolean;
  }> = [];
  const badgeOf = new Map(badges.map((b) => [b.seq, b]));
  const first: typeof items = [];
  for (let i = lo; i < hi; i++) {
    const e = g.eventBySeq(m.seq[i]);
    const text = e ? markLabel(e) : null;
    if (!e || !text) continue;
    const w = textWidth(text, L.textPx);
    const at = x(m.t[i]);
    const badge = badgeOf.get(m.seq[i]);
    // Right of its mark (or of its step number); flipped to the left when it would run past the plot's right edge.
    const right = badge ? badge.box.x + badge.box.w + 5 : at + 5;
    const flip = right + w > L.plotX1;
    const want = flip ? at - 5 - w : right;
    if (at > L.plotX1 || want + w < L.plotX0) continue;
    (badge ? first : items).push({
      id: String(i),
      want,
      w,
      rows: [m.lane[i]],
      i,
      text,
      flip,
    });
  }
  items.unshift(...first);
  // Off the plot's ends, a label is clipped rather than moved off its mark.
  const placed = placeLabels(items, {
    x0: Number.NEGATIVE_INFINITY,
    x1: Number.POSITIVE_INFINITY,
    rowY,
    rowH: ascent + descent,
    gap: 4,
    maxShift: 0,
    cluster: false,
    charW,
    obstacles: badges.map((b) => b.box),
  });
  const out: ValueLabel[] = [];
  for (const [k, p] of placed.entries()) {
    if (p.box === null) continue;
    const it = items[k];
    out.push({
      seq: m.seq[it.i],
      text: it.text,
      // A flipped label ends 5 px before its mark whatever the real width of its text.
      x: it.flip ? p.box.x + p.box.w : p.box.x,
      end: it.flip,
      y: L.laneY[m.lane[it.i]] - 5,
      box: p.box,
      future: m.t[it.i] > playhead,
    });
  }
  return out;
}
