import { ACID_LETTER, type AcidLetter, type Anomaly } from "./types";

/** The ACID letters in the order the talk names them; every letter table and scoreboard uses this order. */
export const ACID_LETTERS: readonly AcidLetter[] = ["A", "C", "I", "D"];

/** The property each letter names, for people. */
export const ACID_NAMES: Readonly<Record<AcidLetter, string>> = {
  A: "Atomicity",
  C: "Consistency",
  I: "Isolation",
  D: "Durability",
};

/**
 * Anomalies per ACID letter (the letter the checker files each kind under),
 * counting those detected by `until` — all of them when it is left out.
 */
export function countByLetter(
  anomalies: readonly Pick<Anomaly, "kind" | "detectedAt">[],
  until = Number.POSITIVE_INFINITY,
): Record<AcidLetter, number> {
  const counts: Record<AcidLetter, number> = { A: 0, C: 0, I: 0, D: 0 };
  for (const a of anomalies) if (a.detectedAt <= until) counts[ACID_LETTER[a.kind]]++;
  return counts;
}

/** The letters broken at least once, in `ACID_LETTERS` order. */
export function lettersBroken(anomalies: readonly Pick<Anomaly, "kind">[]): AcidLetter[] {
  const seen = new Set(anomalies.map((a) => ACID_LETTER[a.kind]));
  return ACID_LETTERS.filter((l) => seen.has(l));
}
