/**
 * The workshop's names that links carry: the settings a sweep varies
 * (`sweep=<param>+…`) and the exercises' ids (`ex=<id>`). They live here, in
 * the URL layer, so a link is validated without importing the workshop
 * (src/workshop builds on src/url, never the other way round).
 */

export const SWEEP_PARAMS = [
  "dropRate",
  "duplicateRate",
  "reorderRate",
  "delayMsMax",
  "partitionMs",
  "acks",
  "minInsyncReplicas",
  "commit",
] as const;
export type SweepParam = (typeof SWEEP_PARAMS)[number];

/**
 * The exercises' ids, in the order the app numbers them. `src/workshop/exercises.ts`
 * defines one exercise per id, in this order (a test holds them equal).
 */
export const EXERCISE_IDS = [
  "one-fault",
  "lost-ack",
  "stale-read",
  "rebuild",
  "incr-double",
  "incr-fix",
  "cdc-race",
] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];
