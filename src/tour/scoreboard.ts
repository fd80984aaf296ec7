import { check } from "../check";
import { ACID_LETTER, type AcidLetter } from "../check/types";
import { simulate } from "../sim/simulate";
import { type Scenario, STRATEGIES, type Strategy } from "../sim/types";

export interface ScoreRow {
  strategy: Strategy;
  /** Anomalies detected over the whole run, by the ACID letter the checker files them under. */
  counts: Record<AcidLetter, number>;
  traceHash: string;
}

/** The same scenario under every strategy; the workload is identical across them (same seed). */
export function scoreboard(scenario: Scenario): ScoreRow[] {
  return STRATEGIES.map((strategy) => {
    const trace = simulate({ ...scenario, strategy });
    const counts: Record<AcidLetter, number> = { A: 0, C: 0, I: 0, D: 0 };
    for (const a of check(trace).anomalies) counts[ACID_LETTER[a.kind]]++;
    return { strategy, counts, traceHash: trace.traceHash };
  });
}
