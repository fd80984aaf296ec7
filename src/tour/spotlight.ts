import type { Report } from "../check/types";
import { eventsOf, indexOfSeq } from "../sim/event-reader";
import { losesStateOnCrash } from "../sim/store-traits";
import type { EventReader, EventType, Trace } from "../sim/types";
import type { Spotlight } from "./types";

/**
 * Events worth a ring when a lane is spotlit. Sends, deliveries, polls and
 * replication fetches are left out: on a consumer or broker lane they come
 * every few ms and would bury the events that tell the story.
 */
const TELLING: ReadonlySet<EventType> = new Set<EventType>([
  "invoke",
  "apply",
  "reject",
  "ack",
  "fail",
  "timeout",
  "retry",
  "drop",
  "duplicate",
  "crash",
  "restart",
  "append",
  "truncate",
  "elect",
  "commit-offset",
  "add-store",
]);

/** Enough rings to mark a lane's story without drawing over the lane itself. */
const MAX_RINGS = 200;

/** The anomaly a spotlight names: the first of its kind visible by `untilMs`. */
export function spotlitAnomalyId(
  spotlight: Spotlight,
  report: Report | null,
  untilMs: number,
): string | null {
  if (!("anomaly" in spotlight)) return null;
  const found = report?.anomalies.find(
    (a) => a.kind === spotlight.anomaly && a.detectedAt <= untilMs,
  );
  return found?.id ?? null;
}

/** Trace seqs the timeline rings for a spotlight, up to where the step's play stops. */
export function spotlightSeqs(
  spotlight: Spotlight,
  trace: Trace,
  report: Report | null,
  untilMs: number,
): number[] {
  if ("anomaly" in spotlight) {
    const id = spotlitAnomalyId(spotlight, report, untilMs);
    return report?.anomalies.find((a) => a.id === id)?.events ?? [];
  }
  const out: number[] = [];
  const events = eventsOf(trace);
  for (let i = 0; i < events.length; i++) {
    if (events.t(i) > untilMs || out.length >= MAX_RINGS) break;
    const hit =
      "lanes" in spotlight
        ? spotlight.lanes.includes(events.node(i)) && TELLING.has(events.type(i))
        : events.type(i) === "apply" &&
          events.node(i) === spotlight.store &&
          events.key(i) === spotlight.key;
    if (hit) out.push(events.seq(i));
  }
  return out;
}

/** A store cell's value at `t` (what the Stores panel shows there), or undefined if unset. */
export function cellValueAt(
  trace: Trace,
  store: string,
  key: string,
  t: number,
): string | number | undefined {
  let value: string | number | undefined;
  const events = eventsOf(trace);
  for (let i = 0; i < events.length; i++) {
    if (events.t(i) > t) break;
    if (events.node(i) !== store) continue;
    const type = events.type(i);
    if (type === "apply" && events.key(i) === key) value = events.value(i);
    // A cache (a store that is not durable) that crashes forgets its contents.
    else if (type === "crash" && losesStateOnCrash(store)) value = undefined;
  }
  return value;
}

/** The time of the earliest of these seqs at or before `untilMs`, or undefined: one look per seq. */
export function firstLitTime(
  events: EventReader,
  seqs: Iterable<number>,
  untilMs: number,
): number | undefined {
  let first: number | undefined;
  for (const seq of seqs) {
    const i = indexOfSeq(events, seq);
    if (i < 0) continue;
    const t = events.t(i);
    if (t <= untilMs && (first === undefined || t < first)) first = t;
  }
  return first;
}
