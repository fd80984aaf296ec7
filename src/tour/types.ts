import type { AnomalyKind, Report } from "../check/types";
import type { Scenario, StoreName, Trace } from "../sim/types";

/** How far a step plays: to a simulated time (clamped to the run's end), or to the first promised anomaly. */
export type PlayTarget = { to: number } | "next-anomaly";

/** What a step draws the eye to. Lanes are timeline node ids (`client-1`, `db`, `broker-1`, `consumer-search`, …). */
export type Spotlight =
  | { lanes: string[] }
  | { anomaly: AnomalyKind }
  | { store: StoreName; key: string };

/** A count the run must show: an exact number, at least one, or zero. */
export type Expectation = number | "some" | "none";

/**
 * Network effects a step promises are visible on the timeline. `overtakes`:
 * a message delivered before one sent earlier on the same link. `slow`:
 * messages that took at least 50 ms. `retries`: requests a client sent again after a timeout.
 */
export type TraceFact = "drops" | "duplicates" | "overtakes" | "slow" | "retries" | "links";

/** A step's run as a predict choice judges it: the trace, its report, and where the step stops. */
export interface StepMoment {
  trace: Trace;
  report: Report;
  /** Where the step's play halts, simulated ms. */
  target: number;
}

/**
 * One answer the room can give. Whether it is right is computed from the run
 * (`holds`), never typed: tests check that exactly one choice holds per step.
 */
export interface PredictChoice {
  label: string;
  holds: (moment: StepMoment) => boolean;
}

/** Stop, predict, reveal: the question the tour asks before the step plays. */
export interface Predict {
  question: string;
  /** 2–4 choices, answered with keys 1–4 or a click. */
  choices: PredictChoice[];
}

/**
 * What the evidence strip shows from the Stores and Log panels while the step
 * plays. A scoreboard step's table is its evidence: no keys and no log, no strip.
 */
export interface Evidence {
  /** Keys whose value per store is shown, with "≠ db" where a store disagrees. */
  keys: string[];
  /** Show the log's records (log and cdc strategies). */
  log?: boolean;
}

export interface TourStep {
  /** Stable id, `chapter-slug/step-slug`; tests and logs name steps by it. */
  id: string;
  title: string;
  /** One or two sentences, at most 240 characters. */
  caption: string;
  scenario: Scenario;
  play: PlayTarget;
  spotlight: Spotlight;
  /**
   * What the run shows by the end of its play range, checked by chapters.test.ts so a caption
   * cannot promise what the run does not do. Kinds left out are not checked.
   */
  expects: Partial<Record<AnomalyKind, Expectation>>;
  /** Network and topology facts the step points at, checked the same way. */
  shows?: Partial<Record<TraceFact, Expectation>>;
  /** Extra line for the caption bar, computed from the scenario (chapter 4's link count). */
  overlay?: string;
  /** Show the all-strategies scoreboard for this step's scenario (chapter 7). */
  scoreboard?: boolean;
  /** Ask the room first; the run reveals the answer. */
  predict?: Predict;
  /** The store cells and log records the caption names, shown next to the timeline. */
  evidence: Evidence;
  /**
   * The step is about volume (many writes: rates of drops, duplicates, links growing):
   * exempt from the talk's rule of at most 8 writes a step.
   */
  volume?: boolean;
}

export interface Chapter {
  /** 1-based, as the talk numbers them and as links carry them. */
  number: number;
  title: string;
  steps: TourStep[];
}
