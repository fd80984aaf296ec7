/**
 * A second, independent oracle: what really happened in a run, computed from
 * the trace alone with none of the checkers' code (nothing from src/check).
 * Every fact is a small pure function of a `Run` (the trace, digested once);
 * `groundTruth` gathers them. Slow and plain on purpose: arrays and sets, no
 * incremental trackers, so that it shares no cleverness with the checkers.
 */
import { partitionFor } from "../sim/log/producer";
import { isSystemOfRecord, losesStateOnCrash, mayMiss } from "../sim/store-traits";
import { addedStores } from "../sim/topology";
import {
  STORE_NAMES,
  type Strategy,
  type Trace,
  type TraceEvent,
  type WriteOp,
} from "../sim/types";

type Value = string | number;

/** `store:key`, the name of one store's copy of one key. */
export type StoreKey = string;
export const storeKey = (store: string, key: string): StoreKey => `${store}:${key}`;
/** `store:write`, the name of one store's applies of one write. */
export const storeWrite = (store: string, write: number): string => `${store}:${write}`;

/** One `apply` event, with the store's life it happened in. */
export interface Apply {
  /** Index in `trace.events`. */
  i: number;
  store: string;
  write: number;
  key: string;
  value: Value | undefined;
  detail: string | undefined;
  offset?: number;
  partition?: number;
  ref?: number;
  /** How many times the store had lost its state before this apply (a cache crash), 0 if never. */
  life: number;
}

/** A trace, digested once: what each fact below reads. */
export interface Run {
  trace: Trace;
  strategy: Strategy;
  /** The system of record: the db, or under `log` the log itself. */
  source: "db" | "log";
  quiesced: boolean;
  ops: Map<number, WriteOp>;
  /** Every store's applies, in trace order. */
  applies: Map<string, Apply[]>;
  /** Per store, the event indices at which it lost its state (a crash of `cache`). */
  losses: Map<string, number[]>;
  /** Per write, the event index of its invoke. */
  invoked: Map<number, number>;
  /** Writes with an `ack` event. */
  acked: Set<number>;
  /** Per store, the writes it rejected. */
  rejected: Map<string, Set<number>>;
  /** Stores present from the start. */
  initial: string[];
  /** Late stores, and the event index at which each joined (absent: not yet). */
  joined: Map<string, number>;
  /** The `elect` events, in order. */
  elects: TraceEvent[];
  /** Keys of every non-read write. */
  keys: string[];
}

const STORE_SET: ReadonlySet<string> = new Set(STORE_NAMES);

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Digests a trace in one walk over `trace.events`. */
export function digest(trace: Trace): Run {
  const strategy = trace.scenario.strategy;
  const late = new Set<string>(addedStores(trace.scenario));
  const run: Run = {
    trace,
    strategy,
    source: strategy === "log" ? "log" : "db",
    quiesced: trace.quiescedAt !== null,
    ops: new Map(trace.writes.map((w) => [w.id, w])),
    applies: new Map(),
    losses: new Map(),
    invoked: new Map(),
    acked: new Set(),
    rejected: new Map(),
    initial: trace.scenario.stores.filter((s) => !late.has(s)),
    joined: new Map(),
    elects: [],
    keys: [...new Set(trace.writes.filter((w) => w.op !== "read").map((w) => w.key))].sort(),
  };
  const lives = new Map<string, number>();
  trace.events.forEach((e, i) => {
    switch (e.type) {
      case "invoke":
        if (e.write !== undefined && !run.invoked.has(e.write)) run.invoked.set(e.write, i);
        break;
      case "ack":
        if (e.write !== undefined) run.acked.add(e.write);
        break;
      case "reject":
        if (e.write !== undefined && STORE_SET.has(e.node)) {
          const set = run.rejected.get(e.node) ?? new Set<number>();
          set.add(e.write);
          run.rejected.set(e.node, set);
        }
        break;
      case "crash":
        // Durable stores (db, search) keep their state; the cache forgets everything.
        if (losesStateOnCrash(e.node)) {
          pushTo(run.losses, e.node, i);
          lives.set(e.node, (lives.get(e.node) ?? 0) + 1);
        }
        break;
      case "add-store":
        if (!run.joined.has(e.node)) run.joined.set(e.node, i);
        break;
      case "elect":
        run.elects.push(e);
        break;
      case "apply":
        if (e.write === undefined || e.key === undefined) break;
        pushTo(run.applies, e.node, {
          i,
          store: e.node,
          write: e.write,
          key: e.key,
          value: e.value,
          detail: e.detail,
          offset: e.offset,
          partition: e.partition,
          ref: e.ref,
          life: lives.get(e.node) ?? 0,
        });
        break;
      default:
        break;
    }
  });
  return run;
}

