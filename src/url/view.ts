/**
 * View state a link carries beside the scenario: where the playhead is, which
 * strategy or pair is shown, and where the tour is. It changes as often as
 * someone scrubs, so it travels as readable hash parameters, not inside the
 * compressed scenario (the scenario part of the URL stays stable).
 */
import { z } from "zod";
import { STRATEGIES, type Strategy } from "../sim/types";
import { errorFromIssues, type RestoreError } from "./errors";
import { LIMITS } from "./limits";
import { fail } from "./restore";
import { isPlainObject } from "./schema";

export interface ViewState {
  /** Simulated ms the playhead points at. */
  playhead?: number;
  strategy?: Strategy;
  compare?: [Strategy, Strategy];
  tour?: { chapter: number; step: number };
}

/** Bounds for tour positions; the tour itself knows how many steps a chapter has. */
export const TOUR_BOUNDS = { chapter: 99, step: 999 } as const;

const strategy = z.enum(STRATEGIES);

export const viewSchema = z.strictObject({
  playhead: z.number().min(0).max(LIMITS.maxTimeMs).optional(),
  strategy: strategy.optional(),
  compare: z
    .tuple([strategy, strategy])
    .refine(([a, b]) => a !== b, "compare needs two different strategies.")
    .optional(),
  tour: z
    .strictObject({
      chapter: z.number().int().min(0).max(TOUR_BOUNDS.chapter),
      step: z.number().int().min(0).max(TOUR_BOUNDS.step),
    })
    .optional(),
});

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
