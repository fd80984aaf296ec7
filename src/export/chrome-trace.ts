/**
 * A run in the Chrome Trace Event Format (the JSON that the Perfetto UI,
 * ui.perfetto.dev, and chrome://tracing open), object form:
 * `{ traceEvents, displayTimeUnit: "ms", metadata }`.
 *
 * Layout: one process per lane group, in the timeline's order (clients,
 * stores, log, consumers; then `simulation` for the network and the
 * controller, which are not lanes), and one thread per node, in lane order.
 * `M` events name them and give their sort order.
 *
 * Time: `ts` is in microseconds, 1 simulated ms = 1000 µs. Many events share
 * one simulated ms (a delivery, the apply it causes and the ack it sends), so
 * the events of one ms are spread across its first microseconds in trace
 * order — each gets a short slot — and `args.t` keeps the exact simulated
 * time. That keeps one node's events side by side instead of stacked, and a
 * message's arrival never before its send.
 *
 * Events: what a node does (invoke, send, deliver, apply, append, replicate,
 * read, poll, ack, …) is a short complete slice (`X`) with the trace event's
 * fields in `args`; what happens to it (a drop, with its reason, a crash,
 * restart, election, ISR change, truncation, partition, heal, …) is a thread
 * instant (`i`, `s: "t"`). Each delivered message is a flow from its send
 * slice to its delivery slice (`s`, then `f` with `bp: "e"`, same `id` and
 * `cat`, each inside its slice). Anomalies, and partitions offline at the
 * end, are global instants (`s: "g"`, placed on the first store's thread)
 * named by kind, with the checker's explanation in `args`.
 *
 * Pure and deterministic: the same trace and report give the same JSON string.
 */
import type { Anomaly, OfflinePartition, Report } from "../check/types";
import { eventsOf } from "../sim/event-reader";
import type { NodeInfo, Trace, TraceEvent } from "../sim/types";
import { eventRecord } from "./events";

export interface ChromeTraceEvent {
  name: string;
  cat?: string;
  /** `M` metadata, `X` complete slice, `i` instant, `s`/`f` flow start/end. */
  ph: "M" | "X" | "i" | "s" | "f";
  /** Microseconds. */
  ts: number;
  /** Microseconds; `X` only. */
  dur?: number;
  pid: number;
  tid: number;
  /** Instant scope: thread or global. */
  s?: "t" | "g";
  /** Flow id: the network message id. */
  id?: number;
  /** Flow end binds to the enclosing slice. */
  bp?: "e";
  args?: Record<string, unknown>;
}

export interface ChromeTraceMetadata {
  source: "Inside Out";
  scenario: string | null;
  strategy: string;
  seed: number;
  traceHash: string;
  events: number;
  endTimeMs: number;
  quiescedAtMs: number | null;
  capped: Trace["capped"];
  anomalies: number;
  timeScale: string;
}

export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: "ms";
  metadata: ChromeTraceMetadata;
}

/** Processes in the timeline's order; `simulation` holds nodes that are not lanes (network, controller). */
const PROCESSES = ["clients", "stores", "log", "consumers", "simulation"] as const;
type ProcessName = (typeof PROCESSES)[number];

/** Microseconds in one simulated ms. */
const US_PER_MS = 1000;
/** The widest slot one event gets in its simulated ms. */
const MAX_SLOT_US = 100;

/** Events that are instants on their node's thread; every other type is a short slice. */
const INSTANT_TYPES: ReadonlySet<string> = new Set([
  "drop",
  "timeout",
  "retry",
  "crash",
  "restart",
  "partition",
  "heal",
  "elect",
  "isr-change",
  "truncate",
  "hw-advance",
  "add-store",
  "quiesce",
]);

interface Lane {
  node: string;
  process: ProcessName;
  pid: number;
  tid: number;
}

