import { drawDensity, type PixelBuffer } from "./density";
import { ARROW_DROP, ARROW_LOST, arrowWindow, lowerBound, upperBound } from "./geometry";
import type { AggregateCache } from "./lod";
import { drawMarks } from "./mark-batch";
import { addShape, DROP_SHAPE } from "./marks";
import type { Palette } from "./palette";
import { newArrowPlace, placeArrow } from "./tracks/messages";
import type { View } from "./view";

export interface Frame extends View {
  /**
   * Off-screen canvas for the zoomed-out density pixels: putImageData replaces
   * pixels rather than blending, so they are written here and blitted over the
   * arrows. (A second on-screen canvas did the same at the cost of a second
   * canvas resource to produce and composite every frame.)
   */
  densityCtx: CanvasRenderingContext2D;
  pixels: PixelBuffer;
  dpr: number;
  cache: AggregateCache;
  palette: Palette;
}

export interface FrameStats {
  arrows: number;
  marks: number;
  lod: boolean;
}

/** Past this many arrows in view, switch to the aggregated (per-bucket) drawing. */
const DETAIL_PER_PX = 0.6;
const FUTURE_ALPHA = 0.14;
const STROKE_BATCH = 48;

/**
 * Draws the bulk marks (arrows and event dots) for one frame. Pure drawing from
 * precomputed geometry: the only per-frame work is binary searches plus one
 * pass over what is visible, batched into a few strokes by style.
 */
export function drawFrame(ctx: CanvasRenderingContext2D, f: Frame): FrameStats {
  const { layout: L, x, dpr } = f;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, L.width, L.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(L.plotX0, 0, L.plotX1 - L.plotX0, L.height);
  ctx.clip();
  const t0 = x.invert(L.plotX0);
  const t1 = x.invert(L.plotX1);
  const msPerPx = (t1 - t0) / Math.max(1, L.plotX1 - L.plotX0);
  const [lo, hi] = arrowWindow(f.g.arrows, t0, t1);
  const lod = hi - lo > (L.plotX1 - L.plotX0) * DETAIL_PER_PX;
  const stats = lod ? drawAggregated(ctx, f, t0, t1, msPerPx) : drawExact(ctx, f, t0, t1, lo, hi);
  ctx.restore();
  return { ...stats, lod };
}

type Seg = number[];