/** Every store that takes part: present from the start, or joined late. */
export function storesOf(run: Run): string[] {
  return STORE_NAMES.filter((s) => run.initial.includes(s) || run.joined.has(s));
}

/** The stores fed from the source (every store but the db, or every store under `log`). */
export function derivedStores(run: Run): string[] {
  return storesOf(run).filter((s) => s !== run.source);
}

/** The applies of one store that survive its last loss of state. */
function surviving(run: Run, store: string): Apply[] {
  const all = run.applies.get(store) ?? [];
  const lost = run.losses.get(store)?.length ?? 0;
  return all.filter((a) => a.life === lost);
}

/** The partition a key's writes go to (the simulator's own routing). */
export function partitionOfKey(run: Run, key: string): number {
  const n = run.trace.scenario.log.partitions;
  return partitionFor(key, Math.max(1, n));
}

/** The source's history of one key, and where each source position sits in it. */
export interface SourceHistory {
  /** H(k): the writes, position by position. */
  writes: number[];
  /** Source position (`p:offset` for the log, the commit-log position for the db) -> index in `writes`. */
  at: Map<string, number>;
}

/**
 * H(k) for every key. For single-db, dual-write and cdc: the db's applies of
 * the key in trace order (re-applies of a retried write included), the n-th db
 * apply overall being commit-log position n. For log: the records of the key
 * in the final log, per partition in offset order, at position `p:offset`.
 */
export function sourceHistories(run: Run): Map<string, SourceHistory> {
  const out = new Map<string, SourceHistory>();
  const of = (key: string) => {
    let h = out.get(key);
    if (h === undefined) {
      h = { writes: [], at: new Map() };
      out.set(key, h);
    }
    return h;
  };
  if (run.source === "log") {
    run.trace.final.log.forEach((records, p) => {
      records.forEach((write, offset) => {
        const op = run.ops.get(write);
        if (op === undefined || op.op === "read") return;
        const h = of(op.key);
        h.at.set(`${p}:${offset}`, h.writes.length);
        h.writes.push(write);
      });
    });
  } else {
    (run.applies.get("db") ?? []).forEach((a, n) => {
      const h = of(a.key);
      h.at.set(String(n + 1), h.writes.length);
      h.writes.push(a.write);
    });
  }
  return out;
}

/** What replaying the source gives per key: the db's last applied value, or the final log replayed in offset order (set = value, incr = add). */
export function sourceValues(run: Run): Map<string, Value> {
  const out = new Map<string, Value>();
  if (run.source === "db") {
    for (const a of run.applies.get("db") ?? []) if (a.value !== undefined) out.set(a.key, a.value);
    return out;
  }
  for (const records of run.trace.final.log) {
    for (const write of records) {
      const op = run.ops.get(write);
      if (op === undefined || op.op === "read") continue;
      const prev = out.get(op.key);
      out.set(op.key, op.op === "incr" ? Number(prev ?? 0) + Number(op.value) : op.value);
    }
  }
  return out;
}

/** Each store's value per key at the end: the value of its last surviving apply of the key. */
export function storeValues(run: Run): Map<string, Map<string, Value>> {
  const out = new Map<string, Map<string, Value>>();
  for (const store of run.applies.keys()) {
    const values = new Map<string, Value>();
    for (const a of surviving(run, store)) if (a.value !== undefined) values.set(a.key, a.value);
    out.set(store, values);
  }
  return out;
}

/** Where `trace.final.stores` disagrees with a replay of the apply events (should be nowhere). */
export function finalStateMismatches(run: Run): string[] {
  const replay = storeValues(run);
  const out: string[] = [];
  const stores = new Set([...Object.keys(run.trace.final.stores), ...replay.keys()]);
  for (const store of stores) {
    const given = run.trace.final.stores[store] ?? {};
    const mine = replay.get(store) ?? new Map<string, Value>();
    const keys = new Set([...Object.keys(given), ...mine.keys()]);
    for (const key of keys)
      if (given[key] !== mine.get(key))
        out.push(`${store}:${key} final=${given[key]} replay=${mine.get(key)}`);
  }
  return out;
}

/**
 * (f) The partitions without a leader at the end: an `elect` whose detail
 * starts with "offline" takes partition `partition` offline; a later `elect`
 * of that partition with any other detail brings it back.
 */
export function offlinePartitions(run: Run): number[] {
  const offline = new Map<number, boolean>();
  for (const e of run.elects) {
    const p = e.partition ?? 0;
    offline.set(p, (e.detail ?? "").startsWith("offline"));
  }
  return [...offline]
    .filter(([, off]) => off)
    .map(([p]) => p)
    .sort((a, b) => a - b);
}

/** Whether the partition of `key` is offline at the end, as the trace's final state says (missing = none). */
/**
 * Whether `write` sits in a partition that is offline at the end (in the log
 * of the replica the partition waits for): stores fed through it are only
 * behind it. A write the log never got is not held there.
 */
