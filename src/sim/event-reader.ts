import type { EventReader, Trace } from "./types";

/**
 * A trace's events one at a time: its columns when simulated (no event
 * objects made for the whole run), else its array (a hand-built trace). The
 * one way every reader that walks a whole trace gets at it.
 */
export function eventsOf(trace: Trace): EventReader {
  if (trace.columns !== undefined) return trace.columns;
  const events = trace.events;
  return { length: events.length, get: (i) => events[i], type: (i) => events[i].type };
}
