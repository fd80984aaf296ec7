import { lowerBound, TYPE_NAMES, upperBound } from "./geometry";
import { addShape, isFilled, markStyle } from "./marks";
import type { Palette } from "./palette";
import type { View } from "./view";

const FUTURE_ALPHA = 0.14;
const MARK_RADIUS = 3.5;

/** Per type code, x/y pairs of the marks in view; reused between frames (lengths reset). */
const past: number[][] = TYPE_NAMES.map(() => []);
const future: number[][] = TYPE_NAMES.map(() => []);
const SHAPES = TYPE_NAMES.map((t) => markStyle(t).shape);

/**
 * Every event mark in [t0, t1] at full detail: sorted into one batch per type
 * (and past or future), then one path and one fill or stroke per batch. The
 * per-mark alternative (style, path, paint for each) spent more time in canvas
 * calls than in rasterising.
 */
export function drawMarks(
  ctx: CanvasRenderingContext2D,
  v: View,
  palette: Palette,
  t0: number,
  t1: number,
): number {
  const m = v.g.marks;
  const lo = lowerBound(m.t, t0, m.n);
  const hi = upperBound(m.t, v.showFuture ? t1 : Math.min(t1, v.playhead), m.n);
  for (let c = 0; c < past.length; c++) {
    past[c].length = 0;
    future[c].length = 0;
  }
  for (let i = lo; i < hi; i++) {
    const batch = m.t[i] > v.playhead ? future : past;
    batch[m.type[i]].push(v.x(m.t[i]), v.layout.laneY[m.lane[i]]);
  }
  ctx.lineWidth = 1.5;
  for (const [batches, alpha] of [
    [future, FUTURE_ALPHA],
    [past, 1],
  ] as const) {
    ctx.globalAlpha = alpha;
    for (let c = 0; c < batches.length; c++) {
      const xy = batches[c];
      if (xy.length === 0) continue;
      const shape = SHAPES[c];
      ctx.fillStyle = palette.marks[c];
      ctx.strokeStyle = palette.marks[c];
      ctx.beginPath();
      for (let k = 0; k < xy.length; k += 2) addShape(ctx, shape, xy[k], xy[k + 1], MARK_RADIUS);
      if (isFilled(shape)) ctx.fill();
      else ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  return hi - lo;
}
