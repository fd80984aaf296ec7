import { clientId } from "../sim/topology";
import type { Draft } from "./anomaly";
import { capitalise, describeWrite } from "./explain";
import type { Facts } from "./facts";

/** Client-side failures that mean "never issued", not "may have landed". */
const NEVER_SENT = new Set(["client-down", "client-crashed"]);

/** The event at which the client was told `write` failed (after it was sent), if any. */
export function toldFailed(f: Facts, write: number): number | undefined {
  const client = clientId(f.ops.get(write)?.client ?? "?");
  for (const i of f.trouble.get(write) ?? []) {
    const e = f.events.get(i);
    if (e.type === "fail" && e.node === client && !NEVER_SENT.has(e.detail ?? "")) return i;
  }
  return undefined;
}

/**
 * A false failure: a write the client was told failed that took effect
 * anyway — its request (or a retry of it) reached the system of record, and
 * only the answer was lost or came too late. A timeout is ambiguous: the
 * caller cannot know whether the write landed. Filed under atomicity (A): the
 * caller was promised all or nothing and told "nothing", yet it all happened,
 * and a caller that tries again applies it twice. A write that is also missing
 * somewhere is a partial write, reported once, as such (`skip`).
 */
export function ambiguousFailureDrafts(f: Facts, inLog: Set<number>, skip: Set<number>): Draft[] {
  const out: Draft[] = [];
  const events = f.events;
  for (const op of f.ops.values()) {
    if (op.op === "read" || skip.has(op.id) || f.ackIdx.has(op.id)) continue;
    const fail = toldFailed(f, op.id);
    if (fail === undefined) continue;
    const landed =
      f.ref === "log"
        ? inLog.has(op.id)
          ? f.firstAppend.get(op.id)
          : undefined
        : f.firstApply.get(f.ref)?.get(op.id);
    if (landed === undefined) continue;
    const failed = events.get(fail);
    const took = events.get(landed);
    const where = f.ref === "log" ? "the log" : f.ref;
    out.push({
      kind: "false-failure",
      key: op.key,
      writes: [op.id],
      eventIdx: [fail, landed],
      stores: [f.ref],
      detectedAt: Math.max(failed.t, took.t),
      settles: "at-detection",
      explanation: `${capitalise(describeWrite(op, op.id))} took effect in ${where} at ${took.t} ms, though ${failed.node} was told at ${failed.t} ms that it failed (${failed.detail ?? "failed"}): a timeout is ambiguous — the write may have landed, and trying it again would apply it twice.`,
    });
  }
  return out;
}
