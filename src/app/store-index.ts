import { eventsOf } from "../sim/event-reader";
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
  const events = eventsOf(trace);
  for (let i = 0; i < events.length; i++) {
    const type = events.type(i);
    if (type !== "apply" && type !== "crash" && type !== "add-store") continue;
    const node = events.node(i);
    const table = cells[node];
    if (table === undefined) continue;
    if (type === "apply") {
      const key = events.key(i);
      const value = events.value(i);
      if (key === undefined || value === undefined) continue;
      let series = table.get(key);
      if (series === undefined) {
        series = emptySeries();
        table.set(key, series);
      }
      pushStep(series, events.t(i), value);
      keys.add(key);
    } else if (type === "crash") {
      if (!losesStateOnCrash(node)) continue;
      for (const series of table.values()) pushStep(series, events.t(i), null);
    } else {
      joinedAt[node] = Math.min(joinedAt[node] ?? Number.POSITIVE_INFINITY, events.t(i));
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
