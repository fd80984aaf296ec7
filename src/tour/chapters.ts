import { chapter1 } from "./chapters/ch1-monolith";
import { chapter2 } from "./chapters/ch2-explosion";
import { chapter3 } from "./chapters/ch3-acid";
import { chapter4 } from "./chapters/ch4-integration";
import { chapter5 } from "./chapters/ch5-dual-writes";
import { chapter6 } from "./chapters/ch6-log";
import { chapter7 } from "./chapters/ch7-inside-out";
import type { Chapter, TourStep } from "./types";

/** The talk "State in scalable architectures", in its order. */
export const CHAPTERS: readonly Chapter[] = [
  chapter1,
  chapter2,
  chapter3,
  chapter4,
  chapter5,
  chapter6,
  chapter7,
];

/** Steps per chapter, what the tour machine needs to move between them. */
export const STEP_COUNTS: readonly number[] = CHAPTERS.map((c) => c.steps.length);

/** 0-based indices; undefined outside the tour. */
export function stepAt(chapter: number, step: number): TourStep | undefined {
  return CHAPTERS[chapter]?.steps[step];
}
