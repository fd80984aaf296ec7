import { losesStateOnCrash } from "../sim/store-traits";
import { toldFailed } from "./ambiguous";
import type { Draft } from "./anomaly";
import { firstEvidence, pathNodes } from "./evidence";
import { capitalise, describeCause, describeWrite, listNames } from "./explain";
import type { Facts } from "./facts";
import { behindLog, heldOffline } from "./offline";
import { clientOf, detectionTime } from "./write-fate";

/* Atomicity: a write that reached some of the stores meant to get it and, at the end, not the others. */

/** In trace order, not by time: a store that joins in the same ms, after the invoke, missed it. */
function isTarget(f: Facts, store: string, invokeIdx: number): boolean {
  const joined = f.joinedIdx.get(store);
  if (joined === undefined) return false;
  // A store that joins a log-based system late replays the whole log.
  return f.way.lateStoresOweHistory || joined < invokeIdx;
}

/** A crashed cache (a store that is not durable) forgets everything, so a write it missed before crashing would be gone anyway. */
function cacheForgot(f: Facts, store: string, invokeIdx: number): boolean {
  if (!losesStateOnCrash(store)) return false;
  return (f.crashes.get(store) ?? []).some((i) => i > invokeIdx);
}

/** Whether `store` still holds `write`: applied, and (a cache) not forgotten in a crash since. */
function holds(f: Facts, store: string, write: number): boolean {
  const last = f.lastApply.get(store)?.get(write);
  if (last === undefined) return false;
  if (!losesStateOnCrash(store)) return true;
  return !(f.crashes.get(store) ?? []).some((i) => i > last);
}

export function atomicityDrafts(
  f: Facts,
  inLog: Set<number>,
  logLoss: Map<number, number>,
): Draft[] {
  const events = f.events;
  const out: Draft[] = [];
  for (const op of f.ops.values()) {
    const inv = f.invokeIdx.get(op.id);
    if (op.op === "read" || inv === undefined) continue;
    const applied: string[] = [];
    const missing: string[] = [];
    const presence: number[] = [];
    if (f.ref === "log") {
      if (inLog.has(op.id)) {
        applied.push("log");
        const append = f.firstAppend.get(op.id);
        if (append !== undefined) presence.push(append);
      } else missing.push("log");
    }
    for (const store of f.stores) {
      const first = f.firstApply.get(store)?.get(op.id);
      if (first !== undefined) {
        // Applied once; a cache that forgot it since neither holds nor misses it.
        if (holds(f, store, op.id)) {
          applied.push(store);
          presence.push(first);
        }
      } else if (
        isTarget(f, store, inv) &&
        !f.rejected.get(store)?.has(op.id) &&
        !cacheForgot(f, store, inv) &&
        !(heldOffline(f, op.id) && behindLog(f, store))
      ) {
        missing.push(store);
      }
    }
    if (missing.length === 0 || presence.length === 0) continue;
    const path = new Set(missing.flatMap((m) => pathNodes(f, m)));
    const lostFromLog = missing.includes("log") ? logLoss.get(op.id) : undefined;
    const evidence = lostFromLog ?? firstEvidence(f, op.id, path, logLoss);
    const firstPresent = Math.min(...presence.map((i) => events.get(i).t));
    const appliedStores = applied.filter((s) => s !== "log");
    const what = capitalise(describeWrite(op, op.id));
    const cause = describeCause(
      evidence === undefined ? undefined : events.get(evidence),
      clientOf(f),
    );
    let explanation: string;
    if (missing.includes("log")) {
      explanation = `${what} was applied by ${listNames(appliedStores)} but is not in the log: ${cause}.`;
    } else if (applied.includes("log")) {
      explanation =
        appliedStores.length === 0
          ? `${what} is in the log but no store ever applied it: ${cause}.`
          : `${what} is in the log and reached ${listNames(appliedStores)} but ${listNames(missing)} never applied it: ${cause}.`;
    } else if (missing.includes(f.ref)) {
      explanation = `${what} reached ${listNames(applied)} but never reached ${listNames(missing)}, though ${f.ref} is the system of record: ${cause}.`;
    } else {
      explanation = `${what} reached ${listNames(applied)} but never reached ${listNames(missing)}: ${cause}.`;
    }
    const fail = toldFailed(f, op.id);
    if (fail !== undefined)
      explanation = `${explanation.slice(0, -1)}; ${events.get(fail).node} was told it failed.`;
    out.push({
      kind: "atomicity",
      key: op.key,
      writes: [op.id],
      eventIdx: [inv, ...presence, ...(evidence === undefined ? [] : [evidence])],
      stores: [...applied, ...missing],
      detectedAt: detectionTime(f, firstPresent, evidence),
      settles: "at-end",
      explanation,
    });
  }
  return out;
}
