/**
 * What the main pass does with each `apply` and each crash that loses a
 * store's state: first and last applies per write, the current value per key,
 * increments applied twice, and the isolation and divergence trackers.
 */
import type { TraceEvent } from "../sim/types";
import type { Facts } from "./facts";
import { IdTable } from "./id-table";

export function nested<K, V>(map: Map<string, Map<K, V>>, outer: string): Map<K, V> {
  let inner = map.get(outer);
  if (inner === undefined) {
    inner = new Map();
    map.set(outer, inner);
  }
  return inner;
}

/** Per store, the applies of each increment since the store last lost its state. */
export interface IncrApplies {
  once: IdTable;
  many: Map<number, number[]>;
}

export interface StoreTables {
  first: IdTable;
  last: IdTable;
  current: Map<string, number>;
}

function tablesOf(f: Facts, store: string, cache: Map<string, StoreTables>): StoreTables {
  let t = cache.get(store);
  if (t === undefined) {
    const size = f.trace.writes.length + 1;
    let first = f.firstApply.get(store);
    if (first === undefined) {
      first = new IdTable(size);
      f.firstApply.set(store, first);
    }
    let last = f.lastApply.get(store);
    if (last === undefined) {
      last = new IdTable(size);
      f.lastApply.set(store, last);
    }
    t = { first, last, current: nested(f.current, store) };
    cache.set(store, t);
  }
  return t;
}

export function onApply(
  f: Facts,
  i: number,
  applyCount: Map<string, IncrApplies>,
  tables: Map<string, StoreTables>,
): void {
  const e = f.events.get(i);
  const { node: store, write, key } = e;
  if (write === undefined || key === undefined) return;
  const t = tablesOf(f, store, tables);
  if (!t.first.has(write)) t.first.set(write, i);
  t.last.set(write, i);
  t.current.set(key, i);
  // How the store applied it, not what the client asked: a CDC row image of an increment is a set.
  if ((e.detail ?? f.ops.get(write)?.op) === "incr") {
    let counts = applyCount.get(store);
    if (counts === undefined) {
      counts = { once: new IdTable(f.trace.writes.length + 1), many: new Map() };
      applyCount.set(store, counts);
    }
    const first = counts.once.get(write);
    const many = counts.many.get(write);
    if (first === undefined) counts.once.set(write, i);
    else if (many !== undefined) many.push(i);
    else {
      const applies = [first, i];
      counts.many.set(write, applies);
      f.duplicates.push({ store, write, applies });
    }
  }
  if (store !== f.ref) {
    const at = sourcePosition(f, e);
    if (at === undefined) f.isolation.onApply(store, write, key, i, e.t);
    else f.isolation.onPositioned(store, key, at, i);
  }
  f.divergence?.onChange(store, key, e.t);
}

/**
 * The place in its key's source history of an apply that carries its own
 * position in the source of truth, which is the source's order by construction: under `log`, a consumer applying the record
 * the final log still holds at that offset; under `cdc`, a consumer applying
 * a change of the db's commit log (its position, the LSN, is in `ref`). Going
 * back to an earlier position (a replay after a crash) re-applies values the
 * source held, in the source's order: lag, not an inversion. A record the log
 * no longer holds at that offset (truncated, the offset reused) is not exempt.
 */
function sourcePosition(f: Facts, e: TraceEvent): number | undefined {
  if (f.way.positionBy === "lsn")
    return e.ref === undefined ? undefined : f.sourcePos.get(String(e.ref));
  if (f.way.positionBy !== "offset" || e.offset === undefined || e.partition === undefined)
    return undefined;
  if (f.trace.final.log[e.partition]?.[e.offset] !== e.write) return undefined;
  return f.sourcePos.get(`${e.partition}:${e.offset}`);
}

/** A crashed cache loses every value: its earlier applies no longer count twice or in any order. */
export function forget(
  f: Facts,
  store: string,
  i: number,
  t: number,
  applyCount: Map<string, IncrApplies>,
): void {
  applyCount.delete(store);
  const current = f.current.get(store);
  const keys = [...(current?.keys() ?? [])];
  current?.clear();
  f.isolation.onForget(store, i);
  for (const key of keys) f.divergence?.onChange(store, key, t);
}
