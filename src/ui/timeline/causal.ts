import { eventsOf, indexOfSeq } from "../../sim/event-reader";
import type { EventReader, TraceEvent } from "../../sim/types";
import type { Geometry } from "./geometry";

/**
 * The one event that caused this one, as the inspector shows it: a delivery's
 * send, a duplicate's original send, the client's invoke behind any event that
 * serves a write, the crash a restart ends. Null when the event starts a chain.
 */
export function causalParent(g: Geometry, e: TraceEvent): TraceEvent | undefined {
  const bySeq = (seq: number | undefined) => (seq === undefined ? undefined : g.eventBySeq(seq));
  switch (e.type) {
    case "deliver":
    case "drop":
      return e.msg === undefined ? undefined : bySeq(g.sendOfMsg.get(e.msg));
    case "duplicate":
      return e.ref === undefined ? undefined : bySeq(g.sendOfMsg.get(e.ref));
    case "restart":
      return lastBefore(g, e, (r, j) => r.type(j) === "crash" && r.node(j) === e.node);
    case "heal":
      return lastBefore(g, e, (r, j) => r.type(j) === "partition");
    case "invoke":
      return undefined;
    default:
      if (e.write !== undefined) {
        const invoke = bySeq(g.invokeOfWrite.get(e.write));
        return invoke && invoke.seq !== e.seq ? invoke : undefined;
      }
      return undefined;
  }
}

/**
 * Walks back from an event, field by field, and makes an object only for the
 * one it finds; only used for rare event types, so a scan is fine.
 */
function lastBefore(
  g: Geometry,
  e: TraceEvent,
  match: (events: EventReader, j: number) => boolean,
): TraceEvent | undefined {
  const events = eventsOf(g.trace);
  const i = indexOfSeq(events, e.seq);
  for (let j = (i < 0 ? events.length : i) - 1; j >= 0; j--)
    if (match(events, j)) return events.get(j);
  return undefined;
}

/** One line describing an event, for tooltips, the inspector and the text summary. */
export function describeEvent(e: TraceEvent): string {
  const parts = [`${e.type} @ ${fmtMs(e.t)}`, e.node];
  if (e.peer)
    parts.push(e.type === "send" || e.type === "duplicate" ? `→ ${e.peer}` : `← ${e.peer}`);
  if (e.msg !== undefined) parts.push(`msg ${e.msg}`);
  if (e.ref !== undefined) parts.push(`ref ${e.ref}`);
  if (e.write !== undefined) parts.push(`write #${e.write}`);
  if (e.key !== undefined) parts.push(e.value === undefined ? e.key : `${e.key}=${e.value}`);
  if (e.offset !== undefined) parts.push(`offset ${e.offset}`);
  if (e.partition !== undefined) parts.push(`p${e.partition}`);
  if (e.detail) parts.push(`(${e.detail})`);
  return parts.join(" · ");
}

export function fmtMs(t: number): string {
  return `${Number.isInteger(t) ? t : t.toFixed(1)} ms`;
}
