import type { EventType, NodeInfo, Trace, TraceEvent } from "../../sim/types";
import { lowerBound, upperBound } from "./sorted";
import { TYPE_CODE } from "./type-codes";

// Re-exported: the layers import everything about the geometry from here.
export { lowerBound, upperBound } from "./sorted";
export { TYPE_CODE, TYPE_NAMES } from "./type-codes";

/**
 * Everything a frame needs, computed once per trace. Typed arrays sorted by
 * time so a frame only binary-searches the visible window (Perfetto: load
 * elsewhere, render from ready data).
 */

export const ARROW_DELIVER = 0;
export const ARROW_DROP = 1;
/** Sent but never delivered nor dropped before the run ended. */
export const ARROW_LOST = 2;

export interface Arrows {
  n: number;
  sendT: Float64Array;
  endT: Float64Array;
  from: Int16Array;
  to: Int16Array;
  /** ARROW_DELIVER | ARROW_DROP | ARROW_LOST */
  kind: Uint8Array;
  /** 1 when this is the copy made by a `duplicate`. */
  dup: Uint8Array;
  sendSeq: Int32Array;
  endSeq: Int32Array;
  /** Longest flight time: lets a window query start at `t0 - maxFlight`. */
  maxFlight: number;
}

/** Non-message events drawn as a mark on their lane. */
export interface Marks {
  n: number;
  t: Float64Array;
  lane: Int16Array;
  seq: Int32Array;
  type: Uint8Array;
}

export interface Band {
  from: number;
  /** Infinity while the node stays down / the partition is never healed. */
  to: number;
  lanes: number[];
  seq: number;
  label: string;
}

export interface Geometry {
  trace: Trace;
  nodes: NodeInfo[];
  laneOf: Map<string, number>;
  arrows: Arrows;
  marks: Marks;
  /** Per lane, every event on it (including send/deliver), for hit testing. */
  laneEvents: { t: Float64Array; seq: Int32Array }[];
  crashes: Band[];
  partitions: Band[];
  eventBySeq: (seq: number) => TraceEvent | undefined;
  /** Seq of the `send` (or `duplicate`) that created a message id. */
  sendOfMsg: Map<number, number>;
  /** Seq of the `invoke` of each workload op. */
  invokeOfWrite: Map<number, number>;
  /** Events with t <= this exist; used to clamp the domain. */
  endTime: number;
}

/** Message events are arrows, not marks; crash/restart/partition/heal are bands. */
const NOT_A_MARK = new Set<EventType>([
  "send",
  "deliver",
  "drop",
  "duplicate",
  "partition",
  "heal",
  "quiesce",
]);

