/**
 * Which exercises this browser has solved, kept in localStorage. Only the
 * visitor's own successful Check writes here; opening someone's solution link
 * verifies it but never marks it. A solution is stored as a link carrying the
 * exercise's id (`ex=`), so whoever opens it sees the run checked again.
 */
import type { Scenario } from "../../sim/types";
import { encodeLink } from "../../url/index";
import { exerciseById } from "../../workshop/exercises";

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
