import type { Report } from "../check/types";
import { entryNodes } from "../sim/schedule";
import type { Trace, TraceEvent } from "../sim/types";
import { promisedKinds } from "./play-target";
import type { TourStep } from "./types";

/** Lane groups every step shows: the story's actors, the clients and the stores they keep. */
const ALWAYS = new Set(["clients", "stores"]);

/** Event `i` of a trace, from its columns when it has them (no array of every event made). */
function reader(trace: Trace): { length: number; get: (i: number) => TraceEvent } {
  const columns = trace.columns;
  if (columns !== undefined) return { length: columns.length, get: (i) => columns.get(i) };
  const events = trace.events;
  return { length: events.length, get: (i) => events[i] };
}

/**
 * The lanes a step needs on stage, in the run's order: every client and store;
 * of the log, the brokers that appended a record (the leaders); and any other
 * lane the step spotlights, its schedule's faults hit, or an anomaly it promises
 * (or spotlights) involves. Followers and consumers the step does not talk
 * about are left out, so the lanes that remain are tall enough to read from a
 * room. Computed from the step and its run, never listed by hand.
 */
export function stepLanes(step: TourStep, trace: Trace, report: Report | null): string[] {
  const want = new Set<string>();
  for (const n of trace.nodes) if (ALWAYS.has(n.group)) want.add(n.id);
  if ("lanes" in step.spotlight) for (const id of step.spotlight.lanes) want.add(id);
  for (const e of step.scenario.schedule) for (const { node } of entryNodes(e)) want.add(node);
  const kinds = new Set<string>(promisedKinds(step));
  if ("anomaly" in step.spotlight) kinds.add(step.spotlight.anomaly);
  const seqs = new Set<number>();
  for (const a of report?.anomalies ?? []) {
    if (!kinds.has(a.kind)) continue;
    for (const s of a.stores) want.add(s);
    for (const seq of a.events) seqs.add(seq);
  }
  const events = reader(trace);
  for (let i = 0; i < events.length; i++) {
    const e = events.get(i);
    if (e.type === "append" || seqs.has(e.seq)) want.add(e.node);
  }
  return trace.nodes.filter((n) => want.has(n.id)).map((n) => n.id);
}
