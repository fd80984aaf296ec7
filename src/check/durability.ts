import type { Draft } from "./anomaly";
import { firstEvidence, pathNodes } from "./evidence";
import { capitalise, describeCause, describeWrite } from "./explain";
import type { Facts } from "./facts";
import { clientOf, detectionTime } from "./write-fate";

/* Durability: a write acknowledged to its client that the source of truth (the db, or the log) does not hold at the end. */

export function durabilityDrafts(
  f: Facts,
  inLog: Set<number>,
  logLoss: Map<number, number>,
): Draft[] {
  const events = f.events;
  const out: Draft[] = [];
  if (f.ref !== "log" && !f.stores.includes(f.ref)) return out;
  const path = new Set([...pathNodes(f, f.ref)]);
  f.ackIdx.forEach((ack, write) => {
    const op = f.ops.get(write);
    if (op === undefined || op.op === "read") return;
    const kept =
      f.ref === "log"
        ? inLog.has(write)
        : f.firstApply.get(f.ref)?.has(write) || f.rejected.get(f.ref)?.has(write);
    if (kept) return;
    // In the log, a loss is certain only when a leader without the record is elected (or it is
    // truncated away); a crash before that may still end with the partition waiting (offline).
    const evidence = logLoss.get(write) ?? firstEvidence(f, write, path, logLoss);
    const cause = describeCause(
      evidence === undefined ? undefined : events.get(evidence),
      clientOf(f),
    );
    const where = f.ref === "log" ? "is not in the log" : `never reached ${f.ref}`;
    const inv = f.invokeIdx.get(write);
    const append = f.firstAppend.get(write);
    out.push({
      kind: "durability",
      key: op.key,
      writes: [write],
      eventIdx: [ack, ...[inv, append, evidence].filter((i) => i !== undefined)],
      stores: [f.ref],
      detectedAt: detectionTime(f, events.get(ack).t, evidence),
      settles: "at-end",
      explanation: `${capitalise(describeWrite(op, write))} was acknowledged to client-${op.client} but ${where} at the end: ${cause}.`,
    });
  });
  return out;
}
