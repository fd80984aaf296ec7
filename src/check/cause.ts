/**
 * The cause of an anomaly, as a chain of trace events a person can read: from
 * the root fault(s) — a delayed, dropped or duplicated message, a crash, a
 * partition, an election, a truncation, a store that joined late — through
 * happens-before to the anomaly's own events, root first.
 *
 * Happens-before here is Lamport's: each node's events in order (a consumer
 * and the store it applies to locally count as one node), and a message's
 * send before its delivery. A few edges stand for causes the trace records
 * on another node: a partition cuts the messages dropped while it holds, a
 * crash drops the messages that reach the crashed node and makes the
 * controller elect another leader, and a lost request or reply makes its
 * client time out. A fault is a root of the anomaly when it touched the
 * anomaly's writes (or the nodes that carry them) and a path of such edges
 * leads from it to the anomaly. With no fault at all, the root is the race
 * itself: the slowest of the writes' messages to the store that diverged.
 *
 * Pure: reads the trace and the anomaly, nothing else.
 */
import { losesStateOnCrash } from "../sim/store-traits";
import { clientId } from "../sim/topology";
import type { LinkOptions, Trace, TraceEvent, WriteOp } from "../sim/types";
import { describeEffect, listNames, showValue } from "./explain";
import type { Anomaly, Report } from "./types";

/**
 * `fault`: a root cause the run injected or the network did. `race`: no fault,
 * only ordinary timing (the root of a plain race). `effect`: an event on the
 * way from a root to the anomaly. `anomaly`: one of the anomaly's own events.
 */
export type CauseRole = "fault" | "race" | "effect" | "anomaly";

export interface CauseStep {
  /** The trace event's `seq`. */
  seq: number;
  /** Simulated ms. */
  t: number;
  /** One plain sentence naming nodes, keys and values. */
  text: string;
  role: CauseRole;
}

export type AnomalyWithCause = Anomaly & { cause: CauseStep[] };

/** The node of partition, heal and quiesce events: the network, not a process. */
const NETWORK = "network";
/** At most this many roots per chain; scheduled faults are kept first. */
const MAX_ROOTS = 5;
/** Events kept from one node's stretch of a path (between two hops). */
const MAX_SEGMENT_STEPS = 3;

/** Root categories, most telling first. */
const Rank = { Scheduled: 0, OnWrite: 1, Leader: 2, Other: 3 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

interface Candidate {
  idx: number;
  rank: Rank;
  text: string;
}

/** What every chain of one trace shares, built once per trace. */
interface CauseIndex {
  trace: Trace;
  events: TraceEvent[];
  idxOfSeq: Map<number, number>;
  /** Per event, the process it happened on. */
  proc: string[];
  /** Message id to its send (or, for a duplicate's copy, the duplicate event). */
  sendOf: Map<number, number>;
  /** Message id to its delivery or drop. */
  recvOf: Map<number, number>;
  writes: Map<number, WriteOp>;
  /** Cause-to-effect edges the trace records on another node (see the module comment). */
  effects: Map<number, number[]>;
  /** Per process, its event indices in order. */
  byProc: Map<string, number[]>;
}

const indexes = new WeakMap<Trace, CauseIndex>();

/** A consumer applies to its store locally: the two are one process. */
function processOf(node: string): string {
  return node.startsWith("consumer-") ? node.slice("consumer-".length) : node;
}

function addEdge(effects: Map<number, number[]>, from: number, to: number): void {
  const list = effects.get(from);
  if (list === undefined) effects.set(from, [to]);
  else list.push(to);
}

function buildIndex(trace: Trace): CauseIndex {
  const events = trace.events;
  const idxOfSeq = new Map<number, number>();
  const proc: string[] = [];
  const sendOf = new Map<number, number>();
  const recvOf = new Map<number, number>();
  const effects = new Map<number, number[]>();
  const byProc = new Map<string, number[]>();
  const writes = new Map<number, WriteOp>();
  for (const w of trace.writes) writes.set(w.id, w);

  let partition = -1;
  let lastBrokerCrash = -1;
  const lastCrash = new Map<string, number>();
  /** Drops of a write's messages still waiting for the timeout they cause, by process. */
  const pendingDrops = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    idxOfSeq.set(e.seq, i);
    const p = processOf(e.node);
    proc.push(p);
    let list = byProc.get(p);
    if (list === undefined) {
      list = [];
      byProc.set(p, list);
    }
    list.push(i);
    switch (e.type) {
      case "send":
      case "duplicate":
        if (e.msg !== undefined) sendOf.set(e.msg, i);
        break;
      case "deliver":
        if (e.msg !== undefined) recvOf.set(e.msg, i);
        break;
      case "drop": {
        if (e.msg !== undefined) recvOf.set(e.msg, i);
        if (e.detail === "partition" && partition >= 0) addEdge(effects, partition, i);
        const crash = lastCrash.get(e.node);
        if (e.detail === "crashed" && crash !== undefined) addEdge(effects, crash, i);
        // The request's sender (or the reply's receiver) waits, then times out.
        if (e.write !== undefined && e.peer !== undefined) {
          for (const node of [processOf(e.peer), p]) {
            const pending = pendingDrops.get(node) ?? [];
            pending.push(i);
            pendingDrops.set(node, pending);
          }
        }
        break;
      }
      case "timeout": {
        const pending = pendingDrops.get(p);
        if (pending !== undefined) {
          for (const d of pending) if (events[d].write === e.write) addEdge(effects, d, i);
          pendingDrops.set(
            p,
            pending.filter((d) => events[d].write !== e.write),
          );
        }
        break;
      }
      case "partition":
        partition = i;
        break;
      case "crash":
        lastCrash.set(e.node, i);
        if (e.node.startsWith("broker-")) lastBrokerCrash = i;
        break;
      case "elect":
        if (lastBrokerCrash >= 0) addEdge(effects, lastBrokerCrash, i);
        break;
      default:
        break;
    }
  }
  return { trace, events, idxOfSeq, proc, sendOf, recvOf, writes, effects, byProc };
}

