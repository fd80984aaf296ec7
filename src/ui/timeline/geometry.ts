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

export function buildGeometry(trace: Trace): Geometry {
  const nodes = orderNodes(trace.nodes);
  const laneOf = new Map(nodes.map((n, i) => [n.id, i]));
  const events = trace.events;
  const count = events.length;
  // Traces from `simulate` have seq == index; fall back to a map for hand-made ones.
  let dense = true;
  for (let i = 0; i < count && dense; i++) dense = events[i].seq === events[0].seq + i;
  const base = count ? events[0].seq : 0;
  const seqMap = dense ? null : new Map(events.map((e) => [e.seq, e]));
  const eventBySeq = (seq: number) => (seqMap ? seqMap.get(seq) : events[seq - base]);

  // Arrows are numbered in send order, so they come out sorted by send time
  // (events are in time order) with no per-arrow object and no sort. A run of
  // half a million events built its arrows as tuples and sorted them: 0.3-0.9 s.
  const sendT = new Float64Array(count);
  const endT = new Float64Array(count);
  const from = new Int16Array(count);
  const to = new Int16Array(count);
  const kind = new Uint8Array(count);
  const dup = new Uint8Array(count);
  const sendSeq = new Int32Array(count);
  const endSeq = new Int32Array(count);
  /** 0 for an arrow whose message id a later send reused (it is dropped, as a hand-made trace may do). */
  const live = new Uint8Array(count);
  let arrowCount = 0;
  /** Message id -> its arrow, while the message is in flight. */
  const pending = new Map<number, number>();

  const markT = new Float64Array(count);
  const markLane = new Int16Array(count);
  const markSeq = new Int32Array(count);
  const markType = new Uint8Array(count);
  let m = 0;

  const sendOfMsg = new Map<number, number>();
  const invokeOfWrite = new Map<number, number>();
  const perLane: number[][] = nodes.map(() => []);
  const perLaneT: number[][] = nodes.map(() => []);
  const crashes: Band[] = [];
  const partitions: Band[] = [];
  const down = new Map<number, Band>();
  let openPartitions: Band[] = [];

  for (let i = 0; i < count; i++) {
    const e = events[i];
    const lane = laneOf.get(e.node);
    if (lane !== undefined) {
      perLane[lane].push(e.seq);
      perLaneT[lane].push(e.t);
    }
    if (e.type === "invoke" && e.write !== undefined && !invokeOfWrite.has(e.write))
      invokeOfWrite.set(e.write, e.seq);
    if (
      (e.type === "send" || e.type === "duplicate") &&
      e.msg !== undefined &&
      lane !== undefined
    ) {
      const earlier = pending.get(e.msg);
      if (earlier !== undefined) live[earlier] = 0;
      const k = arrowCount++;
      sendT[k] = e.t;
      from[k] = lane;
      to[k] = lane;
      sendSeq[k] = e.seq;
      dup[k] = e.type === "duplicate" ? 1 : 0;
      // Until its deliver or drop: still in flight when the run stopped.
      endT[k] = Number.POSITIVE_INFINITY;
      kind[k] = ARROW_LOST;
      endSeq[k] = -1;
      live[k] = 1;
      pending.set(e.msg, k);
      sendOfMsg.set(e.msg, e.seq);
    } else if ((e.type === "deliver" || e.type === "drop") && e.msg !== undefined) {
      const k = pending.get(e.msg);
      if (k !== undefined && lane !== undefined) {
        pending.delete(e.msg);
        endT[k] = e.t;
        to[k] = lane;
        kind[k] = e.type === "drop" ? ARROW_DROP : ARROW_DELIVER;
        endSeq[k] = e.seq;
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
    if (!NOT_A_MARK.has(e.type) && lane !== undefined) {
      markT[m] = e.t;
      markLane[m] = lane;
      markSeq[m] = e.seq;
      markType[m] = TYPE_CODE[e.type];
      m++;
    }
  }

  // Send order is time order for any trace in time order; sort a hand-made one that is not.
  const order: number[] = [];
  let sorted = true;
  for (let k = 0; k < arrowCount; k++) {
    if (live[k] === 0) continue;
    const last = order[order.length - 1];
    if (
      last !== undefined &&
      (sendT[last] > sendT[k] || (sendT[last] === sendT[k] && sendSeq[last] > sendSeq[k]))
    )
      sorted = false;
    order.push(k);
  }
  if (!sorted) order.sort((x, y) => sendT[x] - sendT[y] || sendSeq[x] - sendSeq[y]);
  const n = order.length;
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
  for (let i = 0; i < n; i++) {
    const k = order[i];
    arrows.sendT[i] = sendT[k];
    arrows.endT[i] = endT[k];
    arrows.from[i] = from[k];
    arrows.to[i] = to[k];
    arrows.kind[i] = kind[k];
    arrows.dup[i] = dup[k];
    arrows.sendSeq[i] = sendSeq[k];
    arrows.endSeq[i] = endSeq[k];
  }
  for (let i = 0; i < n; i++) {
    const flight = arrows.endT[i] - arrows.sendT[i];
    if (Number.isFinite(flight)) arrows.maxFlight = Math.max(arrows.maxFlight, flight);
  }

  const marks: Marks = {
    n: m,
    t: markT.slice(0, m),
    lane: markLane.slice(0, m),
    seq: markSeq.slice(0, m),
    type: markType.slice(0, m),
  };

  const laneEvents = perLane.map((seqs, lane) => ({
    t: Float64Array.from(perLaneT[lane]),
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
