import { lowerBound, TYPE_NAMES, upperBound } from "./geometry";
import type { MarkAgg } from "./lod";
import { markStyle } from "./marks";
import type { View } from "./view";

/**
 * Zoomed-out marks as a density strip per lane, written straight into pixels.
 * Thousands of tiny anti-aliased rects are the single most expensive thing to
 * rasterise in software (no GPU in headless Chromium, nor on many laptops in
 * power-saving mode); writing the pixels and one putImageData costs ~1 ms.
 */

/** #rrggbb → RGBA packed for a little-endian Uint32 view of ImageData. */
function pack(hex: string, alpha: number): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return ((alpha << 24) | ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff)) >>> 0;
}

/** Per event type code: the packed colour in the past and (faint) in the future. */
const PAST = Uint32Array.from(TYPE_NAMES, (t) => pack(markStyle(t).color, 235));
const FUTURE = Uint32Array.from(TYPE_NAMES, (t) => pack(markStyle(t).color, 40));

export interface PixelBuffer {
  image: ImageData | null;
}

export function drawDensity(
  ctx: CanvasRenderingContext2D,
  v: View,
  m: MarkAgg,
  bucketMs: number,
  dpr: number,
  buffer: PixelBuffer,
): number {
  const W = ctx.canvas.width;
  const H = ctx.canvas.height;
  if (!buffer.image || buffer.image.width !== W || buffer.image.height !== H)
    buffer.image = ctx.createImageData(W, H);
  const px = new Uint32Array(buffer.image.data.buffer);
  px.fill(0);
  const { x, layout: L, playhead, showFuture } = v;
  const t0 = x.invert(L.plotX0);
  const t1 = x.invert(L.plotX1);
  const lo = lowerBound(m.t, t0, m.n);
  const hi = upperBound(m.t, showFuture ? t1 : Math.min(t1, playhead), m.n);
  const colW = Math.max(1, Math.round(((x(bucketMs) - x(0)) * dpr) / 1));
  const xMin = Math.ceil(L.plotX0 * dpr);
  const xMax = Math.floor(L.plotX1 * dpr);
  let drawn = 0;
  for (let i = lo; i < hi; i++) {
    const future = m.t[i] > playhead;
    const colour = future ? FUTURE[m.type[i]] : PAST[m.type[i]];
    // Busier buckets draw taller, on a log scale, capped below the lane height.
    const h = Math.round(Math.min(L.laneH * 0.7, 3 + 2 * Math.log2(m.count[i])) * dpr);
    const cx = Math.floor(x(m.t[i]) * dpr);
    const cy = Math.round(L.laneY[m.lane[i]] * dpr - h / 2);
    const xa = Math.max(xMin, cx);
    const xb = Math.min(xMax, cx + colW);
    const yb = Math.min(H, cy + h);
    for (let yy = Math.max(0, cy); yy < yb; yy++) {
      const row = yy * W;
      for (let xx = xa; xx < xb; xx++) px[row + xx] = colour;
    }
    drawn += m.count[i];
  }
  ctx.putImageData(buffer.image, 0, 0);
  return drawn;
}
