/**
 * Where the timeline's frame time goes, for `npm run bench:ui`. Off by default
 * (the app pays one branch per frame); bench mode turns it on and reads it
 * from the page as `window.__timelineStats`.
 */
export interface RenderStats {
  enabled: boolean;
  /** ms per canvas draw (drawFrame over both canvases). */
  drawMs: number[];
  /** ms per zoom frame: React render + commit + canvas draw, from the zoom flush. */
  frameWorkMs: number[];
}

export const renderStats: RenderStats = { enabled: false, drawMs: [], frameWorkMs: [] };

/** Samples kept per series; a bench run of a few seconds stays well under it. */
const MAX_SAMPLES = 20_000;

export function record(series: number[], ms: number): void {
  if (series.length < MAX_SAMPLES) series.push(ms);
}

declare global {
  interface Window {
    __timelineStats?: RenderStats;
  }
}

/** Start recording and let a test driver read (and reset) the figures. */
export function exposeRenderStats(): void {
  renderStats.enabled = true;
  window.__timelineStats = renderStats;
}
