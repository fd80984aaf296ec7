import type { CauseStep } from "../../check/cause";
import type { Box } from "./label-place";
import type { View } from "./view";

/** One step of a selected anomaly's chain, numbered on the plot beside its event. */
export interface CauseBadge {
  seq: number;
  /** 1-based step number. */
  n: number;
  role: CauseStep["role"];
  /** The event's mark. */
  cx: number;
  cy: number;
  /** The badge's centre and radius: above and right of the mark. */
  bx: number;
  by: number;
  r: number;
  /** The badge's box (what value labels keep clear of). */
  box: Box;
}

/**
 * Where the chain's numbers go: a filled circle above and right of each
 * event, sized to the text; badges at one spot move right. Events after the
 * playhead get none unless the future is shown. Value labels are placed
 * around these boxes (value-labels.ts), so a number never covers a value.
 */
export function causeBadges(v: View, cause: readonly CauseStep[]): CauseBadge[] {
  const { g, x, layout: L, playhead, showFuture } = v;
  const r = Math.max(8, Math.round(L.textPx * 0.7));
  const out: CauseBadge[] = [];
  for (const [k, step] of cause.entries()) {
    const e = g.eventBySeq(step.seq);
    const lane = e ? g.laneOf.get(e.node) : undefined;
    if (!e || lane === undefined || (e.t > playhead && !showFuture)) continue;
    const cx = x(e.t);
    const cy = L.laneY[lane];
    let bx = cx + r + 2;
    const by = cy - r - 4;
    while (out.some((b) => Math.abs(b.bx - bx) < 2 * r && Math.abs(b.by - by) < 2 * r))
      bx += 2 * r + 1;
    out.push({
      seq: step.seq,
      n: k + 1,
      role: step.role,
      cx,
      cy,
      bx,
      by,
      r,
      box: { x: bx - r, y: by - r, w: 2 * r, h: 2 * r },
    });
  }
  return out;
}
