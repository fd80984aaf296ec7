import { useEffect, useMemo, useRef } from "react";
import { drawFrame } from "./canvas-layer";
import type { PixelBuffer } from "./density";
import { AggregateCache } from "./lod";
import type { View } from "./view";

/**
 * Large runs: the bulk marks on one canvas, redrawn whenever the view changes.
 * jsdom (and any browser without 2D canvas) gets no context; the layer then
 * draws nothing and the container's data attributes still carry the counts.
 */
export function CanvasLayer({ v }: { v: View }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const marksRef = useRef<HTMLCanvasElement>(null);
  const cache = useMemo(() => new AggregateCache(v.g), [v.g]);
  const ctxRef = useRef<[CanvasRenderingContext2D, CanvasRenderingContext2D] | null | undefined>(
    undefined,
  );
  const pixels = useRef<PixelBuffer>({ image: null });
  const { width, height } = v.layout;
  const dpr = typeof window === "undefined" ? 1 : window.devicePixelRatio || 1;

  useEffect(() => {
    const canvas = ref.current;
    const marksCanvas = marksRef.current;
    if (!canvas || !marksCanvas) return;
    if (ctxRef.current === undefined) {
      const a = safeContext(canvas);
      const b = safeContext(marksCanvas);
      ctxRef.current = a && b ? [a, b] : null;
    }
    const ctx = ctxRef.current;
    if (!ctx) return;
    const stats = drawFrame(ctx[0], { ...v, marksCtx: ctx[1], pixels: pixels.current, dpr, cache });
    canvas.dataset.lod = String(stats.lod);
    canvas.dataset.drawn = String(stats.arrows);
  }, [v, dpr, cache]);

  const size = {
    width: Math.round(width * dpr),
    height: Math.round(height * dpr),
    style: { width, height },
  };
  return (
    <>
      <canvas ref={ref} className="tl-canvas" {...size} />
      <canvas ref={marksRef} className="tl-canvas tl-canvas-marks" {...size} />
    </>
  );
}

function safeContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  // jsdom without the canvas package reports "not implemented" and returns null (or throws).
  if (typeof navigator !== "undefined" && /jsdom/i.test(navigator.userAgent)) return null;
  try {
    return canvas.getContext("2d");
  } catch {
    return null;
  }
}