function heldOffline(run: Run, write: number | undefined): boolean {
  const op = write === undefined ? undefined : run.ops.get(write);
  if (op === undefined) return false;
  const p = partitionOfKey(run, op.key);
  return (
    (run.trace.final.offline ?? [])[p] === true && (run.trace.final.log[p] ?? []).includes(op.id)
  );
}

/** The write behind the source's final value per key: the db's last apply, or the key's last record in the final log. */
function sourceFinalWrites(run: Run): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, h] of sourceHistories(run))
    if (h.writes.length > 0) out.set(key, h.writes[h.writes.length - 1]);
  return out;
}

/**
 * (a) Acknowledged writes the system of record does not hold at the end. With
 * a db source: never applied by the db and not rejected by it. Under log: not
 * in the final log — for an offline partition, the log of the replica it waits
 * for, whose records are unavailable, not lost.
 */
export function lostAcked(run: Run): Set<number> {
  const out = new Set<number>();
  const inLog = new Set(run.trace.final.log.flat());
  const dbApplied = new Set((run.applies.get("db") ?? []).map((a) => a.write));
  const dbRejected = run.rejected.get("db") ?? new Set<number>();
  for (const write of run.acked) {
    const op = run.ops.get(write);
    if (op === undefined || op.op === "read") continue;
    const kept =
      run.source === "log" ? inLog.has(write) : dbApplied.has(write) || dbRejected.has(write);
    if (!kept) out.add(write);
  }
  return out;
}

/**
 * (b) Increments one store applied more than once (apply detail `incr`) since
 * it last lost its state, as `store:write`. Under single-db the views change in
 * the db's own transaction, so such a duplicate is the db's and counts once, at the db.
 */
export function duplicates(run: Run): Set<string> {
  const out = new Set<string>();
  for (const [store, applies] of run.applies) {
    if (run.strategy === "single-db" && store !== "db") continue;
    const seen = new Set<string>();
    for (const a of applies) {
      if (a.detail !== "incr") continue;
      const id = `${a.life}:${a.write}`;
      if (seen.has(id)) out.add(storeWrite(store, a.write));
      seen.add(id);
    }
  }
  return out;
}

/** The stores a write should reach: present from the start, or joined late (under log for every write, else for writes invoked after the join). */
function targetsOf(run: Run, invokedIdx: number): string[] {
  const out = [...run.initial];
  for (const [store, joinedIdx] of run.joined) {
    if (run.initial.includes(store)) continue;
    if (run.strategy === "log" || joinedIdx < invokedIdx) out.push(store);
  }
  return out;
}

/**
 * (c) At quiescence, the non-read writes some store holds (applied, since its
 * last loss of state for the cache) while another target store never applied
 * them; a store that rejected the write, a cache that crashed after the
 * write's invoke, or a store fed through an offline partition that holds the
 * write (it is only behind), is not missing it. Under log the log is a target too (held
 * iff in the final log). A write held nowhere is not partial. Empty before quiescence.
 */
export function partialWrites(run: Run): Set<number> {
  const out = new Set<number>();
  if (!run.quiesced) return out;
  const inLog = new Set(run.trace.final.log.flat());
  const held = new Map<string, Set<number>>();
  const ever = new Map<string, Set<number>>();
  for (const store of run.applies.keys()) {
    held.set(store, new Set(surviving(run, store).map((a) => a.write)));
    ever.set(store, new Set((run.applies.get(store) ?? []).map((a) => a.write)));
  }
  for (const op of run.ops.values()) {
    const inv = run.invoked.get(op.id);
    if (op.op === "read" || inv === undefined) continue;
    let holds = run.source === "log" && inLog.has(op.id);
    let misses = run.source === "log" && !inLog.has(op.id);
    for (const store of storesOf(run)) if (held.get(store)?.has(op.id)) holds = true;
    for (const store of targetsOf(run, inv)) {
      if (ever.get(store)?.has(op.id)) continue;
      if (run.rejected.get(store)?.has(op.id)) continue;
      if (fedByLog(run, store) && heldOffline(run, op.id)) continue;
      if (losesStateOnCrash(store) && (run.losses.get(store) ?? []).some((i) => i > inv)) continue;
      misses = true;
    }
    if (holds && misses) out.add(op.id);
  }
  return out;
}

/**
 * (d) At quiescence, the `store:key` pairs of derived stores whose final value
 * differs from the source's final value (the db's, or the final log replayed).
 * A cache without the key is a miss, not a divergence; a store fed through an
 * offline partition that holds the source's latest write of the key is only
 * behind it. Empty before quiescence.
 */
