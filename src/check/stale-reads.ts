import { clientId } from "../sim/topology";
import type { Draft } from "./anomaly";
import { describeHolding, describeWrite } from "./explain";
import type { Facts } from "./facts";

/* Stale reads: a read that did not see the reader's own acknowledged write, or saw an older value than one already finished. */

export function staleReadDrafts(f: Facts): Draft[] {
  const events = f.events;
  return f.staleReads.map(({ readIdx, readOp, expected, reason }) => {
    const e = events.get(readIdx);
    const op = f.ops.get(readOp);
    const key = op?.key ?? e.key ?? "";
    const reader = clientId(op?.client ?? "?");
    const seen = e.ref ?? 0;
    const got =
      e.value === undefined
        ? `found no value for ${key} in ${e.node}`
        : `read ${describeHolding(key, e.value)}${seen > 0 ? ` (from write #${seen})` : ""} in ${e.node}`;
    const own = describeWrite(f.ops.get(expected), expected);
    const why =
      reason === "missing"
        ? `which did not have ${own} that ${reader} had already been told succeeded`
        : `though write #${seen} had finished before ${reader}'s own acknowledged ${own} began`;
    const ack = f.ackIdx.get(expected);
    const inv = f.invokeIdx.get(readOp);
    return {
      kind: "stale-read",
      key,
      writes: seen > 0 ? [readOp, expected, seen] : [readOp, expected],
      eventIdx: [readIdx, ...[ack, inv].filter((i): i is number => i !== undefined)],
      stores: [e.node],
      detectedAt: e.t,
      settles: "at-detection",
      explanation: `${reader} ${got}, ${why}.`,
    };
  });
}
