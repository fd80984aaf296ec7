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

/** Per exercise: how many pasted solutions were verified, and how many rejected. */
export function countsPerExercise(checks: readonly ProofCheck[]): ExerciseCount[] {
  return EXERCISES.map((e) => {
    let solved = 0;
    let rejected = 0;
    for (const c of checks) {
      if (!c.ok) continue;
      for (const s of c.solutions) {
        if (s.id !== e.id) continue;
        if (s.ok) solved++;
        else rejected++;
      }
    }
    return { id: e.id, number: e.number, title: e.title, solved, rejected };
  });
}

/** What a row calls the learner: the name in the proof, or where it was pasted. */
export function whoOf(c: ProofCheck): string {
  return c.name === "" ? `No name (line ${c.line})` : c.name;
}
