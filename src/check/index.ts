import type { Trace } from "../sim/types";
import { ambiguousFailureDrafts } from "./ambiguous";
import { finish } from "./anomaly";
import { atomicityDrafts } from "./atomicity";
import { consistencyDrafts } from "./consistency";
import { duplicateDrafts } from "./duplicates";
import { durabilityDrafts } from "./durability";
import { logLossEvidence } from "./evidence";
import { isolationDrafts } from "./isolation-drafts";
import { buildMetrics, propagationLag } from "./metrics";
import { offlinePartitions } from "./offline";
import { scan } from "./scan";
import { staleReadDrafts } from "./stale-reads";
import { ANOMALY_KINDS, type Anomaly, type AnomalyKind, type Report } from "./types";
import { finalLogSet, writesMissingFromLog } from "./write-fate";

export * from "./letters";
export * from "./types";

/**
 * Every anomaly the trace shows, when it became visible and how it ended, and
 * the run's metrics. Pure and deterministic: two passes over the events plus
 * work proportional to the writes.
 */
export function check(trace: Trace): Report {
  const f = scan(trace);
  const inLog = finalLogSet(f);
  const logLoss = logLossEvidence(f, writesMissingFromLog(f, inLog));
  const partial = atomicityDrafts(f, inLog, logLoss);
  const related = [
    ...isolationDrafts(f),
    ...partial,
    ...ambiguousFailureDrafts(f, inLog, new Set(partial.flatMap((d) => d.writes))),
    ...duplicateDrafts(f),
  ];
  const drafts = [
    ...related,
    ...consistencyDrafts(f, related),
    ...durabilityDrafts(f, inLog, logLoss),
    ...staleReadDrafts(f),
  ];
  const seen = new Map<string, number>();
  const anomalies = drafts.map((d) => {
    const a = finish(f, d);
    const n = seen.get(a.id) ?? 0;
    seen.set(a.id, n + 1);
    if (n > 0) a.id = `${a.id}#${n + 1}`;
    return a;
  });
  anomalies.sort((a, b) => a.detectedAt - b.detectedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lag = propagationLag(f.events, f.invokeIdx, f.firstApply, f.stores);
  return {
    anomalies,
    offline: offlinePartitions(f),
    metrics: buildMetrics(f.metrics, lag, trace.quiescedAt),
    quiescedAt: trace.quiescedAt,
  };
}

/**
 * The anomalies known at simulated time t, each in the state it had then:
 * nothing before its `detectedAt`, `confirmed` from `confirmedAt`, `healed`
 * from `healedAt`. Later facts (future confirmation or healing) are left out.
 */
export function anomaliesAt(report: Report, t: number): Anomaly[] {
  const list = report.anomalies;
  let hi = 0;
  while (hi < list.length && list[hi].detectedAt <= t) hi++;
  const out: Anomaly[] = [];
  for (let i = 0; i < hi; i++) {
    const { confirmedAt, healedAt, ...rest } = list[i];
    const a: Anomaly = { ...rest, span: { ...rest.span, to: Math.min(rest.span.to, t) } };
    if (healedAt !== undefined && healedAt <= t) {
      a.state = "healed";
      a.healedAt = healedAt;
    } else if (confirmedAt !== undefined && confirmedAt <= t) {
      a.state = "confirmed";
      a.confirmedAt = confirmedAt;
    } else {
      a.state = "suspected";
    }
    out.push(a);
  }
  return out;
}

/** How many anomalies of each kind (every kind present, zero or more). */
export function countByKind(anomalies: Anomaly[]): Record<AnomalyKind, number> {
  const out = Object.fromEntries(ANOMALY_KINDS.map((k) => [k, 0])) as Record<AnomalyKind, number>;
  for (const a of anomalies) out[a.kind]++;
  return out;
}
