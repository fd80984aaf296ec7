import { memo, useLayoutEffect, useMemo, useRef } from "react";
import { drawFrame } from "./canvas-layer";
import type { PixelBuffer } from "./density";
import { AggregateCache } from "./lod";
import { type Palette, readPalette, useDarkTheme } from "./palette";
import { record, renderStats } from "./render-stats";
import type { View } from "./view";

interface Contexts {
  main: CanvasRenderingContext2D;
  /** Off-screen (sized by drawDensity): the zoomed-out density pixels before they are blitted. */
  density: CanvasRenderingContext2D;
}

/**
 * Large runs: the bulk marks on one canvas, redrawn whenever the view changes.
 * jsdom (and any browser without 2D canvas) gets no context; the layer then
 * draws nothing and the container's data attributes still carry the counts.
 */
export const CanvasLayer = memo(function CanvasLayer({ v }: { v: View }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const cache = useMemo(() => new AggregateCache(v.g), [v.g]);
  const ctxRef = useRef<Contexts | null | undefined>(undefined);
  const pixels = useRef<PixelBuffer>({ image: null });
  const dark = useDarkTheme();
  const palette = useRef<{ dark: boolean; colours: Palette } | null>(null);
  const { width, height } = v.layout;
  const dpr = typeof window === "undefined" ? 1 : window.devicePixelRatio || 1;

  // Layout effect: the canvas is drawn before the browser paints the SVG layers
  // of the same render, so marks and overlays never show a frame apart.
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    if (ctxRef.current === undefined) ctxRef.current = contexts(canvas);
    const ctx = ctxRef.current;
    if (!ctx) return;
    if (palette.current?.dark !== dark)
      palette.current = { dark, colours: readPalette(canvas.parentElement) };
    const start = performance.now();
    const stats = drawFrame(ctx.main, {
      ...v,
      densityCtx: ctx.density,
      pixels: pixels.current,
      dpr,
      cache,
      palette: palette.current.colours,
    });
    if (renderStats.enabled) record(renderStats.drawMs, performance.now() - start);
    canvas.dataset.lod = String(stats.lod);
    canvas.dataset.drawn = String(stats.arrows);
  }, [v, dpr, cache, dark]);

  return (
    <canvas
      ref={ref}
      className="tl-canvas"
      width={Math.round(width * dpr)}
      height={Math.round(height * dpr)}
      style={{ width, height }}
    />
  );
});

function contexts(canvas: HTMLCanvasElement): Contexts | null {
  // jsdom without the canvas package reports "not implemented" and returns null (or throws).
  if (typeof navigator !== "undefined" && /jsdom/i.test(navigator.userAgent)) return null;
  try {
    const main = canvas.getContext("2d");
    const density = document.createElement("canvas").getContext("2d");
    return main && density ? { main, density } : null;
  } catch {
    return null;
  }
}
