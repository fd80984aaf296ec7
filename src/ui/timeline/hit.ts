import { lowerBound, upperBound } from "./geometry";
import type { View } from "./view";

/** Nearest drawn event to a pointer: the lane under it, then the closest time within a few pixels. */
export function hitTest(v: View, px: number, py: number, tolPx = 6): number | null {
  const { g, layout: L, x } = v;
  if (px < L.plotX0 || px > L.plotX1) return null;
  let lane = -1;
  for (let i = 0; i < L.laneY.length; i++) if (Math.abs(L.laneY[i] - py) <= L.laneH / 2) lane = i;
  if (lane < 0) return null;
  const t = x.invert(px);
  const tol = Math.abs(x.invert(px + tolPx) - t);
  const { t: times, seq } = g.laneEvents[lane];
  const lo = lowerBound(times, t - tol);
  const hi = upperBound(times, t + tol);
  const limit = v.showFuture ? Number.POSITIVE_INFINITY : v.playhead;
  let best: number | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (let i = lo; i < hi; i++) {
    if (times[i] > limit) break;
    const d = Math.abs(times[i] - t);
    if (d < bestD) {
      bestD = d;
      best = seq[i];
    }
  }
  return best;
}
