import type { Page } from "@playwright/test";

/** One run's figures, ms. */
export interface FigureSet {
  p95FrameMs: number;
  medianFrameMs: number;
  /** The timeline's work per zoom frame: React render, commit and canvas draw. */
  p95RenderMs: number;
  medianRenderMs: number;
}

export interface RunFigures extends FigureSet {
  /** The canvas draw alone (part of the render figure). */
  p95DrawMs: number;
  frames: number;
  /** Share of frames (%) that took more than one and a half refresh intervals: a visible hitch. */
  longFramePct: number;
}

/** 1.5 × 16.7 ms: a frame this long missed at least one refresh. */
const LONG_FRAME_MS = 25;

/** What the page exposes in bench mode (src/ui/bench-mode.ts, src/ui/timeline/render-stats.ts). */
interface BenchWindow {
  __timelineStats?: { drawMs: number[]; frameWorkMs: number[] };
  __benchFrames?: { deltas: number[]; running: boolean };
}

/**
 * Clears the timeline's figures and records every frame's delta. A string, not
 * a function: tsx (esbuild keepNames) wraps inner functions in a `__name`
 * helper that does not exist in the page.
 */
const START_RECORDING = `(() => {
  const stats = window.__timelineStats;
  if (stats) { stats.drawMs.length = 0; stats.frameWorkMs.length = 0; }
  const rec = { deltas: [], running: true };
  window.__benchFrames = rec;
  let last = 0;
  const tick = (now) => {
    rec.deltas.push(now - last);
    last = now;
    if (rec.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
})()`;

/** How long one run pans and zooms. */
export const DURATION_MS = 5_000;

export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

/**
 * From "fit all", for DURATION_MS: zoom in with the wheel at a few places, drag
 * the view back and forth, zoom out again. Zoomed out the timeline draws its
 * aggregated level of detail; zoomed in, every arrow and mark.
 */
export async function measureRun(page: Page, durationMs = DURATION_MS): Promise<RunFigures> {
  await page.getByRole("button", { name: "Fit all" }).first().click();
  const box = await page.locator(".tl-plot").first().boundingBox();
  if (!box) throw new Error("the timeline plot is not on screen");
  await page.evaluate(START_RECORDING);
  const cy = box.y + box.height / 2;
  const left = box.x + 140;
  const span = box.width - 160;
  const start = Date.now();
  for (let round = 0; Date.now() - start < durationMs; round++) {
    const cx = left + ((round * 0.37) % 1) * span;
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -120);
    await drag(page, cx, cy, -span / 3);
    await drag(page, cx - span / 3, cy, span / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 120);
    await drag(page, cx, cy, -span / 4);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 120);
  }
  const { deltas, work, draw } = await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    const rec = w.__benchFrames;
    if (rec) rec.running = false;
    return {
      deltas: rec?.deltas ?? [],
      work: [...(w.__timelineStats?.frameWorkMs ?? [])],
      draw: [...(w.__timelineStats?.drawMs ?? [])],
    };
  });
  return {
    p95FrameMs: quantile(deltas, 0.95),
    medianFrameMs: median(deltas),
    p95RenderMs: quantile(work, 0.95),
    medianRenderMs: median(work),
    p95DrawMs: quantile(draw, 0.95),
    frames: deltas.length,
    longFramePct:
      (100 * deltas.filter((d) => d > LONG_FRAME_MS).length) / Math.max(1, deltas.length),
  };
}

async function drag(page: Page, x: number, y: number, dx: number): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps: 20 });
  await page.mouse.up();
}