function indexOf(trace: Trace): CauseIndex {
  let index = indexes.get(trace);
  if (index === undefined) {
    index = buildIndex(trace);
    indexes.set(trace, index);
  }
  return index;
}

// ---------------------------------------------------------------- sentences

function effectOf(ix: CauseIndex, write: number | undefined): string {
  const op = write === undefined ? undefined : ix.writes.get(write);
  if (op === undefined) return write === undefined ? "a write" : `write #${write}`;
  return op.op === "read" ? `a read of ${op.key}` : describeEffect(op);
}

function writerOf(ix: CauseIndex, write: number | undefined): string | null {
  const op = write === undefined ? undefined : ix.writes.get(write);
  return op === undefined ? null : clientId(op.client);
}

/** What a message is, in words: "write of x = A", "fetch response". */
function messageWhat(ix: CauseIndex, kind: string | undefined, write: number | undefined): string {
  const eff = effectOf(ix, write);
  switch (kind) {
    case "write":
      return `write of ${eff}`;
    case "tx":
      return `transaction ${eff}`;
    case "write-ack":
    case "tx-ack":
      return `acknowledgement of ${eff}`;
    case "read":
      return eff;
    case "read-resp":
      return `answer to ${eff.startsWith("a read") ? eff : `a read (${eff})`}`;
    case "fill":
      return `cache fill of ${eff}`;
    case "produce":
      return `produce request for ${eff}`;
    case "produce-resp":
      return "produce acknowledgement";
    case "fetch":
      return "fetch request";
    case "fetch-resp":
      return "fetch response";
    case "wal-fetch":
      return "read of the db's change log";
    case "wal-resp":
      return "batch of the db's changes";
    default:
      return write === undefined ? "message" : `message about ${eff}`;
  }
}

function linkOptions(trace: Trace, from: string, to: string): LinkOptions {
  const net = trace.scenario.network;
  return { ...net.default, ...net.links[`${from}->${to}`] };
}

/** A configured link override slower than the network's usual delays. */
function isSlowLink(trace: Trace, from: string, to: string): boolean {
  const net = trace.scenario.network;
  const o = net.links[`${from}->${to}`];
  if (o === undefined) return false;
  const min = o.delayMsMin ?? net.default.delayMsMin;
  return min > net.default.delayMsMax;
}