export function endDivergence(run: Run): Set<StoreKey> {
  const out = new Set<StoreKey>();
  if (!run.quiesced) return out;
  const ref = sourceValues(run);
  const latest = sourceFinalWrites(run);
  const values = storeValues(run);
  for (const store of derivedStores(run)) {
    for (const key of run.keys) {
      const mine = values.get(store)?.get(key);
      if (mayMiss(store) && mine === undefined) continue;
      if (fedByLog(run, store) && heldOffline(run, latest.get(key))) continue;
      if (mine !== ref.get(key)) out.add(storeKey(store, key));
    }
  }
  return out;
}

/** The source position an apply carries, if any: `p:offset` under log, the commit-log position under cdc. */
function positionOf(run: Run, a: Apply): string | undefined {
  if (run.strategy === "log" && a.offset !== undefined && a.partition !== undefined)
    return `${a.partition}:${a.offset}`;
  if (run.strategy === "cdc" && a.ref !== undefined) return String(a.ref);
  return undefined;
}

/**
 * Where one store's history of one key, S(k), leaves the source's path H(k):
 * the apply that left it, or null if it never does. An apply carrying a source
 * position must find the same write at that position of H(k) (a record
 * truncated and its offset reused is off path); it may go to any position,
 * back ones included (a replay re-applies values the source held). An apply
 * without a position must be found in H(k) after the store's current position
 * (greedy subsequence matching); the write the store already stands on,
 * applied again, leaves its state unchanged; a write H(k) never holds is an
 * orphan, ignored here. A store that lost its state starts again from the start.
 */
export function departure(run: Run, h: SourceHistory | undefined, applies: Apply[]): Apply | null {
  const writes = h?.writes ?? [];
  let pos = -1;
  let life = 0;
  for (const a of applies) {
    if (a.life !== life) {
      life = a.life;
      pos = -1;
    }
    const at = positionOf(run, a);
    if (at !== undefined) {
      const j = h?.at.get(at);
      if (j === undefined || writes[j] !== a.write) return a;
      pos = j;
      continue;
    }
    if (pos >= 0 && writes[pos] === a.write) continue;
    const next = writes.indexOf(a.write, pos + 1);
    if (next >= 0) pos = next;
    else if (writes.includes(a.write)) return a;
  }
  return null;
}

/**
 * (e) Per derived store and key, the apply at which the store's history of
 * the key first left the source's path, or null if it never did (see
 * `departure`). Under single-db the views change in the db's transaction and
 * never leave it.
 */
export function offPath(run: Run): Map<StoreKey, Apply | null> {
  const out = new Map<StoreKey, Apply | null>();
  const histories = sourceHistories(run);
  for (const store of derivedStores(run)) {
    const byKey = new Map<string, Apply[]>();
    for (const a of run.applies.get(store) ?? []) pushTo(byKey, a.key, a);
    for (const key of run.keys) {
      const left =
        run.strategy === "single-db"
          ? null
          : departure(run, histories.get(key), byKey.get(key) ?? []);
      out.set(storeKey(store, key), left);
    }
  }
  return out;
}

/** Whether an apply carries its position in the source (a consumer's apply under log or cdc). */
export function positioned(run: Run, a: Apply): boolean {
  return positionOf(run, a) !== undefined;
}

/** The stores that hold `write` at the end (since their last loss of state), and the log if it does. */
export function holdersOf(run: Run, write: number): string[] {
  const out = storesOf(run).filter((s) => surviving(run, s).some((a) => a.write === write));
  if (run.source === "log" && run.trace.final.log.some((p) => p.includes(write))) out.push("log");
  return out;
}

/** The stores that ever applied `write`, state lost since or not. */
export function everAppliedBy(run: Run, write: number): string[] {
  return storesOf(run).filter((s) => (run.applies.get(s) ?? []).some((a) => a.write === write));
}

/** Whether `store` is fed through the log (every store under log, the derived ones under cdc). */
export function fedByLog(run: Run, store: string): boolean {
  return run.strategy === "log" || (run.strategy === "cdc" && !isSystemOfRecord(store));
}

export interface GroundTruth {
  lostAcked: Set<number>;
  duplicates: Set<string>;
  partialWrites: Set<number>;
  endDivergence: Set<StoreKey>;
  /** Per derived store and key: the apply that left the source's path, or null. */
  offPath: Map<StoreKey, Apply | null>;
  offlinePartitions: number[];
  /** Disagreements between `trace.final.stores` and a replay of the applies (expected empty). */
  finalStateMismatches: string[];
}

/** Every fact about one run. */
export function groundTruth(trace: Trace): GroundTruth {
  const run = digest(trace);
  return {
    lostAcked: lostAcked(run),
    duplicates: duplicates(run),
    partialWrites: partialWrites(run),
    endDivergence: endDivergence(run),
    offPath: offPath(run),
    offlinePartitions: offlinePartitions(run),
    finalStateMismatches: finalStateMismatches(run),
  };
}
