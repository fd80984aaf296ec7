/**
 * The messages track: arrows between lanes of any group. `placeArrow` is the
 * one placement of an arrow, read by both back ends (SvgMarks.tsx for small
 * runs, canvas-layer.ts for big ones, exact and aggregated): where it starts,
 * where its drawn line stops (the playhead, while it is in flight), where it
 * would end, and which of its parts are drawn.
 */
import type { View } from "../view";

export type ArrowState = "past" | "flying" | "future";

export interface ArrowPlace {
  x1: number;
  y1: number;
  /** Where the drawn line ends: (x2, y2), or the playhead's point while in flight. */
  ex: number;
  ey: number;
  /** Where the message lands (a short stub for one that never arrived). */
  x2: number;
  y2: number;
  /** past: delivered or dropped by the playhead; flying: sent, not yet there; future: not sent yet. */
  state: ArrowState;
  drop: boolean;
  dup: boolean;
  /** Sent and never delivered nor dropped before the run ended. */
  lost: boolean;
  /** The in-flight line has a rest to the landing point (drawn faint when the future is shown). */
  rest: boolean;
  /** An arrowhead at the landing point. */
  head: boolean;
  /** The drop's mark (marks.ts `DROP_SHAPE`) at the landing point. */
  cross: boolean;
}

/** A place to fill: callers reuse one per frame, so placing allocates nothing. */
export function newArrowPlace(): ArrowPlace {
  return {
    x1: 0,
    y1: 0,
    ex: 0,
    ey: 0,
    x2: 0,
    y2: 0,
    state: "past",
    drop: false,
    dup: false,
    lost: false,
    rest: false,
    head: false,
    cross: false,
  };
}

/** Places one arrow in the view into `out` (and returns it). */
export function placeArrow(
  v: View,
  sendT: number,
  endT: number,
  from: number,
  to: number,
  drop: boolean,
  dup: boolean,
  lost: boolean,
  out: ArrowPlace,
): ArrowPlace {
  const { x, layout: L, playhead } = v;
  const x1 = x(sendT);
  const y1 = L.laneY[from];
  out.x1 = x1;
  out.y1 = y1;
  out.drop = drop;
  out.dup = dup;
  out.lost = lost;
  if (lost) {
    // Never arrived: a short stub leaving the sender.
    out.x2 = out.ex = x1 + 10;
    out.y2 = out.ey = y1 + 6;
    out.state = sendT <= playhead ? "flying" : "future";
    out.rest = out.head = out.cross = false;
    return out;
  }
  const x2 = x(endT);
  const y2 = L.laneY[to];
  out.x2 = x2;
  out.y2 = y2;
  if (sendT > playhead) out.state = "future";
  else if (endT > playhead) out.state = "flying";
  else out.state = "past";
  if (out.state === "flying") {
    const k = (playhead - sendT) / Math.max(1e-9, endT - sendT);
    out.ex = x1 + (x2 - x1) * k;
    out.ey = y1 + (y2 - y1) * k;
  } else {
    out.ex = x2;
    out.ey = y2;
  }
  out.rest = out.state === "flying";
  out.head = out.state === "past" && !drop;
  out.cross = out.state === "past" && drop;
  return out;
}
