import { anomaliesAt } from "../check";
import { ACID_LETTERS } from "../check/letters";
import { ACID_LETTER, type AcidLetter, type Anomaly, type Report } from "../check/types";

/** The letter table lives with the checker that files kinds under letters; re-exported for the views. */
export { ACID_LETTERS as ACID_ORDER, ACID_NAMES } from "../check/letters";

export interface AnomalyGroup {
  letter: AcidLetter;
  anomalies: Anomaly[];
}

/** Anomalies known at t, grouped by the ACID letter the checker files them under. */
export function groupedAnomaliesAt(report: Report | null, t: number): AnomalyGroup[] {
  if (report === null) return [];
  const known = anomaliesAt(report, t);
  return ACID_LETTERS.map((letter) => ({
    letter,
    anomalies: known.filter((a) => ACID_LETTER[a.kind] === letter),
  })).filter((g) => g.anomalies.length > 0);
}

const HEALED_CHANGE =
  /^For a while (.+) held (.+) while (.+) held (.+), until a later change brought them back in line\.$/;
const HEALED_APPLY = ", until a later apply put them back in line.";
const AT_THE_END = "At the end ";
const ENDS_WITH = /, so [^,]+ ends with .+ while .+ ends with .+\.$/;
const MISSING_AT_END = / but (is not in the log|never reached \S+) at the end: /;

/**
 * An anomaly's sentence as known at the playhead: `anomaly` is its state at t
 * (from `anomaliesAt`). The checker writes each sentence from the whole run;
 * before the anomaly heals (or is confirmed, for an end value) the part that
 * tells what happens later is left out, so the text never runs ahead of the timeline.
 */
export function explanationAt(anomaly: Anomaly): string {
  const text = anomaly.explanation;
  if (anomaly.state === "healed") return text;
  const change = HEALED_CHANGE.exec(text);
  if (change !== null) {
    const [, store, mine, ref, theirs] = change;
    return `${store} holds ${mine} while ${ref} holds ${theirs}; nothing has brought them back in line yet.`;
  }
  if (text.endsWith(HEALED_APPLY)) return `${text.slice(0, -HEALED_APPLY.length)}.`;
  if (anomaly.state === "suspected" && ENDS_WITH.test(text)) return text.replace(ENDS_WITH, ".");
  // A lost write is certain only at the end; before that it is missing so far.
  if (anomaly.state === "suspected" && MISSING_AT_END.test(text))
    return text.replace(MISSING_AT_END, " but $1 so far: ");
  // "At the end" is known only once the run is over (the checker confirms at the end).
  if (anomaly.state === "suspected" && text.startsWith(AT_THE_END))
    return `So far, ${text.slice(AT_THE_END.length)}`;
  return text;
}
