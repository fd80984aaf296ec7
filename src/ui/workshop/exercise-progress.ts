/**
 * Which exercises this browser has solved, kept in localStorage. Only the
 * visitor's own successful Check writes here; opening someone's solution link
 * verifies it but never marks it. A solution is stored as a link carrying the
 * exercise's id (`ex=`), so whoever opens it sees the run checked again.
 */
import type { Scenario } from "../../sim/types";
import { decodeLink, encodeLink } from "../../url/index";
import { exerciseById } from "../../workshop/exercises";
import { encodeProof, PROOF_PARAM } from "../../workshop/proof";

export const PROGRESS_KEY = "inside-out.exercises";

export interface Solved {
  link: string;
}

export type Progress = Record<string, Solved>;

export function loadProgress(): Progress {
  try {
    const raw = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? "{}") as unknown;
    if (typeof raw !== "object" || raw === null) return {};
    const out: Progress = {};
    for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
      const link = (v as { link?: unknown } | null)?.link;
      if (exerciseById(id) !== undefined && typeof link === "string") out[id] = { link };
    }
    return out;
  } catch {
    // Storage can be disabled or hold junk; progress is a convenience, never a blocker.
    return {};
  }
}

/** The link to an attempt at an exercise: the scenario, and the exercise by id. */
export function attemptLink(id: string, scenario: Scenario): string {
  const exercise = exerciseById(id);
  return encodeLink(scenario, exercise === undefined ? {} : { exercise: exercise.id });
}

export function saveSolved(id: string, scenario: Scenario): Progress {
  const progress = { ...loadProgress(), [id]: { link: attemptLink(id, scenario) } };
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Same as above: keep going without persistence.
  }
  return progress;
}

export function clearProgress(): void {
  try {
    localStorage.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** The learner's name or handle for proofs (optional), kept in this browser. */
export const NAME_KEY = "inside-out.workshop-name";

export function loadName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? "";
  } catch {
    return "";
  }
}

export function saveName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // The name is typed again next time.
  }
}

/** The solved scenarios, read back from their stored links. */
export function solvedScenarios(progress: Progress): Partial<Record<string, Scenario>> {
  const out: Partial<Record<string, Scenario>> = {};
  for (const [id, { link }] of Object.entries(progress)) {
    const decoded = decodeLink(link);
    if (decoded.ok) out[id] = decoded.scenario;
  }
  return out;
}

/** The proof link for the facilitator: this browser's solutions, by exercise, and the name. */
export function proofLink(progress: Progress, name: string): string {
  return `#${PROOF_PARAM}=${encodeProof(name, solvedScenarios(progress))}`;
}
