import { eventsOf } from "../sim/event-reader";
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
  // Each part is built the first time a view reads it: a panel that is not on
  // show, or stepping that has not happened yet, costs nothing when a run arrives.
  let times: number[] | undefined;
  let stores: StoreIndex | undefined;
  let log: LogIndex | null | undefined;
  const index: TraceIndex = {
    get times() {
      times ??= distinctTimes(trace);
      return times;
    },
    get stores() {
      stores ??= buildStoreIndex(trace);
      return stores;
    },
    get log() {
      if (log === undefined) log = buildLogIndex(trace);
      return log;
    },
  };
  cache.set(trace, index);
  return index;
}

function distinctTimes(trace: Trace): number[] {
  const times: number[] = [];
  const events = eventsOf(trace);
  for (let i = 0; i < events.length; i++) {
    const t = events.t(i);
    if (times[times.length - 1] !== t) times.push(t);
  }
  return times;
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
