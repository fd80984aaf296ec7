import type { EventReader, EventSource, Trace, TraceEvent } from "./types";

/**
 * The one way to read a trace, for every consumer (checkers, indexes, the
 * timeline, panels, the tour, exports): its columns when simulated (no event
 * objects made for the whole run), else its array (a hand-built trace), behind
 * the same `EventReader`. Read fields with `t(i)`, `type(i)`, `node(i)`, …;
 * make objects only for the events a view shows (`get(i)`, `eventsBetween`).
 */
export function eventsOf(trace: Trace): EventReader {
  const columns = trace.columns;
  if (columns !== undefined) {
    if (isReader(columns)) return columns;
    let reader = sourceReaders.get(columns);
    if (reader === undefined) {
      reader = sourceReader(columns);
      sourceReaders.set(columns, reader);
    }
    return reader;
  }
  const events = trace.events;
  let reader = arrayReaders.get(events);
  if (reader === undefined) {
    reader = arrayReader(events);
    arrayReaders.set(events, reader);
  }
  return reader;
}

/** One reader per array (or source), so that views memoised on the reader keep their memo. */
const arrayReaders = new WeakMap<readonly TraceEvent[], EventReader>();
const sourceReaders = new WeakMap<EventSource, EventReader>();

function isReader(source: EventSource): source is EventReader {
  return typeof (source as Partial<EventReader>).t === "function";
}

/** Columns that answer only `get` and `type` (a test's cut of a run): every other field through `get`. */
function sourceReader(source: EventSource): EventReader {
  const get = (i: number) => source.get(i);
  return {
    length: source.length,
    get,
    type: (i) => source.type(i),
    t: (i) => get(i).t,
    seq: (i) => get(i).seq,
    node: (i) => get(i).node,
    peer: (i) => get(i).peer,
    msg: (i) => get(i).msg,
    write: (i) => get(i).write,
    key: (i) => get(i).key,
    value: (i) => get(i).value,
    offset: (i) => get(i).offset,
    partition: (i) => get(i).partition,
    ref: (i) => get(i).ref,
    detail: (i) => get(i).detail,
  };
}

/** A hand-built trace's events behind the reader. */
export function arrayReader(events: readonly TraceEvent[]): EventReader {
  return {
    length: events.length,
    get: (i) => events[i],
    type: (i) => events[i].type,
    t: (i) => events[i].t,
    seq: (i) => events[i].seq,
    node: (i) => events[i].node,
    peer: (i) => events[i].peer,
    msg: (i) => events[i].msg,
    write: (i) => events[i].write,
    key: (i) => events[i].key,
    value: (i) => events[i].value,
    offset: (i) => events[i].offset,
    partition: (i) => events[i].partition,
    ref: (i) => events[i].ref,
    detail: (i) => events[i].detail,
  };
}

/** The index of the first event at or after time `t` (events are in time order). */
export function firstAtOrAfter(r: EventReader, t: number): number {
  let lo = 0;
  let hi = r.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (r.t(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first event after time `t`: the count of events at or before it. */
export function firstAfter(r: EventReader, t: number): number {
  let lo = 0;
  let hi = r.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (r.t(mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Events `from` (inclusive) to `to` (exclusive) as objects: a window a view shows. */
export function eventsBetween(r: EventReader, from: number, to: number): TraceEvent[] {
  const lo = Math.max(0, from);
  const hi = Math.min(r.length, to);
  const out: TraceEvent[] = [];
  for (let i = lo; i < hi; i++) out.push(r.get(i));
  return out;
}

/**
 * The index of the event with this seq, or -1. A simulated trace's seq is its
 * index (one look); a hand-built trace whose seqs are not dense is scanned.
 */
export function indexOfSeq(r: EventReader, seq: number): number {
  if (r.length === 0) return -1;
  const guess = seq - r.seq(0);
  if (guess >= 0 && guess < r.length && r.seq(guess) === seq) return guess;
  for (let i = 0; i < r.length; i++) if (r.seq(i) === seq) return i;
  return -1;
}

/** The event with this seq as an object, or undefined. */
export function eventBySeq(r: EventReader, seq: number): TraceEvent | undefined {
  const i = indexOfSeq(r, seq);
  return i < 0 ? undefined : r.get(i);
}
