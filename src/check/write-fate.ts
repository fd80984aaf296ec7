import { clientId } from "../sim/topology";
import type { Facts } from "./facts";

/*
 * What became of a write, as the atomicity and durability checks both need it:
 * whether the final log holds it, which writes some check must explain because
 * the log lacks them, and when a partial or lost write counts as detected.
 */

/** Write ids in the final log (all partitions). */
export function finalLogSet(f: Facts): Set<number> {
  return new Set(f.trace.final.log.flat());
}

export function clientOf(f: Facts): (write: number) => string {
  return (write) => clientId(f.ops.get(write)?.client ?? "?");
}

/** Writes absent from the log that some check needs to explain (orphans, lost acks). */
export function writesMissingFromLog(f: Facts, inLog: Set<number>): Set<number> {
  const out = new Set<number>();
  if (f.way.clientWrites !== "log") return out;
  for (const op of f.ops.values()) {
    if (op.op === "read" || inLog.has(op.id)) continue;
    if (f.ackIdx.has(op.id) || f.stores.some((s) => f.firstApply.get(s)?.has(op.id)))
      out.add(op.id);
  }
  return out;
}

/** Detection: not before the partial state exists, and not before the first sign it will stay. */
export function detectionTime(f: Facts, notBefore: number, evidence: number | undefined): number {
  if (evidence === undefined) return f.end;
  return Math.min(f.end, Math.max(notBefore, f.events.get(evidence).t));
}