/** Partition detail is "a,b | c" (both ways) or "a -> b" (one way). */
export function partitionSides(detail: string | undefined): [string[], string[]] {
  const text = detail ?? "";
  const parts = text.includes("->") ? text.split("->") : text.split("|");
  const side = (s: string | undefined) =>
    (s ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  return [side(parts[0]), side(parts[1])];
}

const GROUP_ORDER: NodeInfo["group"][] = ["clients", "stores", "log", "consumers"];

/** Lanes ordered by group so the diagram reads top-down the way data flows. */
export function orderNodes(nodes: NodeInfo[]): NodeInfo[] {
  return GROUP_ORDER.flatMap((g) => nodes.filter((n) => n.group === g));
}

interface Pending {
  t: number;
  from: number;
  seq: number;
  dup: boolean;
}

export function buildGeometry(trace: Trace): Geometry {
  const nodes = orderNodes(trace.nodes);
  const laneOf = new Map(nodes.map((n, i) => [n.id, i]));
  const events = trace.events;
  // Traces from `simulate` have seq == index; fall back to a map for hand-made ones.
  const dense = events.every((e, i) => e.seq === events[0].seq + i);
  const base = events.length ? events[0].seq : 0;
  const seqMap = dense ? null : new Map(events.map((e) => [e.seq, e]));
  const eventBySeq = (seq: number) => (seqMap ? seqMap.get(seq) : events[seq - base]);

  const pending = new Map<number, Pending>();
  const sendOfMsg = new Map<number, number>();
  const invokeOfWrite = new Map<number, number>();
  const arrowRows: [number, number, number, number, number, number, number, number][] = [];
  const markRows: [number, number, number, number][] = [];
  const perLane: number[][] = nodes.map(() => []);
  const crashes: Band[] = [];
  const partitions: Band[] = [];
  const down = new Map<number, Band>();
  let openPartitions: Band[] = [];

  for (const e of events) {
    const lane = laneOf.get(e.node);
    if (lane !== undefined) perLane[lane].push(e.seq);
    if (e.type === "invoke" && e.write !== undefined && !invokeOfWrite.has(e.write))
      invokeOfWrite.set(e.write, e.seq);
    if (
      (e.type === "send" || e.type === "duplicate") &&
      e.msg !== undefined &&
      lane !== undefined
    ) {
      pending.set(e.msg, { t: e.t, from: lane, seq: e.seq, dup: e.type === "duplicate" });
      sendOfMsg.set(e.msg, e.seq);
    } else if ((e.type === "deliver" || e.type === "drop") && e.msg !== undefined) {
      const p = pending.get(e.msg);
      if (p && lane !== undefined) {
        pending.delete(e.msg);
        const kind = e.type === "drop" ? ARROW_DROP : ARROW_DELIVER;
        arrowRows.push([p.t, e.t, p.from, lane, kind, p.dup ? 1 : 0, p.seq, e.seq]);
      }
    } else if (e.type === "crash" && lane !== undefined) {
      const band = {
        from: e.t,
        to: Number.POSITIVE_INFINITY,
        lanes: [lane],
        seq: e.seq,
        label: "down",
      };
      down.set(lane, band);
      crashes.push(band);
    } else if (e.type === "restart" && lane !== undefined) {
      const band = down.get(lane);
      if (band) band.to = e.t;
      down.delete(lane);
    } else if (e.type === "partition") {
      const [a, b] = partitionSides(e.detail);
      const lanes = [...a, ...b].flatMap((id) => laneOf.get(id) ?? []);
      const band = {
        from: e.t,
        to: Number.POSITIVE_INFINITY,
        lanes,
        seq: e.seq,
        label: e.detail ?? "",
      };
      partitions.push(band);
      openPartitions.push(band);
    } else if (e.type === "heal") {
      for (const band of openPartitions) band.to = e.t;
      openPartitions = [];
    }
    if (!NOT_A_MARK.has(e.type) && lane !== undefined)
      markRows.push([e.t, lane, e.seq, TYPE_CODE[e.type]]);
  }
  // A message still in flight when the run stopped: keep it so the view can show it leaving.
  for (const p of pending.values()) {
    arrowRows.push([
      p.t,
      Number.POSITIVE_INFINITY,
      p.from,
      p.from,
      ARROW_LOST,
      p.dup ? 1 : 0,
      p.seq,
      -1,
    ]);
  }
  arrowRows.sort((x, y) => x[0] - y[0] || x[6] - y[6]);

  const n = arrowRows.length;
  const arrows: Arrows = {
    n,
    sendT: new Float64Array(n),
    endT: new Float64Array(n),
    from: new Int16Array(n),
    to: new Int16Array(n),
    kind: new Uint8Array(n),
    dup: new Uint8Array(n),
    sendSeq: new Int32Array(n),
    endSeq: new Int32Array(n),
    maxFlight: 0,
  };
  arrowRows.forEach((r, i) => {
    arrows.sendT[i] = r[0];
    arrows.endT[i] = r[1];
    arrows.from[i] = r[2];
    arrows.to[i] = r[3];
    arrows.kind[i] = r[4];
    arrows.dup[i] = r[5];
    arrows.sendSeq[i] = r[6];
    arrows.endSeq[i] = r[7];
    if (Number.isFinite(r[1])) arrows.maxFlight = Math.max(arrows.maxFlight, r[1] - r[0]);
  });

  const m = markRows.length;
  const marks: Marks = {
    n: m,
    t: new Float64Array(m),
    lane: new Int16Array(m),
    seq: new Int32Array(m),
    type: new Uint8Array(m),
  };
  markRows.forEach((r, i) => {
    marks.t[i] = r[0];
    marks.lane[i] = r[1];
    marks.seq[i] = r[2];
    marks.type[i] = r[3];
  });

  const laneEvents = perLane.map((seqs) => ({
    t: Float64Array.from(seqs, (s) => eventBySeq(s)?.t ?? 0),
    seq: Int32Array.from(seqs),
  }));

  return {
    trace,
    nodes,
    laneOf,
    arrows,
    marks,
    laneEvents,
    crashes,
    partitions,
    eventBySeq,
    sendOfMsg,
    invokeOfWrite,
    endTime: Math.max(trace.endTime, events.length ? events[events.length - 1].t : 0, 1),
  };
}

/** Arrow indices [lo, hi) whose send falls in [t0 - maxFlight, t1]; callers still test endT >= t0. */
export function arrowWindow(a: Arrows, t0: number, t1: number): [number, number] {
  return [lowerBound(a.sendT, t0 - a.maxFlight, a.n), upperBound(a.sendT, t1, a.n)];
}

/** Count of arrows whose send is at or before `t` (what the view shows at a playhead). */
export function arrowsUpTo(a: Arrows, t: number): number {
  return upperBound(a.sendT, t, a.n);
}
