/**
 * A run's trace digested once for the second oracle (./ground-truth.ts): the
 * applies, losses, acks and joins its facts read, and the plain queries over
 * them (which stores take part, the source's history of a key, what a store
 * holds at the end). Arrays and sets, no incremental trackers, nothing from
 * src/check.
 */
import { partitionFor } from "../sim/log/producer";
import { isSystemOfRecord, losesStateOnCrash } from "../sim/store-traits";
import { addedStores } from "../sim/topology";
import {
  STORE_NAMES,
  type Strategy,
  type Trace,
  type TraceEvent,
  type WriteOp,
} from "../sim/types";

export type Value = string | number;

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

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
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
export function surviving(run: Run, store: string): Apply[] {
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

/**
 * Whether `write` sits in a partition that is offline at the end (in the log
 * of the replica the partition waits for): stores fed through it are only
 * behind it. A write the log never got is not held there.
 */
export function heldOffline(run: Run, write: number | undefined): boolean {
  const op = write === undefined ? undefined : run.ops.get(write);
  if (op === undefined) return false;
  const p = partitionOfKey(run, op.key);
  return (
    (run.trace.final.offline ?? [])[p] === true && (run.trace.final.log[p] ?? []).includes(op.id)
  );
}

/** The write behind the source's final value per key: the db's last apply, or the key's last record in the final log. */
export function sourceFinalWrites(run: Run): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, h] of sourceHistories(run))
    if (h.writes.length > 0) out.set(key, h.writes[h.writes.length - 1]);
  return out;
}

/** The source position an apply carries, if any: `p:offset` under log, the commit-log position under cdc. */
export function positionOf(run: Run, a: Apply): string | undefined {
  if (run.strategy === "log" && a.offset !== undefined && a.partition !== undefined)
    return `${a.partition}:${a.offset}`;
  if (run.strategy === "cdc" && a.ref !== undefined) return String(a.ref);
  return undefined;
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
