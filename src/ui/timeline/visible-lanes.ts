import { eventsOf } from "../../sim/event-reader";
import type { Trace, TraceEvent } from "../../sim/types";

/** Message events: an arrow's two ends. */
const MESSAGE = new Set(["send", "deliver", "drop", "duplicate"]);

/**
 * The trace as a timeline shows it with only `lanes` (node ids): events on
 * the other lanes go, and so does every message with an end on one, so no
 * arrow points at a lane that is not drawn. Events on no lane (the network's)
 * stay. The same trace when every lane is kept (or `lanes` is undefined), so
 * an ordinary view costs nothing. The cut trace has no columns: it is read
 * as its array, like a hand-built trace.
 */
export function keepLanes(trace: Trace, lanes: readonly string[] | undefined): Trace {
  if (lanes === undefined) return trace;
  const keep = new Set(lanes);
  const nodes = trace.nodes.filter((n) => keep.has(n.id));
  if (nodes.length === trace.nodes.length || nodes.length === 0) return trace;
  const hidden = new Set(trace.nodes.filter((n) => !keep.has(n.id)).map((n) => n.id));
  const all = readAll(trace);
  // A message is cut when any of its events (send, copies, delivery, drop) is on a hidden lane.
  const cutMsgs = new Set<number>();
  for (const e of all)
    if (MESSAGE.has(e.type) && e.msg !== undefined && (hidden.has(e.node) || isHidden(e.peer)))
      cutMsgs.add(e.msg);
  function isHidden(id: string | undefined) {
    return id !== undefined && hidden.has(id);
  }
  const events = all.filter(
    (e) =>
      !hidden.has(e.node) && !(MESSAGE.has(e.type) && e.msg !== undefined && cutMsgs.has(e.msg)),
  );
  return {
    scenario: trace.scenario,
    nodes,
    writes: trace.writes,
    events,
    quiescedAt: trace.quiescedAt,
    capped: trace.capped,
    endTime: trace.endTime,
    traceHash: trace.traceHash,
    final: trace.final,
  };
}

/** Every event as an object: a presenter's step run is small, and the cut trace is an array. */
function readAll(trace: Trace): TraceEvent[] {
  const events = eventsOf(trace);
  return Array.from({ length: events.length }, (_, i) => events.get(i));
}
