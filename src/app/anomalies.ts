import { anomaliesAt } from "../check";
import { ACID_LETTER, type AcidLetter, type Anomaly, type Report } from "../check/types";

export const ACID_ORDER: readonly AcidLetter[] = ["A", "C", "I", "D"];

export const ACID_NAMES: Record<AcidLetter, string> = {
  A: "Atomicity",
  C: "Consistency",
  I: "Isolation",
  D: "Durability",
};

export interface AnomalyGroup {
  letter: AcidLetter;
  anomalies: Anomaly[];
}

/** Anomalies known at t, grouped by the ACID letter the checker files them under. */
export function groupedAnomaliesAt(report: Report | null, t: number): AnomalyGroup[] {
  if (report === null) return [];
  const known = anomaliesAt(report, t);
  return ACID_ORDER.map((letter) => ({
    letter,
    anomalies: known.filter((a) => ACID_LETTER[a.kind] === letter),
  })).filter((g) => g.anomalies.length > 0);
}
