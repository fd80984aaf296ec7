import { type Anomaly, check } from "../check/index";
import { simulate } from "../sim/simulate";
import type { Scenario, Trace } from "../sim/types";
import type { ExerciseId } from "../url/workshop-names";
import type { ScheduleDiff } from "./scenario-diff";

/*
 * What an exercise is, and the pieces both its data (exercise-specs.ts) and
 * the judge (exercises.ts) use: a verdict, a run of one seed, the spec's shape.
 */

export interface Verdict {
  ok: boolean;
  /** What the run showed, or what is still missing or wrong, for the learner to read. */
  reason: string;
}

/** What an exercise says: its spec writes it, the exercise shows it. */
export interface ExerciseWords {
  id: ExerciseId;
  title: string;
  /** What to achieve, for the learner. */
  goal: string;
  /** Which part of the scenario the learner may change; everything else must stay as it started. */
  mayChange: string;
  hint: string;
  /** What the exercise teaches, for the facilitator's guide. */
  teaches: string;
  /** A fresh copy each call. It does not meet the goal. */
  start: () => Scenario;
}

export interface Exercise extends ExerciseWords {
  /** 1-based, as the app and the guide number it. */
  number: number;
  /** A reference answer, reachable with the app's controls (for tests and the facilitator). */
  solution: () => Scenario;
  /** Checks a scenario, simulating here without a budget (tests, the CLI). */
  verify: (s: Scenario) => Verdict;
  /**
   * The same check, with every run asked of `run` (the page passes its
   * budgeted run door, so an oversized scenario is cut short, not run on the
   * main thread). A run cut short by the budget fails the check.
   */
  verifyWith: (s: Scenario, run: Runner) => Promise<Verdict>;
}

/** Simulates and checks one scenario (its own seed) and hands back the run. */
export type Runner = (s: Scenario) => Promise<Run>;

/** A check in steps: it yields each scenario it needs run and receives the run. */
export type Steps<T> = Generator<Scenario, T, Run>;

/** How many seeds a check runs: the learner's (the start's) and the next ones. */
export const CHECK_SEEDS = 5;

/** One checked run. */
export interface Run {
  seed: number;
  trace: Trace;
  anomalies: Anomaly[];
}

export interface Spec extends ExerciseWords {
  solution: (start: Scenario) => Scenario;
  /** Paths the learner may change (a path allows everything under it). */
  fields: readonly string[];
  /** How the schedule may change: a reason when this change is not allowed. Absent: not at all. */
  schedule?: (d: ScheduleDiff) => string | null;
  /** Why changing a path (or anything under it) is not this lesson, keyed by path. */
  whyNot?: Readonly<Record<string, string>>;
  /** A reason the allowed change cannot be right before running anything. */
  precheck?: (s: Scenario) => string | null;
  /** Judges one run of the submitted scenario. */
  judge: (run: Run, s: Scenario, start: Scenario) => Verdict;
  /** A remark added to a pass (e.g. which changed setting played no part); may ask for runs. */
  note?: (s: Scenario, start: Scenario) => Steps<string>;
}

export const pass = (reason: string): Verdict => ({ ok: true, reason });
export const fail = (reason: string): Verdict => ({ ok: false, reason });

export const startName = (id: string): string => `exercise: ${id}`;

/** Simulates and checks one seed of a scenario. */
export function runSeed(s: Scenario, seed: number): Run {
  const trace = simulate({ ...s, seed });
  return { seed, trace, anomalies: check(trace).anomalies };
}