function range(o: Pick<LinkOptions, "delayMsMin" | "delayMsMax">): string {
  return o.delayMsMin === o.delayMsMax
    ? `${o.delayMsMin} ms`
    : `${o.delayMsMin}–${o.delayMsMax} ms`;
}

/** The delay of a delivered message, or null when it never arrived. */
function delayOf(ix: CauseIndex, sendIdx: number): number | null {
  const msg = ix.events[sendIdx].msg;
  const r = msg === undefined ? undefined : ix.recvOf.get(msg);
  if (r === undefined || ix.events[r].type !== "deliver") return null;
  return ix.events[r].t - ix.events[sendIdx].t;
}

/** A message held up past its link's delays (a reorder spike) or on a slow link; else null. */
function delayedText(ix: CauseIndex, i: number): string | null {
  const e = ix.events[i];
  if (e.type !== "send" || e.peer === undefined) return null;
  const delay = delayOf(ix, i);
  if (delay === null) return null;
  const what = `${e.node}'s ${messageWhat(ix, e.detail, e.write)} to ${e.peer}`;
  const trace = ix.trace;
  if (isSlowLink(trace, e.node, e.peer)) {
    return `${what} is delayed ${delay} ms on a slow link (the network's usual is ${range(trace.scenario.network.default)})`;
  }
  const o = linkOptions(trace, e.node, e.peer);
  if (delay > o.delayMsMax) {
    return `${what} is held up ${delay} ms, as if resent on another connection (the link usually takes ${range(o)}), so later messages overtake it`;
  }
  return null;
}

function nextOfType(ix: CauseIndex, from: number, type: string, node: string): number | null {
  for (let j = from + 1; j < ix.events.length; j++) {
    const e = ix.events[j];
    if (e.type === type && e.node === node) return j;
  }
  return null;
}

function storesApplied(ix: CauseIndex, write: number, before: number): string[] {
  const out: string[] = [];
  for (let j = 0; j < before; j++) {
    const e = ix.events[j];
    if (e.type === "apply" && e.write === write && !out.includes(e.node)) out.push(e.node);
  }
  return out;
}

function crashText(ix: CauseIndex, i: number, writes: readonly number[]): string {
  const e = ix.events[i];
  const restart = nextOfType(ix, i, "restart", e.node);
  const down = restart === null ? "and stays down" : `(down until ${ix.events[restart].t} ms)`;
  if (losesStateOnCrash(e.node)) return `${e.node} crashes and forgets everything it held ${down}`;
  if (e.node.startsWith("consumer-")) {
    const n = uncommitted(ix, i);
    if (n > 0)
      return `${e.node} crashes after applying ${n} record${n === 1 ? "" : "s"} it has not committed ${down}`;
  }
  if (e.node.startsWith("client-")) {
    // A write of this client's still in flight: what had it reached?
    for (const w of writes) {
      if (writerOf(ix, w) !== e.node || !inFlight(ix, w, i)) continue;
      const reached = storesApplied(ix, w, i);
      const missing = ix.trace.scenario.stores.filter((s) => !reached.includes(s));
      const state =
        reached.length === 0
          ? "no store has it yet"
          : missing.length === 0
            ? `${listNames(reached)} already applied it`
            : `${listNames(reached)} applied it, ${listNames(missing)} never get it`;
      return `${e.node} crashes in the middle of writing ${effectOf(ix, w)}: ${state}`;
    }
  }
  return `${e.node} crashes ${down}`;
}

/** Records a consumer applied since its last commit, before event `at`. */
function uncommitted(ix: CauseIndex, at: number): number {
  const consumer = ix.events[at].node;
  const store = processOf(consumer);
  let n = 0;
  for (const j of ix.byProc.get(store) ?? []) {
    if (j >= at) break;
    const e = ix.events[j];
    if (e.type === "commit-offset" && e.node === consumer) n = 0;
    else if (e.type === "apply" && e.node === store) n++;
  }
  return n;
}

/** Invoked before `at` and not yet acknowledged or failed by then. */
function inFlight(ix: CauseIndex, write: number, at: number): boolean {
  let invoked = false;
  for (let j = 0; j < at; j++) {
    const e = ix.events[j];
    if (e.write !== write) continue;
    if (e.type === "invoke") invoked = true;
    else if (e.type === "ack" || e.type === "fail") return false;
  }
  return invoked;
}

