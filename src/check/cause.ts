import { strategyOf } from "../sim/strategy";
import type { Trace, TraceEvent } from "../sim/types";
import { type CauseIndex, indexOf, NETWORK, processOf } from "./cause-index";
import {
  crashText,
  delayedText,
  delayOf,
  eventText,
  isSlowLink,
  linkOptions,
  messageWhat,
  nextOfType,
  partitionText,
  range,
  writerOf,
} from "./cause-text";
import type { Anomaly, Report } from "./types";

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
  const logged = strategyOf(ix.trace.scenario.strategy).usesLog;
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
