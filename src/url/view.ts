/**
 * View state a link carries beside the scenario: where the playhead is, which
 * strategy or pair is shown, and where the tour is. It changes as often as
 * someone scrubs, so it travels as readable hash parameters, not inside the
 * compressed scenario (the scenario part of the URL stays stable).
 */
import "./zod-config";
import { z } from "zod/mini";
import { ANOMALY_KINDS, type AnomalyKind } from "../check/types";
import { type Scenario, STRATEGIES, type Strategy } from "../sim/types";
import { errorFromIssues, type RestoreError } from "./errors";
import { LIMITS } from "./limits";
import { fail } from "./restore";
import { isPlainObject } from "./schema";
import { EXERCISE_IDS, type ExerciseId, SWEEP_PARAMS, type SweepParam } from "./workshop-names";

export interface ViewState {
  /** Simulated ms the playhead points at. */
  playhead?: number;
  strategy?: Strategy;
  compare?: [Strategy, Strategy];
  tour?: { chapter: number; step: number };
  /** A workshop sweep's settings, so a shared link reopens the same sweep. */
  sweep?: SweepView;
  /**
   * The workshop exercise the scenario is an attempt at (`ex=<id>`): the page
   * shows its goal and checks the scenario against it. The exercise travels
   * by id, never by the scenario's name.
   */
  exercise?: ExerciseId;
}

export interface SweepView {
  param: SweepParam;
  values: Array<number | string>;
  strategies: Strategy[];
  seeds: number;
  /** The anomaly kind the chart shows. */
  kind?: AnomalyKind;
}

/** Bounds that keep a shared sweep link from asking for hours of work. */
export const SWEEP_BOUNDS = { values: 50, seeds: 10_000 } as const;

/** Bounds for tour positions; the tour itself knows how many steps a chapter has. */
export const TOUR_BOUNDS = { chapter: 99, step: 999 } as const;

const strategy = z.enum(STRATEGIES);

const int = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

export const viewSchema = z.strictObject({
  playhead: z.optional(z.number().check(z.gte(0), z.lte(LIMITS.maxTimeMs))),
  strategy: z.optional(strategy),
  compare: z.optional(
    z
      .tuple([strategy, strategy])
      .check(z.refine(([a, b]) => a !== b, "compare needs two different strategies.")),
  ),
  tour: z.optional(
    z.strictObject({
      chapter: int(0, TOUR_BOUNDS.chapter),
      step: int(0, TOUR_BOUNDS.step),
    }),
  ),
  sweep: z.optional(
    z.strictObject({
      param: z.enum(SWEEP_PARAMS),
      values: z
        .array(z.union([z.number(), z.string().check(z.maxLength(20))]))
        .check(z.minLength(1), z.maxLength(SWEEP_BOUNDS.values)),
      strategies: z.array(strategy).check(z.minLength(1), z.maxLength(STRATEGIES.length)),
      seeds: int(1, SWEEP_BOUNDS.seeds),
      kind: z.optional(z.enum(ANOMALY_KINDS)),
    }),
  ),
  exercise: z.optional(z.enum(EXERCISE_IDS)),
});

/** The link parameter naming an exercise: `ex=<id>`. */
export const EXERCISE_PARAM = "ex";

/**
 * A short link to an exercise, `#ex=<id>` with no scenario: it opens the
 * exercise's start (short enough to read out or write on a whiteboard).
 * Null for any other hash, or an id that is not an exercise's.
 */
export function shortExerciseLink(hash: string): ExerciseId | null {
  const m = /^#?ex=([^&=#]{1,40})$/.exec(hash);
  if (m === null) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  const r = restoreView({ exercise: id });
  return r.ok ? (r.view.exercise ?? null) : null;
}

export type ViewResult = { ok: true; view: ViewState } | { ok: false; error: RestoreError };

/** Validates view state from any source; `undefined` is the empty view. Never throws. */
export function restoreView(input: unknown): ViewResult {
  try {
    if (input === undefined) return { ok: true, view: {} };
    if (!isPlainObject(input)) return fail("invalid", "The view state must be an object.");
    const result = viewSchema.safeParse(input, { reportInput: true });
    if (!result.success) return { ok: false, error: errorFromIssues(result.error.issues) };
    return { ok: true, view: result.data };
  } catch {
    return fail("invalid", "The view state could not be read.");
  }
}

/**
 * The scenario a link shows: its `strategy` view parameter, when present,
 * picks the strategy to run. Links the app writes put the strategy in the
 * scenario itself, so for them this is the identity.
 */
export function scenarioInView(scenario: Scenario, view: ViewState): Scenario {
  return view.strategy === undefined || view.strategy === scenario.strategy
    ? scenario
    : { ...scenario, strategy: view.strategy };
}
