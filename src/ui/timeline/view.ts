import type { ScaleLinear } from "d3";
import type { Geometry } from "./geometry";
import type { Layout } from "./layout";

/** What every layer needs to place a mark in one frame. */
export interface View {
  g: Geometry;
  layout: Layout;
  x: ScaleLinear<number, number>;
  playhead: number;
  showFuture: boolean;
  /** Prefix for SVG ids (clip, marker, pattern): unique per timeline, since two can share a page. */
  uid: string;
}

/** Horizontal zoom state (d3-zoom's k and x; y is unused). */
export interface ZoomState {
  k: number;
  x: number;
}

export const IDENTITY: ZoomState = { k: 1, x: 0 };

/** Runs at or under these sizes draw every mark in SVG (crisp, exportable, testable in jsdom). */
export const SVG_MAX_ARROWS = 800;
export const SVG_MAX_MARKS = 1600;

export function visibleRange(v: View): [number, number] {
  return [v.x.invert(v.layout.plotX0), v.x.invert(v.layout.plotX1)];
}
