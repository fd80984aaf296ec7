import { ACID_LETTER, type AcidLetter, type AnomalyKind } from "../check/types";
import { cellValueAt } from "./spotlight";
import type { PredictChoice, StepMoment, TourStep } from "./types";

/** The value `store` holds for `key` where the step stops; undefined when it holds none. */
export function valueAtMoment(
  m: StepMoment,
  store: string,
  key: string,
): string | number | undefined {
  return cellValueAt(m.trace, store, key, m.target);
}

/** Anomalies of `kind` the page lists where the step stops (detected by then). */
export function countAtMoment(m: StepMoment, kind: AnomalyKind): number {
  return m.report.anomalies.filter((a) => a.kind === kind && a.detectedAt <= m.target).length;
}

/** ACID letters with at least one anomaly where the step stops, in A C I D order. */
export function lettersAtMoment(m: StepMoment): AcidLetter[] {
  const seen = new Set<AcidLetter>();
  for (const a of m.report.anomalies) if (a.detectedAt <= m.target) seen.add(ACID_LETTER[a.kind]);
  return (["A", "C", "I", "D"] as const).filter((l) => seen.has(l));
}

/** Choice: `store` holds `value` for `key` where the step stops (`undefined`: holds nothing). */
export function holds(
  label: string,
  store: string,
  key: string,
  value: string | number | undefined,
): PredictChoice {
  return { label, holds: (m) => valueAtMoment(m, store, key) === value };
}

/** Choice: no store holds `value` for `key` where the step stops. */
export function nowhere(label: string, key: string, value: string | number): PredictChoice {
  return {
    label,
    holds: (m) =>
      m.trace.scenario.stores.every((s) => valueAtMoment(m, s, key) !== value) &&
      // Stores that joined late are not in `scenario.stores`; ask the trace's store nodes too.
      m.trace.nodes
        .filter((n) => n.kind === "store")
        .every((n) => valueAtMoment(m, n.id, key) !== value),
  };
}

/** Choice: the ACID letters broken where the step stops are exactly `letters`. */
export function lettersBroken(label: string, letters: AcidLetter[]): PredictChoice {
  const want = [...letters].sort((a, b) => "ACID".indexOf(a) - "ACID".indexOf(b)).join("");
  return { label, holds: (m) => lettersAtMoment(m).join("") === want };
}

/** Choice: the checker lists `count` anomalies of `kind` where the step stops (a number, or "some"). */
export function anomalies(label: string, kind: AnomalyKind, count: number | "some"): PredictChoice {
  return {
    label,
    holds: (m) => {
      const n = countAtMoment(m, kind);
      return count === "some" ? n > 0 : n === count;
    },
  };
}

/** Indices of the choices that hold for this run; a well-posed question has exactly one. */
export function choicesThatHold(step: TourStep, moment: StepMoment): number[] {
  const out: number[] = [];
  step.predict?.choices.forEach((c, i) => {
    if (c.holds(moment)) out.push(i);
  });
  return out;
}

/** The right answer, computed from the run; null when none or several hold (a broken question). */
export function rightAnswer(step: TourStep, moment: StepMoment): number | null {
  const holding = choicesThatHold(step, moment);
  return holding.length === 1 ? holding[0] : null;
}

/** Writes in a step's workload (scripted ops or generated writes). */
export function writesInStep(step: TourStep): number {
  const w = step.scenario.workload;
  return w.kind === "generated" ? w.writes : w.ops.filter((o) => o.op !== "read").length;
}

/** Talk steps stay readable: at most this many writes unless the step is about volume. */
export const TALK_MAX_WRITES = 8;

/**
 * What the caption bar shows while a step's question is open: the caption's
 * first sentence, the setup. The rest tells the outcome, so it waits for the run.
 */
export function captionWhileAsking(step: TourStep): string {
  const end = /[.!?](\s|$)/.exec(step.caption);
  return end === null ? step.caption : step.caption.slice(0, end.index + 1);
}
