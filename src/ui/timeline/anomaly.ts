import { anomaliesAt } from "../../check";
import type { AcidLetter, Anomaly, AnomalyState, Report } from "../../check/types";
import { ACID_LETTER } from "../../check/types";
import type { Geometry } from "./geometry";

export interface AnomalyBand {
  anomaly: Anomaly;
  state: AnomalyState;
  letter: AcidLetter;
  from: number;
  to: number;
  lanes: number[];
}

/** Anomalies visible at `t`, with the lanes their stores occupy. */
export function anomalyBands(g: Geometry, report: Report | null, t: number): AnomalyBand[] {
  if (!report) return [];
  // The checker's own view of "what was known at t": no band before detection,
  // and the state (and span end) as they were then.
  return anomaliesAt(report, t).map((a) => ({
    anomaly: a,
    state: a.state,
    letter: ACID_LETTER[a.kind],
    from: a.span.from,
    to: Math.max(a.span.from, a.span.to),
    lanes: lanesOf(g, a.stores),
  }));
}

/** `log` stands for the brokers; an unknown name falls back to every store lane. */
function lanesOf(g: Geometry, stores: string[]): number[] {
  const lanes = new Set<number>();
  for (const s of stores) {
    const lane = g.laneOf.get(s);
    if (lane !== undefined) lanes.add(lane);
    else if (s === "log")
      g.nodes.forEach((n, i) => {
        if (n.group === "log") lanes.add(i);
      });
  }
  if (lanes.size === 0)
    g.nodes.forEach((n, i) => {
      if (n.group === "stores") lanes.add(i);
    });
  return [...lanes].sort((x, y) => x - y);
}

/** Anomalies detected by `t`, per ACID letter (the compare scoreboard). */
export function countByLetter(report: Report | null, t: number): Record<AcidLetter, number> {
  const counts: Record<AcidLetter, number> = { A: 0, C: 0, I: 0, D: 0 };
  for (const a of report?.anomalies ?? []) if (t >= a.detectedAt) counts[ACID_LETTER[a.kind]]++;
  return counts;
}
