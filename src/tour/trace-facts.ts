import type { Trace } from "../sim/types";
import type { TraceFact } from "./types";

/** A delivery this slow reads as a long arrow on the timeline. */
export const SLOW_MESSAGE_MS = 50;

/**
 * Counts of what a step points at on the timeline, from events up to `untilMs`.
 * `links`: distinct client → store pairs that carried a message (point-to-point wiring).
 * `overtakes` are counted per receiver, not per link: a dual-writing client has
 * one request in flight per store, so crossings happen between senders.
 */
export function traceFacts(trace: Trace, untilMs: number): Record<TraceFact, number> {
  const sentAt = new Map<number, number>();
  const links = new Set<string>();
  // Per receiver, the send time of the latest-sent message delivered so far.
  const lastDelivered = new Map<string, number>();
  const storeIds = new Set(trace.nodes.filter((n) => n.kind === "store").map((n) => n.id));
  const facts: Record<TraceFact, number> = {
    drops: 0,
    duplicates: 0,
    overtakes: 0,
    slow: 0,
    retries: 0,
    links: 0,
  };
  for (const e of trace.events) {
    if (e.t > untilMs) break;
    if (e.type === "send" && e.msg !== undefined) {
      sentAt.set(e.msg, e.t);
      if (e.node.startsWith("client-") && e.peer !== undefined && storeIds.has(e.peer))
        links.add(`${e.node}->${e.peer}`);
    } else if (e.type === "drop") facts.drops++;
    else if (e.type === "duplicate") facts.duplicates++;
    else if (e.type === "retry") facts.retries++;
    else if (e.type === "deliver" && e.msg !== undefined && e.peer !== undefined) {
      const sent = sentAt.get(e.msg);
      if (sent === undefined) continue;
      if (e.t - sent >= SLOW_MESSAGE_MS) facts.slow++;
      const latest = lastDelivered.get(e.node);
      if (latest !== undefined && sent < latest) facts.overtakes++;
      else lastDelivered.set(e.node, sent);
    }
  }
  facts.links = links.size;
  return facts;
}
