/**
 * Which exercises this browser has solved, kept in localStorage. A solution
 * is stored as a link to the solving scenario: sharing it lets anyone (the
 * facilitator) open the run and have the checkers verify it again.
 */
import type { Scenario } from "../../sim/types";
import { encodeLink } from "../../url/index";
import { EXERCISES, type Exercise, exerciseById } from "../../workshop/exercises";

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

export function saveSolved(id: string, scenario: Scenario): Progress {
  const progress = { ...loadProgress(), [id]: { link: encodeLink(scenario) } };
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

/** The exercise a scenario belongs to, by the name its starting scenario carries. */
export function exerciseOf(scenario: Scenario): Exercise | undefined {
  const m = /^exercise: (.+)$/.exec(scenario.name ?? "");
  return m === null ? undefined : EXERCISES.find((e) => e.id === m[1]);
}
