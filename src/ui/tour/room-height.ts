import { type RefObject, useLayoutEffect, useState } from "react";

/** Never squeeze the plot below this, px: past it the lanes grow the plot instead (layout.ts). */
const MIN_PLOT_PX = 240;

/**
 * Presenter mode: the plot's height, at most what the window has left under
 * the plot's top, so the step's lanes are on the same screen as its caption
 * (the caption bar above changes height from step to step). The top is
 * measured in page coordinates, so scrolling changes nothing; it is measured
 * again when the page or the window resizes. Off stage: `want`, unchanged.
 */
export function useRoomHeight(
  ref: RefObject<HTMLElement | null>,
  on: boolean,
  want: number,
): number {
  const [room, setRoom] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (!on) {
      setRoom(null);
      return;
    }
    const measure = () => {
      const plot = ref.current?.querySelector(".tl-plot");
      if (plot === null || plot === undefined) return;
      const top = plot.getBoundingClientRect().top + window.scrollY;
      setRoom(Math.floor(window.innerHeight - top - 4));
    };
    measure();
    window.addEventListener("resize", measure);
    // The caption bar above growing or shrinking moves the plot: the page's height changes with it.
    const ro = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    ro?.observe(document.body);
    return () => {
      window.removeEventListener("resize", measure);
      ro?.disconnect();
    };
  }, [on, ref]);
  return on && room !== null ? Math.max(MIN_PLOT_PX, Math.min(want, room)) : want;
}
