import { select, type ZoomBehavior, zoom, zoomIdentity } from "d3";
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { Layout } from "./layout";
import { record, renderStats } from "./render-stats";
import { IDENTITY, type ZoomState } from "./view";

export interface ZoomControls {
  zoom: ZoomState;
  /** Scale by `factor` about plot x `px` (default: plot centre). */
  zoomBy: (factor: number, px?: number) => void;
  /** Pan by `dx` screen pixels (positive = later times come into view). */
  panBy: (dx: number) => void;
  /** Set translate so that base-scale x `bx` lands at screen x `px`, keeping the scale. */
  centre: (bx: number, px: number) => void;
  fit: () => void;
}

interface Options {
  maxK: number;
  /** Controlled zoom (compare mode shares one between two timelines). */
  value?: ZoomState;
  onChange?: (z: ZoomState) => void;
  /** Called when a person drags (not wheel, not keys): following the playhead stops. */
  onUserPan?: () => void;
}

const same = (a: ZoomState, b: ZoomState) =>
  Math.abs(a.k - b.k) < 1e-9 && Math.abs(a.x - b.x) < 1e-6;

/**
 * d3-zoom on the plot element, horizontal only. d3 handles wheel, drag and
 * pinch; the state lives in React so every layer renders from one value.
 */
export function useZoom(
  ref: RefObject<HTMLElement | null>,
  layout: Layout,
  opts: Options,
): ZoomControls {
  const [own, setOwn] = useState<ZoomState>(IDENTITY);
  const current = opts.value ?? own;
  const behaviour = useRef<ZoomBehavior<HTMLElement, unknown> | null>(null);
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const currentRef = useRef(current);
  currentRef.current = current;

  const pending = useRef<ZoomState | null>(null);
  const frame = useRef(0);
  const apply = useCallback((next: ZoomState) => {
    if (optsRef.current.onChange) optsRef.current.onChange(next);
    else setOwn(next);
  }, []);
  // Input's frame callback: render inside this animation frame. A plain setState
  // here is scheduled as a later task, which can land after the paint and show
  // the pan a frame late.
  const flushFrame = useCallback(() => {
    frame.current = 0;
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    const start = performance.now();
    flushSync(() => apply(next));
    if (renderStats.enabled) record(renderStats.frameWorkMs, performance.now() - start);
  }, [apply]);

  const { plotX0, plotX1, height } = layout;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const z = zoom<HTMLElement, unknown>()
      .scaleExtent([1, optsRef.current.maxK])
      .extent([
        [plotX0, 0],
        [plotX1, height],
      ])
      .translateExtent([
        [plotX0, 0],
        [plotX1, height],
      ])
      .on("zoom", (ev) => {
        const next = { k: ev.transform.k, x: ev.transform.x };
        if (same(next, currentRef.current)) return;
        const type = ev.sourceEvent?.type ?? "";
        if (/move/.test(type)) optsRef.current.onUserPan?.();
        // Input can outpace the screen: keep only the latest transform and render once per frame.
        // Programmatic changes (keys, buttons, follow) have no source event and apply at once.
        // (They may run inside an effect, where flushSync is not allowed.)
        if (!ev.sourceEvent || typeof requestAnimationFrame === "undefined") {
          pending.current = null;
          apply(next);
        } else {
          pending.current = next;
          if (frame.current === 0) frame.current = requestAnimationFrame(flushFrame);
        }
      });
    behaviour.current = z;
    const sel = select(el);
    sel.call(z);
    // Keep d3's idea of the transform in line with ours after a re-bind.
    z.transform(sel, zoomIdentity.translate(currentRef.current.x, 0).scale(currentRef.current.k));
    // Double-click zoom fights with click-to-select; keys and buttons cover it.
    sel.on("dblclick.zoom", null);
    return () => {
      sel.on(".zoom", null);
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [ref, plotX0, plotX1, height, apply, flushFrame]);

  // Controlled value changed elsewhere (the other compare timeline): tell d3.
  useEffect(() => {
    const el = ref.current;
    const z = behaviour.current;
    if (!el || !z || !opts.value) return;
    const t = (el as unknown as { __zoom?: { k: number; x: number } }).__zoom;
    if (t && same({ k: t.k, x: t.x }, opts.value)) return;
    z.transform(select(el), zoomIdentity.translate(opts.value.x, 0).scale(opts.value.k));
  }, [ref, opts.value]);

  const run = useCallback(
    (f: (z: ZoomBehavior<HTMLElement, unknown>, el: HTMLElement) => void) => {
      const el = ref.current;
      const z = behaviour.current;
      if (el && z) f(z, el);
    },
    [ref],
  );

  return {
    zoom: current,
    zoomBy: (factor, px) =>
      run((z, el) => z.scaleBy(select(el), factor, [px ?? (plotX0 + plotX1) / 2, 0])),
    panBy: (dx) => run((z, el) => z.translateBy(select(el), -dx / currentRef.current.k, 0)),
    centre: (bx, px) =>
      run((z, el) => {
        const k = currentRef.current.k;
        z.transform(select(el), zoomIdentity.translate(px - k * bx, 0).scale(k));
      }),
    fit: () => run((z, el) => z.transform(select(el), zoomIdentity)),
  };
}
