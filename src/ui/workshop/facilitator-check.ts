/**
 * The facilitator's check of pasted proofs: every line is read as a proof and
 * every solution in it is checked again here, through the page's budgeted run
 * door, exactly as the learner's own Check did. A proof never says "solved";
 * only this check does. Nothing is sent anywhere.
 */
import type { ExerciseId } from "../../url/workshop-names";
import { EXERCISES, exerciseById } from "../../workshop/exercises";
import { decodeProof, proofCodeIn } from "../../workshop/proof";
import { checkRun } from "./check-run";

/** Most lines read from one paste: a room of forty, each pasting a few times. */
export const MAX_PROOF_LINES = 300;

export interface SolutionCheck {
  id: string;
  /** The exercise's number in the app, when the id is one. */
  number: number | null;
  ok: boolean;
  reason: string;
}

export type ProofCheck =
  | { line: number; name: string; ok: true; solutions: SolutionCheck[] }
  | { line: number; name: string; ok: false; reason: string };

export interface ExerciseCount {
  id: ExerciseId;
  number: number;
  title: string;
  solved: number;
  rejected: number;
}

/** The non-empty lines of a paste, with their 1-based line numbers. */
export function proofLines(text: string): Array<{ line: number; text: string }> {
  return text
    .split(/\r?\n/)
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text !== "")
    .slice(0, MAX_PROOF_LINES);
}

/** Checks one pasted line: reads it as a proof, then checks each solution it carries. */
export async function checkProofLine(line: number, text: string): Promise<ProofCheck> {
  const code = proofCodeIn(text);
  const said = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  if (code === null)
    return {
      line,
      name: "",
      ok: false,
      reason: `“${said}” is not a proof: a proof is a link with #proof=… (from the learner's Proof for the facilitator).`,
    };
  const decoded = decodeProof(code);
  if (!decoded.ok) return { line, name: "", ok: false, reason: decoded.error };
  const solutions: SolutionCheck[] = [];
  for (const s of decoded.proof.solutions) {
    const exercise = exerciseById(s.id);
    const number = exercise?.number ?? null;
    if ("error" in s || exercise === undefined) {
      solutions.push({ id: s.id, number, ok: false, reason: "error" in s ? s.error : "" });
      continue;
    }
    const v = await exercise.verifyWith(s.scenario, checkRun);
    solutions.push({ id: s.id, number, ok: v.ok, reason: v.reason });
  }
  return { line, name: decoded.proof.name, ok: true, solutions };
}

/** A pasted solution as a row keeps it: its check, and the line it came from. */
export type PastedSolution = SolutionCheck & { line: number };

/**
 * One learner of the room: every proof pasted under the same name merged into
 * one row. A learner pastes again as they solve more, so per exercise the
 * latest pasted solution is the one that counts. Proofs without a name cannot
 * be told apart, so each stays a row of its own.
 */
export interface LearnerRow {
  key: string;
  /** The name as first pasted, or where a nameless proof was pasted. */
  who: string;
  /** The lines merged into this row, in paste order. */
  lines: number[];
  /** Per exercise id, the latest pasted solution. */
  latest: Map<string, PastedSolution>;
  /** Exercises whose latest solution was verified / rejected. */
  solved: number;
  rejected: number;
}

/** Names that differ only in case or spacing are the same learner ("Ada", " ada "). */
export function sameLearner(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The readable proofs merged by learner, in the order each learner first appears. */
export function learnerRows(checks: readonly ProofCheck[]): LearnerRow[] {
  const rows = new Map<string, LearnerRow>();
  for (const c of checks) {
    if (!c.ok) continue;
    const name = sameLearner(c.name);
    const key = name === "" ? `line-${c.line}` : `name-${name}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { key, who: whoOf(c), lines: [], latest: new Map(), solved: 0, rejected: 0 };
      rows.set(key, row);
    }
    row.lines.push(c.line);
    for (const s of c.solutions) row.latest.set(s.id, { ...s, line: c.line });
  }
  for (const row of rows.values())
    for (const s of row.latest.values()) {
      if (s.ok) row.solved++;
      else row.rejected++;
    }
  return [...rows.values()];
}

/**
 * Per exercise: how many learners' latest solutions were verified, and how many
 * rejected (a learner who pastes the same solution twice counts once).
 */
export function countsPerExercise(checks: readonly ProofCheck[]): ExerciseCount[] {
  const rows = learnerRows(checks);
  return EXERCISES.map((e) => {
    let solved = 0;
    let rejected = 0;
    for (const row of rows) {
      const s = row.latest.get(e.id);
      if (s === undefined) continue;
      if (s.ok) solved++;
      else rejected++;
    }
    return { id: e.id, number: e.number, title: e.title, solved, rejected };
  });
}

/** What a row calls the learner: the name in the proof, or where it was pasted. */
export function whoOf(c: ProofCheck): string {
  return c.name === "" ? `No name (line ${c.line})` : c.name.trim();
}