/** One lane per node: trace.nodes by group in timeline order, then other nodes by first appearance. */
function lanes(nodes: NodeInfo[], others: string[]): Lane[] {
  const out: Lane[] = [];
  PROCESSES.forEach((process, p) => {
    const members =
      process === "simulation" ? others : nodes.filter((n) => n.group === process).map((n) => n.id);
    members.forEach((node, i) => {
      // pid 1..5 whatever the strategy, so `stores` is always pid 2; tids never equal a pid.
      out.push({ node, process, pid: p + 1, tid: (p + 1) * 1000 + i + 1 });
    });
  });
  return out;
}

function round(us: number): number {
  // Nanosecond resolution, which is what Perfetto keeps.
  return Math.round(us * 1000) / 1000;
}

/** Where an event sits: the start and width of its slot in its simulated ms. */
interface Slot {
  ts: number;
  slot: number;
}

/**
 * Slots per simulated time: the events at time `t` share
 * `[t, min(t + 1 ms, next event time))`, in trace order, at most
 * `MAX_SLOT_US` each (a multiple of 4 µs when wide enough, so slices and the
 * flow points in their middle fall on whole microseconds).
 */
function slotter(counts: Map<number, number>): (t: number) => Slot {
  const times = [...counts.keys()].sort((a, b) => a - b);
  const width = new Map<number, number>();
  times.forEach((t, i) => {
    const gapUs = i + 1 < times.length ? (times[i + 1] - t) * US_PER_MS : US_PER_MS;
    let slot = Math.min(MAX_SLOT_US, Math.min(US_PER_MS, gapUs) / (counts.get(t) as number));
    if (slot >= 4) slot = Math.floor(slot / 4) * 4;
    width.set(t, slot);
  });
  const used = new Map<number, number>();
  return (t) => {
    const rank = used.get(t) ?? 0;
    used.set(t, rank + 1);
    const slot = width.get(t) as number;
    return { ts: round(t * US_PER_MS + rank * slot), slot };
  };
}

function describeValue(e: TraceEvent): string {
  return e.value === undefined ? `${e.key ?? ""}` : `${e.key ?? ""} = ${e.value}`;
}

function at(e: TraceEvent): string {
  return e.partition === undefined ? "" : ` @p${e.partition}:${e.offset ?? "?"}`;
}

/** A short label for the track; `args` has every field. */
function eventName(e: TraceEvent, kind: string | undefined): string {
  const write = e.write === undefined ? "" : ` #${e.write}`;
  switch (e.type) {
    case "invoke":
      return `invoke${write} ${e.detail ?? ""} ${describeValue(e)}`.replace(/\s+/g, " ").trim();
    case "send":
    case "duplicate":
      return `${e.type} ${e.detail ?? "message"} → ${e.peer ?? "?"}`;
    case "deliver":
      return `deliver ${e.detail ?? "message"} ← ${e.peer ?? "?"}`;
    case "drop":
      return `drop ${kind ?? "message"} ← ${e.peer ?? "?"} (${e.detail ?? "?"})`;
    case "apply":
    case "reject":
    case "read":
      return `${e.type} ${describeValue(e)}`;
    case "append":
    case "replicate":
      return `${e.type} ${describeValue(e)}${at(e)}`;
    case "ack":
    case "fail":
    case "timeout":
    case "retry":
      return `${e.type}${write}`;
    case "partition":
      return `partition ${e.detail ?? ""}`.trim();
    case "elect":
      return `elect p${e.partition ?? "?"} (${e.detail ?? ""})`;
    case "isr-change":
      return `ISR p${e.partition ?? "?"} = ${e.detail ?? ""}`;
    case "truncate":
      return `truncate p${e.partition ?? "?"} to ${e.offset ?? "?"}`;
    case "hw-advance":
      return `HW p${e.partition ?? "?"} = ${e.offset ?? "?"}`;
    case "poll":
      return `poll p${e.partition ?? "?"} @${e.offset ?? "?"}`;
    case "commit-offset":
      return `commit p${e.partition ?? "?"} = ${e.offset ?? "?"}`;
    default:
      return e.type;
  }
}

/** What became of a message: the event that ended it. */
interface Outcome {
  seq: number;
  type: "deliver" | "drop";
  t: number;
  node: string;
  detail: string | undefined;
}

