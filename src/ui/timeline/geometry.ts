import { eventsOf } from "../../sim/event-reader";
import type { EventType, NodeInfo, Trace, TraceEvent } from "../../sim/types";
import { causeMaps, laneEventsOf, MsgTable } from "./geometry-lookups";
import { oncePer } from "./once-per";
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
  // Field by field from the trace's columns: no event object is made here, and
  // `eventBySeq` makes one only for the event a view asks for.
  const events = eventsOf(trace);
  const count = events.length;
  // Traces from `simulate` have seq == index; fall back to a map for hand-made ones.
  let dense = true;
  const base = count ? events.seq(0) : 0;
  for (let i = 0; i < count && dense; i++) dense = events.seq(i) === base + i;
  const seqMap = dense ? null : new Map<number, number>();
  if (seqMap !== null) for (let i = 0; i < count; i++) seqMap.set(events.seq(i), i);
  const eventBySeq = (seq: number): TraceEvent | undefined => {
    const i = seqMap ? seqMap.get(seq) : seq - base;
    return i !== undefined && i >= 0 && i < count ? events.get(i) : undefined;
  };

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
  const pending = new MsgTable(count);

  const markT = new Float64Array(count);
  const markLane = new Int16Array(count);
  const markSeq = new Int32Array(count);
  const markType = new Uint8Array(count);
  let m = 0;

  const crashes: Band[] = [];
  const partitions: Band[] = [];
  const down = new Map<number, Band>();
  let openPartitions: Band[] = [];

  for (let i = 0; i < count; i++) {
    const type = events.type(i);
    const node = events.node(i);
    const t = events.t(i);
    const seq = events.seq(i);
    const lane = laneOf.get(node);
    switch (type) {
      case "send":
      case "duplicate": {
        const msg = events.msg(i);
        if (msg === undefined || lane === undefined) break;
        const earlier = pending.get(msg);
        if (earlier !== undefined) live[earlier] = 0;
        const k = arrowCount++;
        sendT[k] = t;
        from[k] = lane;
        to[k] = lane;
        sendSeq[k] = seq;
        dup[k] = type === "duplicate" ? 1 : 0;
        // Until its deliver or drop: still in flight when the run stopped.
        endT[k] = Number.POSITIVE_INFINITY;
        kind[k] = ARROW_LOST;
        endSeq[k] = -1;
        live[k] = 1;
        pending.set(msg, k);
        break;
      }
      case "deliver":
      case "drop": {
        const msg = events.msg(i);
        if (msg === undefined) break;
        const k = pending.get(msg);
        if (k !== undefined && lane !== undefined) {
          pending.delete(msg);
          endT[k] = t;
          to[k] = lane;
          kind[k] = type === "drop" ? ARROW_DROP : ARROW_DELIVER;
          endSeq[k] = seq;
        }
        break;
      }
      case "crash":
        if (lane !== undefined) {
          const band = { from: t, to: Number.POSITIVE_INFINITY, lanes: [lane], seq, label: "down" };
          down.set(lane, band);
          crashes.push(band);
        }
        break;
      case "restart":
        if (lane !== undefined) {
          const band = down.get(lane);
          if (band) band.to = t;
          down.delete(lane);
        }
        break;
      case "partition": {
        const detail = events.detail(i);
        const [a, b] = partitionSides(detail);
        const lanes = [...a, ...b].flatMap((id) => laneOf.get(id) ?? []);
        const band = { from: t, to: Number.POSITIVE_INFINITY, lanes, seq, label: detail ?? "" };
        partitions.push(band);
        openPartitions.push(band);
        break;
      }
      case "heal":
        for (const band of openPartitions) band.to = t;
        openPartitions = [];
        break;
      default:
        break;
    }
    if (lane !== undefined && !NOT_A_MARK.has(type)) {
      markT[m] = t;
      markLane[m] = lane;
      markSeq[m] = seq;
      markType[m] = TYPE_CODE[type];
      m++;
    }
  }

  // Send order is time order for any trace in time order; sort a hand-made one that is not.
  // Live arrows in send order: for a simulated run that is already their order, and none is dead,
  // so the columns are cut to length (one copy each) rather than gathered one arrow at a time.
  const order = new Int32Array(arrowCount);
  let n = 0;
  let sorted = true;
  for (let k = 0; k < arrowCount; k++) {
    if (live[k] === 0) continue;
    if (n > 0) {
      const last = order[n - 1];
      if (sendT[last] > sendT[k] || (sendT[last] === sendT[k] && sendSeq[last] > sendSeq[k]))
        sorted = false;
    }
    order[n++] = k;
  }
  const inPlace = sorted && n === arrowCount;
  if (!sorted)
    order
      .subarray(0, n)
      .set(
        Array.from(order.subarray(0, n)).sort(
          (x, y) => sendT[x] - sendT[y] || sendSeq[x] - sendSeq[y],
        ),
      );
  const gather = <A extends Float64Array | Int16Array | Int32Array | Uint8Array>(src: A): A => {
    if (inPlace) return src.slice(0, n) as A;
    const out = new (src.constructor as new (n: number) => A)(n);
    for (let i = 0; i < n; i++) out[i] = src[order[i]];
    return out;
  };
  const arrows: Arrows = {
    n,
    sendT: gather(sendT),
    endT: gather(endT),
    from: gather(from),
    to: gather(to),
    kind: gather(kind),
    dup: gather(dup),
    sendSeq: gather(sendSeq),
    endSeq: gather(endSeq),
    maxFlight: 0,
  };
  let maxFlight = 0;
  for (let i = 0; i < n; i++) {
    const flight = arrows.endT[i] - arrows.sendT[i];
    if (flight > maxFlight && flight !== Number.POSITIVE_INFINITY) maxFlight = flight;
  }
  arrows.maxFlight = maxFlight;

  const marks: Marks = {
    n: m,
    t: markT.slice(0, m),
    lane: markLane.slice(0, m),
    seq: markSeq.slice(0, m),
    type: markType.slice(0, m),
  };

  // What only hovering and the inspector need is made when they first ask.
  let laneEvents: Geometry["laneEvents"] | undefined;
  let causes: ReturnType<typeof causeMaps> | undefined;
  return {
    trace,
    nodes,
    laneOf,
    arrows,
    marks,
    get laneEvents() {
      laneEvents ??= laneEventsOf(events, laneOf, nodes.length);
      return laneEvents;
    },
    crashes,
    partitions,
    eventBySeq,
    get sendOfMsg() {
      causes ??= causeMaps(events, laneOf);
      return causes.sendOfMsg;
    },
    get invokeOfWrite() {
      causes ??= causeMaps(events, laneOf);
      return causes.invokeOfWrite;
    },
    endTime: Math.max(trace.endTime, count ? events.t(count - 1) : 0, 1),
  };
}

/**
 * `buildGeometry`, once per trace: the timeline, a second view of the same run
 * and the warm-up before a big run shows (app/warm-up.ts) share one.
 */
export const geometryOf = oncePer(buildGeometry);

/** Arrow indices [lo, hi) whose send falls in [t0 - maxFlight, t1]; callers still test endT >= t0. */
export function arrowWindow(a: Arrows, t0: number, t1: number): [number, number] {
  return [lowerBound(a.sendT, t0 - a.maxFlight, a.n), upperBound(a.sendT, t1, a.n)];
}

/** Count of arrows whose send is at or before `t` (what the view shows at a playhead). */
export function arrowsUpTo(a: Arrows, t: number): number {
  return upperBound(a.sendT, t, a.n);
}