function partitionText(ix: CauseIndex, i: number): string {
  const e = ix.events[i];
  const detail = e.detail ?? "";
  const heal = nextOfType(ix, i, "heal", NETWORK);
  const until = heal === null ? "" : ` until ${ix.events[heal].t} ms`;
  const oneWay = detail.includes("->");
  const [a, b] = detail.split(oneWay ? "->" : "|").map((side) => listNames(side.trim().split(",")));
  if (b === undefined) return `a network partition starts${until}`;
  return oneWay
    ? `a one-way network partition cuts every message from ${a} to ${b}${until}`
    : `a network partition cuts ${a} off from ${b}${until}`;
}

/** Does broker `node` hold write `w` (appended or copied) before event `at`? */
function holds(ix: CauseIndex, node: string, w: number, at: number): boolean {
  let has = false;
  for (let j = 0; j < at; j++) {
    const e = ix.events[j];
    if (e.node !== node) continue;
    if ((e.type === "append" || e.type === "replicate") && e.write === w) has = true;
    else if (e.type === "truncate") has = false;
  }
  return has;
}

function electText(ix: CauseIndex, i: number, writes: readonly number[]): string {
  const e = ix.events[i];
  const epoch = /epoch (\d+)/.exec(e.detail ?? "")?.[1];
  const missing = writes.filter(
    (w) =>
      ix.events.some((x, j) => j < i && x.type === "append" && x.write === w) &&
      !holds(ix, e.node, w, i),
  );
  const without =
    missing.length === 0 ? "" : `, without ${listNames(missing.map((w) => effectOf(ix, w)))}`;
  return `${e.node} is elected leader of partition ${e.partition ?? 0}${epoch === undefined ? "" : ` (epoch ${epoch})`}${without}`;
}

/** The value the store held for `key` just before event `at` (a crashed cache holds nothing). */
function valueBefore(
  ix: CauseIndex,
  store: string,
  key: string,
  at: number,
): string | number | undefined {
  const list = ix.byProc.get(processOf(store)) ?? [];
  let value: string | number | undefined;
  for (const j of list) {
    if (j >= at) break;
    const e = ix.events[j];
    if (e.node !== store) continue;
    if (e.type === "apply" && e.key === key) value = e.value;
    else if (e.type === "crash" && losesStateOnCrash(store)) value = undefined;
  }
  return value;
}

function appliedBefore(ix: CauseIndex, store: string, write: number, at: number): boolean {
  const list = ix.byProc.get(processOf(store)) ?? [];
  for (const j of list) {
    if (j >= at) break;
    const e = ix.events[j];
    if (e.node === store && e.type === "apply" && e.write === write) return true;
  }
  return false;
}

function applyText(ix: CauseIndex, i: number): string {
  const e = ix.events[i];
  const op = e.write === undefined ? undefined : ix.writes.get(e.write);
  const who = writerOf(ix, e.write);
  const again = e.write !== undefined && appliedBefore(ix, e.node, e.write, i) ? " again" : "";
  const eff = effectOf(ix, e.write);
  const what = who === null ? eff : `${who}'s ${eff}`;
  if (op?.op === "incr")
    return `${e.node} applies ${what}${again}, making ${e.key} = ${showValue(e.value)}`;
  const before = e.key === undefined ? undefined : valueBefore(ix, e.node, e.key, i);
  const over =
    before === undefined || before === e.value ? "" : ` over ${e.key} = ${showValue(before)}`;
  return `${e.node} applies ${what}${again}${over}`;
}

