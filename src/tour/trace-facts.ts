import { eventsOf } from "../sim/event-reader";
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
  const events = eventsOf(trace);
  for (let i = 0; i < events.length; i++) {
    const t = events.t(i);
    if (t > untilMs) break;
    const type = events.type(i);
    if (type === "send") {
      const msg = events.msg(i);
      if (msg === undefined) continue;
      sentAt.set(msg, t);
      const node = events.node(i);
      const peer = events.peer(i);
      if (node.startsWith("client-") && peer !== undefined && storeIds.has(peer))
        links.add(`${node}->${peer}`);
    } else if (type === "drop") facts.drops++;
    else if (type === "duplicate") facts.duplicates++;
    else if (type === "retry") facts.retries++;
    else if (type === "deliver") {
      const msg = events.msg(i);
      if (msg === undefined || events.peer(i) === undefined) continue;
      const sent = sentAt.get(msg);
      if (sent === undefined) continue;
      if (t - sent >= SLOW_MESSAGE_MS) facts.slow++;
      const node = events.node(i);
      const latest = lastDelivered.get(node);
      if (latest !== undefined && sent < latest) facts.overtakes++;
      else lastDelivered.set(node, sent);
    }
  }
  facts.links = links.size;
  return facts;
}