function outcomeText(o: Outcome | undefined): string {
  if (o === undefined) return "in flight at the end of the run";
  return o.type === "deliver"
    ? `delivered to ${o.node} at ${o.t} ms`
    : `dropped at ${o.node} at ${o.t} ms (${o.detail ?? "?"})`;
}

function anomalyArgs(a: Anomaly): Record<string, unknown> {
  const args: Record<string, unknown> = {
    explanation: a.explanation,
    id: a.id,
    kind: a.kind,
    state: a.state,
    key: a.key,
    writes: a.writes,
    stores: a.stores,
    events: a.events,
    detectedAt: a.detectedAt,
    span: a.span,
  };
  if (a.confirmedAt !== undefined) args.confirmedAt = a.confirmedAt;
  if (a.healedAt !== undefined) args.healedAt = a.healedAt;
  return args;
}

function offlineArgs(p: OfflinePartition): Record<string, unknown> {
  return {
    explanation: p.explanation,
    partition: p.partition,
    since: p.since,
    waitingFor: p.waitingFor,
    writes: p.writes,
  };
}

/** The run as a Chrome Trace Event Format object (see the file's comment). `report` may be null when the checker failed. */
export function toChromeTrace(trace: Trace, report: Report | null): ChromeTrace {
  const events = eventsOf(trace);
  const anomalies = report?.anomalies ?? [];
  const offline = report?.offline ?? [];

  // First pass: events per simulated time, how each message ended, nodes that are not lanes.
  const counts = new Map<number, number>();
  const outcome = new Map<number, Outcome>();
  const kindOf = new Map<number, string>();
  /** The send (or duplicate) that put each message on the wire. */
  const sentBy = new Map<number, number>();
  const laneNodes = new Set(trace.nodes.map((n) => n.id));
  const others: string[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events.get(i);
    counts.set(e.t, (counts.get(e.t) ?? 0) + 1);
    if (!laneNodes.has(e.node)) {
      laneNodes.add(e.node);
      others.push(e.node);
    }
    if (e.msg === undefined) continue;
    if ((e.type === "send" || e.type === "duplicate") && !sentBy.has(e.msg)) {
      sentBy.set(e.msg, e.seq);
      kindOf.set(e.msg, e.detail ?? "message");
    } else if ((e.type === "deliver" || e.type === "drop") && !outcome.has(e.msg))
      outcome.set(e.msg, { seq: e.seq, type: e.type, t: e.t, node: e.node, detail: e.detail });
  }
  // A hand-built trace with no nodes still needs a thread to hang the anomalies on.
  if (anomalies.length + offline.length > 0 && laneNodes.size === 0) others.push("checker");
  const all = lanes(trace.nodes, others);
  const laneOf = new Map(all.map((l) => [l.node, l]));
  const home = all.find((l) => l.process === "stores") ?? all[0];

  const meta: ChromeTraceEvent[] = [];
  PROCESSES.forEach((process, p) => {
    const members = all.filter((l) => l.process === process);
    if (members.length === 0) return;
    const { pid, tid } = members[0];
    meta.push({ name: "process_name", ph: "M", ts: 0, pid, tid, args: { name: process } });
    meta.push({ name: "process_sort_index", ph: "M", ts: 0, pid, tid, args: { sort_index: p } });
  });
  all.forEach((l, i) => {
    const { pid, tid } = l;
    meta.push({ name: "thread_name", ph: "M", ts: 0, pid, tid, args: { name: l.node } });
    meta.push({ name: "thread_sort_index", ph: "M", ts: 0, pid, tid, args: { sort_index: i } });
  });

  // Second pass: the events, and where each anomaly's evidence ends.
  const evidence = new Set(anomalies.flatMap((a) => a.events));
  const endOf = new Map<number, { t: number; end: number }>();
  const slotOf = slotter(counts);
  const body: ChromeTraceEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events.get(i);
    const { pid, tid } = laneOf.get(e.node) as Lane;
    const { ts, slot } = slotOf(e.t);
    const kind = e.msg === undefined ? undefined : kindOf.get(e.msg);
    const name = eventName(e, kind);
    const args: Record<string, unknown> = eventRecord(e);
    if (INSTANT_TYPES.has(e.type)) {
      if (e.type === "drop" && kind !== undefined) args.kind = kind;
      body.push({ name, cat: e.type, ph: "i", ts, pid, tid, s: "t", args });
      if (evidence.has(e.seq)) endOf.set(e.seq, { t: e.t, end: ts });
      continue;
    }
    const dur = round(slot / 2);
    const sent = e.type === "send" || e.type === "duplicate";
    if (sent && e.msg !== undefined) args.outcome = outcomeText(outcome.get(e.msg));
    body.push({ name, cat: e.type, ph: "X", ts, dur, pid, tid, args });
    if (evidence.has(e.seq)) endOf.set(e.seq, { t: e.t, end: round(ts + dur) });
    // The flow points sit inside their slices, so every viewer binds them to the slice.
    const mid = round(ts + slot / 4);
    if (e.msg === undefined || kind === undefined) continue;
    // A flow for each message that was both sent and delivered: one start, one end.
    const end = outcome.get(e.msg);
    if (end?.type !== "deliver") continue;
    const flow = { name: kind, cat: "message", ts: mid, pid, tid, id: e.msg };
    if (sentBy.get(e.msg) === e.seq) body.push({ ...flow, ph: "s" });
    else if (end.seq === e.seq) body.push({ ...flow, ph: "f", bp: "e" });
  }

  const { pid, tid } = home ?? { pid: 0, tid: 0 };
  for (const a of anomalies) {
    // Just after the last piece of evidence seen by the time it was detected, if that is in the same ms.
    let ts = a.detectedAt * US_PER_MS;
    for (const seq of a.events) {
      const end = endOf.get(seq);
      if (end !== undefined && end.t === a.detectedAt) ts = Math.max(ts, end.end);
    }
    const args = anomalyArgs(a);
    body.push({ name: a.kind, cat: "anomaly", ph: "i", ts: round(ts), pid, tid, s: "g", args });
  }
  for (const p of offline) {
    const name = `offline p${p.partition}`;
    const ts = round(p.since * US_PER_MS);
    body.push({ name, cat: "offline", ph: "i", ts, pid, tid, s: "g", args: offlineArgs(p) });
  }
  // Stable: events of the same ts keep trace order (a slice before the flow point inside it).
  body.sort((x, y) => x.ts - y.ts);

  return {
    traceEvents: [...meta, ...body],
    displayTimeUnit: "ms",
    metadata: {
      source: "Inside Out",
      scenario: trace.scenario.name ?? null,
      strategy: trace.scenario.strategy,
      seed: trace.scenario.seed,
      traceHash: trace.traceHash,
      events: events.length,
      endTimeMs: trace.endTime,
      quiescedAtMs: trace.quiescedAt,
      capped: trace.capped,
      anomalies: anomalies.length,
      timeScale:
        "ts is in µs, 1 simulated ms = 1000 µs; the events of one simulated ms are spread over its first µs in trace order; args.t is the exact simulated ms",
    },
  };
}

/** The keys of an event in the order they are written, whatever order they were set in. */
const KEY_ORDER = [
  "name",
  "cat",
  "ph",
  "ts",
  "dur",
  "pid",
  "tid",
  "s",
  "id",
  "bp",
  "args",
] as const;

function eventJson(e: ChromeTraceEvent): string {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (e[k] !== undefined) out[k] = e[k];
  return JSON.stringify(out);
}

/**
 * `toChromeTrace` as text: one trace event per line (so `head` and `diff`
 * read it), the same string for the same trace and report.
 */
export function chromeTraceJson(trace: Trace, report: Report | null): string {
  const t = toChromeTrace(trace, report);
  return `{"traceEvents":[\n${t.traceEvents.map(eventJson).join(",\n")}\n],\n"displayTimeUnit":${JSON.stringify(t.displayTimeUnit)},\n"metadata":${JSON.stringify(t.metadata)}}\n`;
}
