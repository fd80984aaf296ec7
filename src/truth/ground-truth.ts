/**
 * A second, independent oracle: what really happened in a run, computed from
 * the trace alone with none of the checkers' code (nothing from src/check).
 * Every fact is a small pure function of a `Run` (the trace, digested once);
 * `groundTruth` gathers them. Slow and plain on purpose: arrays and sets, no
 * incremental trackers, so that it shares no cleverness with the checkers.
 */
import { losesStateOnCrash, mayMiss } from "../sim/store-traits";
import type { Trace } from "../sim/types";
import {
  type Apply,
  derivedStores,
  digest,
  fedByLog,
  heldOffline,
  positionOf,
  pushTo,
  type Run,
  type SourceHistory,
  type StoreKey,
  sourceFinalWrites,
  sourceHistories,
  sourceValues,
  storeKey,
  storesOf,
  storeValues,
  storeWrite,
  surviving,
  type Value,
} from "./run-digest";

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