/** The sentence for any event on a chain. */
function eventText(ix: CauseIndex, i: number, writes: readonly number[]): string {
  const e = ix.events[i];
  const eff = effectOf(ix, e.write);
  switch (e.type) {
    case "invoke":
      return e.detail === "read" ? `${e.node} reads ${e.key}` : `${e.node} writes ${eff}`;
    case "send":
      return (
        delayedText(ix, i) ??
        `${e.node} sends its ${messageWhat(ix, e.detail, e.write)} to ${e.peer}`
      );
    case "deliver": {
      const s = e.msg === undefined ? undefined : ix.sendOf.get(e.msg);
      const took = s === undefined ? "" : `, ${e.t - ix.events[s].t} ms after it was sent`;
      return `${e.node} receives ${e.peer}'s ${messageWhat(ix, e.detail, e.write)}${took}`;
    }
    case "drop": {
      const what = `${e.peer}'s ${messageWhat(ix, undefined, e.write)}`;
      const kind = e.msg === undefined ? undefined : ix.sendOf.get(e.msg);
      const whatKind =
        kind === undefined
          ? what
          : `${e.peer}'s ${messageWhat(ix, ix.events[kind].detail, e.write)}`;
      if (e.detail === "partition") return `${whatKind} to ${e.node} is cut by the partition`;
      if (e.detail === "crashed")
        return `${whatKind} reaches ${e.node} while it is down, and is lost`;
      return `${whatKind} to ${e.node} is lost in the network`;
    }
    case "duplicate":
      return `the network delivers ${e.node}'s ${messageWhat(ix, e.detail, e.write)} to ${e.peer} twice (a resend)`;
    case "apply":
      return applyText(ix, i);
    case "reject":
      return `${e.node} refuses ${eff} (${e.detail ?? "rejected"})`;
    case "ack":
      return `${e.node} is told ${eff} succeeded`;
    case "fail":
      return `${e.node} gives up on ${eff} (${e.detail ?? "failed"})`;
    case "timeout":
      return `${e.node} times out waiting for ${e.peer ?? "an answer"} about ${eff}`;
    case "retry":
      return `${e.node} sends ${eff} to ${e.peer ?? "the store"} again`;
    case "read":
      return `${e.node} answers a read of ${e.key} with ${showValue(e.value)}`;
    case "crash":
      return crashText(ix, i, writes);
    case "restart":
      return `${e.node} restarts`;
    case "partition":
      return partitionText(ix, i);
    case "heal":
      return "the network partition heals";
    case "append":
      return `${e.node} appends ${eff} to the log at offset ${e.offset ?? "?"}`;
    case "replicate":
      return `${e.node} copies ${eff} (offset ${e.offset ?? "?"}) from the leader`;
    case "hw-advance":
      return `${e.node}'s high watermark moves to ${e.offset ?? "?"}`;
    case "isr-change":
      return `the in-sync replicas become ${e.detail ?? "?"}`;
    case "elect":
      return electText(ix, i, writes);
    case "truncate":
      return `${e.node} cuts its log back to ${e.offset ?? 0} records to match the new leader (${e.detail ?? "a new epoch"})`;
    case "poll": {
      const n = typeof e.value === "number" ? e.value : 0;
      return `${e.node} fetches ${n} record${n === 1 ? "" : "s"} from offset ${e.offset ?? 0}`;
    }
    case "commit-offset":
      return `${e.node} commits offset ${e.offset ?? 0}`;
    case "add-store": {
      const earlier = writes.filter((w) => {
        const op = ix.writes.get(w);
        return op !== undefined && op.at < e.t;
      });
      const after =
        earlier.length === 0
          ? ""
          : `, after ${listNames(earlier.map((w) => effectOf(ix, w)))} had been written`;
      return `${e.node} joins late, at ${e.t} ms${after}`;
    }
    case "quiesce":
      return "the system goes quiet";
    default:
      return `${e.type} at ${e.node}`;
  }
}

// ---------------------------------------------------------------- roots

interface Scope {
  writes: Set<number>;
  /** Processes the anomaly's writes pass through and its stores. */
  nodes: Set<string>;
  /** Simulated ms: from the first of the writes to the detection. */
  from: number;
  to: number;
  /** Last event index a cause may have. */
  last: number;
  /** Indices of the anomaly's own events. */
  own: number[];
}

function scopeOf(ix: CauseIndex, a: Anomaly): Scope {
  const own = a.events
    .map((seq) => ix.idxOfSeq.get(seq))
    .filter((i): i is number => i !== undefined)
    .sort((x, y) => x - y);
  const writes = new Set(a.writes);
  let from = a.span.from;
  for (const w of writes) {
    const op = ix.writes.get(w);
    if (op !== undefined) from = Math.min(from, op.at);
  }
  const to = Math.max(a.detectedAt, own.length === 0 ? 0 : ix.events[own[own.length - 1]].t);
  let last = ix.events.length - 1;
  while (last > 0 && ix.events[last].t > to) last--;
  const nodes = new Set<string>();
  for (const w of writes) {
    const who = writerOf(ix, w);
    if (who !== null) nodes.add(who);
  }
  const strategy = ix.trace.scenario.strategy;
  const logged = strategy === "log" || strategy === "cdc";
  for (const s of a.stores) if (s !== "log") nodes.add(s);
  for (const n of ix.trace.nodes) {
    if (!logged) continue;
    if (n.kind === "broker" || n.kind === "connector") nodes.add(n.id);
  }
  return { writes, nodes, from, to, last, own };
}

