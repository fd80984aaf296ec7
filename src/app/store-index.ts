import { losesStateOnCrash } from "../sim/store-traits";
import { storesOf } from "../sim/topology";
import type { Trace } from "../sim/types";
import { emptySeries, pushStep, type StepSeries, valueAt } from "./step-series";

export type CellValue = string | number;

/** Per store and key, when its value changed; `null` marks a cache losing its state on crash. */
export interface StoreIndex {
  /** Stores in display order: the scenario's, then late joiners. */
  stores: string[];
  /** Per store, when it joined (0 unless it joined through `add-store`). */
  joinedAt: Record<string, number>;
  /** Per store, per key, the value's step series. */
  cells: Record<string, Map<string, StepSeries<CellValue | null>>>;
  /** Every key any store ever held, sorted. */
  keys: string[];
}

export function buildStoreIndex(trace: Trace): StoreIndex {
  const s = trace.scenario;
  const stores: string[] = storesOf(s);
  const joinedAt: Record<string, number> = {};
  const cells: StoreIndex["cells"] = {};
  const fromStart = new Set<string>(s.stores);
  for (const name of stores) {
    joinedAt[name] = fromStart.has(name) ? 0 : Number.POSITIVE_INFINITY;
    cells[name] = new Map();
  }
  const keys = new Set<string>();
  for (const e of trace.events) {
    const table = cells[e.node];
    if (table === undefined) continue;
    if (e.type === "apply" && e.key !== undefined && e.value !== undefined) {
      let series = table.get(e.key);
      if (series === undefined) {
        series = emptySeries();
        table.set(e.key, series);
      }
      pushStep(series, e.t, e.value);
      keys.add(e.key);
    } else if (e.type === "crash" && losesStateOnCrash(e.node)) {
      for (const series of table.values()) pushStep(series, e.t, null);
    } else if (e.type === "add-store") {
      joinedAt[e.node] = Math.min(joinedAt[e.node] ?? Number.POSITIVE_INFINITY, e.t);
    }
  }
  return { stores, joinedAt, cells, keys: [...keys].sort() };
}

/** One store's table at time t: key -> value, absent keys omitted. */
export function storeAt(index: StoreIndex, store: string, t: number): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const table = index.cells[store];
  if (table === undefined) return out;
  for (const [key, series] of table) {
    const v = valueAt(series, t, null);
    if (v !== null) out.set(key, v);
  }
  return out;
}