function strokeSegs(
  ctx: CanvasRenderingContext2D,
  segs: Seg,
  color: string,
  alpha: number,
  dash: number[],
) {
  if (segs.length === 0) return;
  ctx.strokeStyle = color;
  ctx.globalAlpha = alpha;
  ctx.setLineDash(dash);
  // Short paths rasterise faster than one huge path in Skia's software backend.
  for (let s = 0; s < segs.length; s += STROKE_BATCH * 4) {
    ctx.beginPath();
    const end = Math.min(segs.length, s + STROKE_BATCH * 4);
    for (let i = s; i < end; i += 4) {
      ctx.moveTo(segs[i], segs[i + 1]);
      ctx.lineTo(segs[i + 2], segs[i + 3]);
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

interface Buckets {
  past: Seg;
  dup: Seg;
  drop: Seg;
  flying: Seg;
  future: Seg;
  crosses: Seg;
  heads: Seg;
}

/** Reused between frames (lengths reset, capacity kept) so panning does not churn the GC. */
const scratch: Buckets = {
  past: [],
  dup: [],
  drop: [],
  flying: [],
  future: [],
  crosses: [],
  heads: [],
};

function newBuckets(): Buckets {
  for (const list of Object.values(scratch)) list.length = 0;
  return scratch;
}

const place = newArrowPlace();

/** Sorts one arrow, placed by the messages track (the SVG's placement too), into its stroke batch. */
function bucketArrow(
  b: Buckets,
  f: Frame,
  sendT: number,
  endT: number,
  from: number,
  to: number,
  drop: boolean,
  dup: boolean,
  lost: boolean,
  heads: boolean,
) {
  const p = placeArrow(f, sendT, endT, from, to, drop, dup, lost, place);
  if (p.state === "future") {
    b.future.push(p.x1, p.y1, p.ex, p.ey);
    return;
  }
  if (p.state === "flying") {
    b.flying.push(p.x1, p.y1, p.ex, p.ey);
    if (p.rest && f.showFuture) b.future.push(p.ex, p.ey, p.x2, p.y2);
    return;
  }
  (drop ? b.drop : dup ? b.dup : b.past).push(p.x1, p.y1, p.x2, p.y2);
  if (p.cross) b.crosses.push(p.x2, p.y2);
  else if (heads && p.head) b.heads.push(p.x1, p.y1, p.x2, p.y2);
}

function flush(ctx: CanvasRenderingContext2D, b: Buckets, showFuture: boolean, p: Palette) {
  ctx.lineWidth = 1;
  if (showFuture) strokeSegs(ctx, b.future, p.arrow, FUTURE_ALPHA, [3, 3]);
  strokeSegs(ctx, b.past, p.arrow, 0.85, []);
  strokeSegs(ctx, b.dup, p.dup, 0.95, [5, 3]);
  strokeSegs(ctx, b.drop, p.drop, 0.9, []);
  strokeSegs(ctx, b.flying, p.arrow, 0.6, [2, 2]);
  ctx.fillStyle = p.arrow;
  ctx.beginPath();
  for (let i = 0; i < b.heads.length; i += 4) {
    const [x1, y1, x2, y2] = [b.heads[i], b.heads[i + 1], b.heads[i + 2], b.heads[i + 3]];
    const a = Math.atan2(y2 - y1, x2 - x1);
    ctx.moveTo(x2, y2);
    ctx.lineTo(x2 - 6 * Math.cos(a - 0.4), y2 - 6 * Math.sin(a - 0.4));
    ctx.lineTo(x2 - 6 * Math.cos(a + 0.4), y2 - 6 * Math.sin(a + 0.4));
    ctx.closePath();
  }
  ctx.fill();
  ctx.strokeStyle = p.drop;
  ctx.lineWidth = 2;
  ctx.beginPath();
  // The same shape the SVG path draws at a dropped message's end (marks.ts).
  for (let i = 0; i < b.crosses.length; i += 2)
    addShape(ctx, DROP_SHAPE, b.crosses[i], b.crosses[i + 1], 4);
  ctx.stroke();
  ctx.lineWidth = 1;
}

function drawExact(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  t0: number,
  t1: number,
  lo: number,
  hi: number,
): Omit<FrameStats, "lod"> {
  const a = f.g.arrows;
  const b = newBuckets();
  const last = f.showFuture ? hi : Math.min(hi, upperBound(a.sendT, f.playhead, a.n));
  const heads = hi - lo < 400;
  let arrows = 0;
  for (let i = lo; i < last; i++) {
    if (a.endT[i] < t0) continue;
    arrows++;
    const drop = a.kind[i] === ARROW_DROP;
    bucketArrow(
      b,
      f,
      a.sendT[i],
      a.endT[i],
      a.from[i],
      a.to[i],
      drop,
      a.dup[i] === 1,
      a.kind[i] === ARROW_LOST,
      heads,
    );
  }
  flush(ctx, b, f.showFuture, f.palette);
  const marks = drawMarks(ctx, f, f.palette, t0, t1);
  return { arrows, marks };
}

function drawAggregated(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  t0: number,
  t1: number,
  msPerPx: number,
): Omit<FrameStats, "lod"> {
  const agg = f.cache.get(msPerPx, t0, t1);
  const a = agg.arrows;
  const lo = lowerBound(a.sendT, t0 - f.g.arrows.maxFlight, a.n);
  const hi = upperBound(a.sendT, t1, a.n);
  const b = newBuckets();
  let arrows = 0;
  for (let i = lo; i < hi; i++) {
    if (a.endT[i] < t0) continue;
    if (a.sendT[i] > f.playhead && !f.showFuture) break;
    arrows += a.count[i];
    const lost = !Number.isFinite(a.endT[i]);
    bucketArrow(
      b,
      f,
      a.sendT[i],
      a.endT[i],
      a.from[i],
      a.to[i],
      (a.flags[i] & 1) === 1,
      (a.flags[i] & 2) === 2,
      lost,
      false,
    );
  }
  flush(ctx, b, f.showFuture, f.palette);
  const d = drawDensity(f.densityCtx, f, agg.marks, agg.bucketMs, f.dpr, f.pixels, f.palette);
  // Identity transform: the density is already in device pixels.
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(f.densityCtx.canvas, d.left, d.top);
  ctx.restore();
  const marks = d.drawn;
  return { arrows, marks };
}
