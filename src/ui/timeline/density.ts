import { lowerBound, upperBound } from "./geometry";
import type { MarkAgg } from "./lod";
import type { Palette } from "./palette";
import type { View } from "./view";

/**
 * Zoomed-out marks as a density strip per lane, written straight into pixels.
 * Thousands of tiny anti-aliased rects are the single most expensive thing to
 * rasterise in software (no GPU in headless Chromium, nor on many laptops in
 * power-saving mode); writing the pixels and one putImageData costs ~1 ms.
 */

export interface PixelBuffer {
  image: ImageData | null;
}

/** Where the density image goes on the main canvas, in device pixels. */
export interface DensityResult {
  drawn: number;
  left: number;
  top: number;
}

/**
 * Writes the density into `ctx`'s canvas, which it sizes to the plot's lanes
 * only (not the gutter or the axis): fewer pixels to clear, put and blit.
 */
export function drawDensity(
  ctx: CanvasRenderingContext2D,
  v: View,
  m: MarkAgg,
  bucketMs: number,
  dpr: number,
  buffer: PixelBuffer,
  palette: Palette,
): DensityResult {
  const { x, layout: L, playhead, showFuture } = v;
  const last = L.laneY.length - 1;
  const left = Math.ceil(L.plotX0 * dpr);
  const top = Math.max(0, Math.floor(((L.laneY[0] ?? 0) - L.laneH / 2) * dpr));
  const W = Math.max(1, Math.floor(L.plotX1 * dpr) - left);
  const H = Math.max(1, Math.ceil(((L.laneY[last] ?? 0) + L.laneH / 2) * dpr) - top);
  if (ctx.canvas.width !== W || ctx.canvas.height !== H) {
    ctx.canvas.width = W;
    ctx.canvas.height = H;
  }
  if (!buffer.image || buffer.image.width !== W || buffer.image.height !== H)
    buffer.image = ctx.createImageData(W, H);
  const px = new Uint32Array(buffer.image.data.buffer);
  px.fill(0);
  const t0 = x.invert(L.plotX0);
  const t1 = x.invert(L.plotX1);
  const lo = lowerBound(m.t, t0, m.n);
  const hi = upperBound(m.t, showFuture ? t1 : Math.min(t1, playhead), m.n);
  const colW = Math.max(1, Math.round((x(bucketMs) - x(0)) * dpr));
  let drawn = 0;
  for (let i = lo; i < hi; i++) {
    const future = m.t[i] > playhead;
    const colour = future ? palette.packedFuture[m.type[i]] : palette.packedPast[m.type[i]];
    // Busier buckets draw taller, on a log scale, capped below the lane height.
    const h = Math.round(Math.min(L.laneH * 0.7, 3 + 2 * Math.log2(m.count[i])) * dpr);
    const cx = Math.floor(x(m.t[i]) * dpr) - left;
    const cy = Math.round(L.laneY[m.lane[i]] * dpr - h / 2) - top;
    const xa = Math.max(0, cx);
    const xb = Math.min(W, cx + colW);
    const yb = Math.min(H, cy + h);
    for (let yy = Math.max(0, cy); yy < yb; yy++) {
      const row = yy * W;
      for (let xx = xa; xx < xb; xx++) px[row + xx] = colour;
    }
    drawn += m.count[i];
  }
  ctx.putImageData(buffer.image, 0, 0);
  return { drawn, left, top };
}
