import type { AnomalyKind } from "../check/types";
import type { Scenario, StoreName } from "../sim/types";

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
}

export interface Chapter {
  /** 1-based, as the talk numbers them and as links carry them. */
  number: number;
  title: string;
  steps: TourStep[];
}
