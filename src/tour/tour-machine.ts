import { assign, setup } from "xstate";

/** 0-based chapter and step; the URL and the caption bar show them 1-based. */
export interface TourPosition {
  chapter: number;
  step: number;
}

export type TourEvent =
  /** Open the tour where it was left (or at the start). */
  | { type: "START" }
  | { type: "NEXT" }
  | { type: "PREV" }
  | { type: "FIRST" }
  | { type: "LAST" }
  /** Jump anywhere; an out-of-range position is clamped, never an error (links are untrusted). */
  | { type: "GOTO"; chapter: number; step: number }
  | { type: "EXIT" };

export interface TourContext extends TourPosition {
  /** Steps per chapter, fixed when the machine is made. */
  counts: readonly number[];
}

export function clampPosition(counts: readonly number[], p: TourPosition): TourPosition {
  const chapter = Math.min(Math.max(0, Math.trunc(p.chapter) || 0), counts.length - 1);
  const step = Math.min(Math.max(0, Math.trunc(p.step) || 0), counts[chapter] - 1);
  return { chapter, step };
}

function next({ chapter, step, counts }: TourContext): TourPosition {
  if (step + 1 < counts[chapter]) return { chapter, step: step + 1 };
  if (chapter + 1 < counts.length) return { chapter: chapter + 1, step: 0 };
  return { chapter, step };
}

function prev({ chapter, step, counts }: TourContext): TourPosition {
  if (step > 0) return { chapter, step: step - 1 };
  if (chapter > 0) return { chapter: chapter - 1, step: counts[chapter - 1] - 1 };
  return { chapter, step };
}

/**
 * idle → step. The position survives EXIT, so a learner who leaves to play
 * with a step's scenario comes back to the same place with START.
 */
export function createTourMachine(counts: readonly number[]) {
  const same = (a: TourPosition, b: TourPosition) => a.chapter === b.chapter && a.step === b.step;
  return setup({
    types: { context: {} as TourContext, events: {} as TourEvent },
    guards: {
      // At either end the clicker does nothing, rather than restarting the step on screen.
      hasNext: ({ context }) => !same(next(context), context),
      hasPrev: ({ context }) => !same(prev(context), context),
    },
  }).createMachine({
    id: "tour",
    context: { chapter: 0, step: 0, counts },
    initial: "idle",
    states: {
      idle: {
        on: {
          START: "step",
          GOTO: {
            target: "step",
            actions: assign(({ context, event }) => clampPosition(context.counts, event)),
          },
        },
      },
      step: {
        on: {
          // Re-entering restarts the step from its known state, even when the position is unchanged.
          NEXT: {
            guard: "hasNext",
            target: "step",
            reenter: true,
            actions: assign(({ context }) => next(context)),
          },
          PREV: {
            guard: "hasPrev",
            target: "step",
            reenter: true,
            actions: assign(({ context }) => prev(context)),
          },
          FIRST: { target: "step", reenter: true, actions: assign({ chapter: 0, step: 0 }) },
          LAST: {
            target: "step",
            reenter: true,
            actions: assign(({ context }) => ({
              chapter: context.counts.length - 1,
              step: context.counts[context.counts.length - 1] - 1,
            })),
          },
          GOTO: {
            target: "step",
            reenter: true,
            actions: assign(({ context, event }) => clampPosition(context.counts, event)),
          },
          EXIT: "idle",
        },
      },
    },
  });
}