/** The faults that may have caused the anomaly, before the path test. */
function candidates(ix: CauseIndex, sc: Scope): Candidate[] {
  const out: Candidate[] = [];
  const { events, trace } = ix;
  const w = (e: TraceEvent) => e.write !== undefined && sc.writes.has(e.write);
  const writes = [...sc.writes];
  for (let i = 0; i <= sc.last; i++) {
    const e = events[i];
    switch (e.type) {
      case "crash": {
        if (!sc.nodes.has(e.node) && !sc.nodes.has(processOf(e.node))) break;
        const restart = nextOfType(ix, i, "restart", e.node);
        // Down at some point while the writes were under way.
        if (restart !== null && events[restart].t < sc.from) break;
        out.push({ idx: i, rank: Rank.Scheduled, text: crashText(ix, i, writes) });
        break;
      }
      case "partition": {
        const heal = nextOfType(ix, i, "heal", NETWORK);
        if (heal !== null && events[heal].t < sc.from) break;
        out.push({ idx: i, rank: Rank.Scheduled, text: partitionText(ix, i) });
        break;
      }
      case "add-store":
        if (sc.nodes.has(e.node))
          out.push({ idx: i, rank: Rank.Scheduled, text: eventText(ix, i, writes) });
        break;
      case "elect":
      case "truncate":
        if (e.t >= sc.from) out.push({ idx: i, rank: Rank.Leader, text: eventText(ix, i, writes) });
        break;
      case "drop":
      case "duplicate":
        // A drop by a partition or at a crashed node is the partition's or the crash's doing.
        if (e.detail === "partition" || e.detail === "crashed") break;
        if (w(e)) out.push({ idx: i, rank: Rank.OnWrite, text: eventText(ix, i, writes) });
        else if (e.write === undefined && e.t >= sc.from)
          out.push({ idx: i, rank: Rank.Other, text: eventText(ix, i, writes) });
        break;
      case "send": {
        if (!w(e) && !(e.write === undefined && e.t >= sc.from)) break;
        const text = delayedText(ix, i);
        if (text === null) break;
        const slow = e.peer !== undefined && isSlowLink(trace, e.node, e.peer);
        out.push({ idx: i, rank: slow ? Rank.Scheduled : w(e) ? Rank.OnWrite : Rank.Other, text });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- paths

interface Reach {
  /** Process to the index at which the root's influence first reached it. */
  entry: Map<string, number>;
  /** Event reached over an edge (message or recorded cause) to the event it came from. */
  parent: Map<number, number>;
}

/** Earliest arrival of the root's influence at every process, up to event `last`. */
function reachFrom(ix: CauseIndex, root: number, last: number): Reach {
  const entry = new Map<string, number>();
  const parent = new Map<number, number>();
  const direct = new Set<number>([root]);
  // A delayed or duplicated message is the fault itself: its influence travels with it only.
  const onlyMessage = ix.events[root].type === "send" || ix.events[root].type === "duplicate";
  if (onlyMessage) {
    const msg = ix.events[root].msg;
    const r = msg === undefined ? undefined : ix.recvOf.get(msg);
    if (r !== undefined && r <= last) {
      direct.add(r);
      parent.set(r, root);
    }
  } else {
    if (ix.proc[root] !== NETWORK) entry.set(ix.proc[root], root);
    for (const r of ix.effects.get(root) ?? []) {
      if (r <= last) {
        direct.add(r);
        parent.set(r, root);
      }
    }
  }
  for (let i = root + 1; i <= last; i++) {
    const p = ix.proc[i];
    const at = entry.get(p);
    const reached = direct.has(i) || (p !== NETWORK && at !== undefined && at <= i);
    if (!reached) continue;
    if (p !== NETWORK && (at === undefined || at > i)) entry.set(p, i);
    const e = ix.events[i];
    if ((e.type === "send" || e.type === "duplicate") && e.msg !== undefined) {
      const r = ix.recvOf.get(e.msg);
      if (r !== undefined && r <= last && !direct.has(r)) {
        direct.add(r);
        parent.set(r, i);
      }
    }
    for (const r of ix.effects.get(i) ?? []) {
      if (r <= last && !direct.has(r)) {
        direct.add(r);
        parent.set(r, i);
      }
    }
  }
  return { entry, parent };
}

function isReached(ix: CauseIndex, reach: Reach, i: number): boolean {
  if (reach.parent.has(i)) return true;
  const at = reach.entry.get(ix.proc[i]);
  return ix.proc[i] !== NETWORK && at !== undefined && at <= i;
}

/** Events of one node's stretch worth telling, between its entry and where the path leaves it. */
const SEGMENT_TYPES = new Set([
  "retry",
  "timeout",
  "restart",
  "poll",
  "truncate",
  "elect",
  "fail",
  "reject",
]);

/** Root to target, as event indices in order; null if the root cannot reach the target. */
function pathTo(
  ix: CauseIndex,
  reach: Reach,
  root: number,
  target: number,
  sc: Scope,
): number[] | null {
  if (!isReached(ix, reach, target)) return null;
  const out: number[] = [target];
  let cur = target;
  for (let guard = 0; cur !== root && guard < ix.events.length; guard++) {
    const p = ix.proc[cur];
    const at = p === NETWORK ? undefined : reach.entry.get(p);
    if (at !== undefined && at < cur) {
      // Along the node's own events from where the influence entered it.
      const seg: number[] = [];
      let polled = false;
      for (const j of ix.byProc.get(p) ?? []) {
        if (j <= at || j >= cur || seg.length >= MAX_SEGMENT_STEPS) continue;
        const e = ix.events[j];
        if (!SEGMENT_TYPES.has(e.type)) continue;
        if (e.write !== undefined && !sc.writes.has(e.write)) continue;
        // The first fetch after the influence arrived tells where the consumer starts again.
        if (e.type === "poll" && polled) continue;
        if (e.type === "poll") polled = true;
        seg.push(j);
      }
      out.push(...seg.reverse(), at);
      cur = at;
      continue;
    }
    const from = reach.parent.get(cur);
    if (from === undefined) return null;
    out.push(from);
    cur = from;
  }
  return cur === root ? out.reverse() : null;
}

/** The first of the anomaly's events the root reaches, else the first event of a store it involves. */
function targetOf(ix: CauseIndex, reach: Reach, sc: Scope, root: number): number | null {
  for (const i of sc.own) if (i > root && isReached(ix, reach, i)) return i;
  if (sc.own.includes(root)) return root;
  for (const [p, at] of reach.entry) {
    if (sc.nodes.has(p) && !p.startsWith("client-") && !p.startsWith("broker-") && at <= sc.last)
      return at;
  }
  return null;
}

// ---------------------------------------------------------------- chains

/** Steps a path adds that say nothing new: sends (the delivery tells the hop) and deliveries whose next step says what came of them. */
function condense(ix: CauseIndex, path: number[]): number[] {
  return path.filter((i, k) => {
    if (k === 0 || k === path.length - 1) return true;
    const e = ix.events[i];
    if (e.type === "send" || e.type === "commit-offset" || e.type === "hw-advance") return false;
    if (e.type === "deliver") {
      const next = path[k + 1];
      return !(ix.proc[next] === ix.proc[i] && ix.events[next].t === e.t);
    }
    return true;
  });
}

/** With no fault on record: the slowest of the writes' messages to the stores involved. */
function raceRoot(ix: CauseIndex, sc: Scope, a: Anomaly): CauseStep | null {
  let best = -1;
  let bestDelay = -1;
  // Messages to the stores involved first; else any message of the writes (a produce, say).
  for (const toStore of [true, false]) {
    for (let i = 0; i <= sc.last; i++) {
      const e = ix.events[i];
      if (e.type !== "send" || e.write === undefined || !sc.writes.has(e.write)) continue;
      if (e.peer === undefined || (toStore && !a.stores.includes(e.peer))) continue;
      const d = delayOf(ix, i);
      if (d !== null && d > bestDelay) {
        best = i;
        bestDelay = d;
      }
    }
    if (best >= 0) break;
  }
  if (best < 0) return null;
  const e = ix.events[best];
  const o = linkOptions(ix.trace, e.node, e.peer ?? "");
  return {
    seq: e.seq,
    t: e.t,
    role: "race",
    text: `${e.node}'s ${messageWhat(ix, e.detail, e.write)} to ${e.peer} takes ${bestDelay} ms, within the link's ordinary ${range(o)}, and the writes race: no fault is needed`,
  };
}

/**
 * The chain of events that produced `anomaly`, root first, times
 * non-decreasing; never empty for an anomaly of this trace.
 */
export function causeOf(trace: Trace, anomaly: Anomaly): CauseStep[] {
  const ix = indexOf(trace);
  const sc = scopeOf(ix, anomaly);
  const writes = [...sc.writes];
  const roles = new Map<number, CauseRole>();
  const texts = new Map<number, string>();
  const roots: number[] = [];

  const found = candidates(ix, sc)
    .map((c) => {
      const reach = reachFrom(ix, c.idx, sc.last);
      const target = targetOf(ix, reach, sc, c.idx);
      const path = target === null ? null : pathTo(ix, reach, c.idx, target, sc);
      return { ...c, path };
    })
    .filter((c) => c.path !== null)
    // Scheduled faults first, then the latest of each kind: nearest the anomaly.
    .sort((x, y) => x.rank - y.rank || y.idx - x.idx)
    .slice(0, MAX_ROOTS);

  for (const c of found) {
    roots.push(c.idx);
    roles.set(c.idx, "fault");
    texts.set(c.idx, c.text);
    for (const i of condense(ix, c.path ?? [])) if (!roles.has(i)) roles.set(i, "effect");
  }

  if (roots.length === 0) {
    const race = raceRoot(ix, sc, anomaly);
    const steps: CauseStep[] = [];
    if (race !== null) steps.push(race);
    for (const i of sc.own) {
      const e = ix.events[i];
      if (race !== null && e.seq <= race.seq) continue;
      // Without a fault or a message to blame, the anomaly's first event is where the race shows.
      const role = steps.length === 0 ? "race" : "anomaly";
      steps.push({ seq: e.seq, t: e.t, role, text: eventText(ix, i, writes) });
    }
    if (steps.length === 0) steps.push({ ...closing(ix, sc, anomaly), role: "race" });
    return steps;
  }

  const first = Math.min(...roots);
  for (const i of sc.own) {
    if (i < first) continue;
    if (roles.get(i) !== "fault") roles.set(i, "anomaly");
  }
  const steps: CauseStep[] = [...roles.entries()]
    .filter(([i]) => i >= first)
    .sort(([x], [y]) => x - y)
    .map(([i, role]) => {
      const e = ix.events[i];
      return { seq: e.seq, t: e.t, role, text: texts.get(i) ?? eventText(ix, i, writes) };
    });
  // Every anomaly event came before the fault (a store that joined late): say what it led to.
  if (!steps.some((s) => s.role === "anomaly") && !sc.own.some((i) => roots.includes(i))) {
    const end = closing(ix, sc, anomaly);
    if (end.seq > steps[steps.length - 1].seq) steps.push(end);
  }
  return steps;
}

/** The anomaly itself, as the chain's last step, at the event where it was detected. */
function closing(ix: CauseIndex, sc: Scope, anomaly: Anomaly): CauseStep {
  const e = ix.events[Math.max(0, sc.last)];
  return { seq: e.seq, t: e.t, role: "anomaly", text: anomaly.explanation.replace(/\.$/, "") };
}

/** Every anomaly of a report with its cause attached (the CLI's `--json`). */
export function withCauses(trace: Trace, report: Report): AnomalyWithCause[] {
  return report.anomalies.map((a) => ({ ...a, cause: causeOf(trace, a) }));
}

/** A numbered reading of a chain: "1. …; 2. …". */
export function readCause(steps: readonly CauseStep[]): string[] {
  return steps.map((s, k) => `${k + 1}. ${s.text} (${s.t} ms).`);
}
