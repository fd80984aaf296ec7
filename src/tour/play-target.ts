import type { AnomalyKind, Report } from "../check/types";
import type { Trace } from "../sim/types";
import type { Expectation, TourStep } from "./types";

/** Kinds a step promises to show (an exact count above zero, or "some"). */
export function promisedKinds(step: TourStep): AnomalyKind[] {
  const out: AnomalyKind[] = [];
  for (const [kind, want] of Object.entries(step.expects) as [AnomalyKind, Expectation][]) {
    if (want === "some" || (typeof want === "number" && want > 0)) out.push(kind);
  }
  return out;
}

/**
 * Where a step's play stops, in simulated ms. "next-anomaly" stops where the
 * first promised anomaly (else the spotlit one, else any) is detected, so the
 * Anomalies panel lists it the moment playback halts; with none, the run's end.
 */
export function playTarget(step: TourStep, trace: Trace, report: Report | null): number {
  const end = trace.endTime;
  if (step.play !== "next-anomaly") return Math.min(step.play.to, end);
  const anomalies = report?.anomalies ?? [];
  const spot = "anomaly" in step.spotlight ? step.spotlight.anomaly : undefined;
  const wanted = new Set<AnomalyKind>(promisedKinds(step));
  if (wanted.size === 0 && spot !== undefined) wanted.add(spot);
  // Reports are sorted by detectedAt, so the first match is the earliest.
  const first =
    anomalies.find((a) => wanted.has(a.kind)) ?? (wanted.size === 0 ? anomalies[0] : undefined);
  return first === undefined ? end : Math.min(first.detectedAt, end);
}
