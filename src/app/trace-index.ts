import type { Trace } from "../sim/types";
import { buildLogIndex, type LogIndex } from "./log-index";
import { lastAtOrBefore } from "./step-series";
import { buildStoreIndex, type StoreIndex } from "./store-index";

/** Everything the views look up by time, computed once per trace. */
export interface TraceIndex {
  /** Distinct event times, ascending: the stops for stepping. */
  times: number[];
  stores: StoreIndex;
  log: LogIndex | null;
}

const cache = new WeakMap<Trace, TraceIndex>();

export function traceIndex(trace: Trace): TraceIndex {
  const hit = cache.get(trace);
  if (hit !== undefined) return hit;
  const times: number[] = [];
  for (const e of trace.events) if (times[times.length - 1] !== e.t) times.push(e.t);
  const index = { times, stores: buildStoreIndex(trace), log: buildLogIndex(trace) };
  cache.set(trace, index);
  return index;
}

/** The first event time after t, or `end` if there is none. */
export function nextStop(times: readonly number[], t: number, end: number): number {
  const i = lastAtOrBefore(times, t);
  return i + 1 < times.length ? times[i + 1] : end;
}

/** The last event time before t, or 0. */
export function previousStop(times: readonly number[], t: number): number {
  const i = lastAtOrBefore(times, t);
  if (i < 0) return 0;
  return times[i] < t ? times[i] : i > 0 ? times[i - 1] : 0;
}
