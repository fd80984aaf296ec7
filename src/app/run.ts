import { check } from "../check";
import type { Report } from "../check/types";
import { simulate } from "../sim/simulate";
import type { Scenario, Trace } from "../sim/types";

/**
 * Simulation stops after this much wall-clock time (capped: budget). The check,
 * the page's event objects, indexing and the first draw come after it and take
 * longer than the simulation itself for the same events. Measured in headless
 * Chromium on the worst accepted link: with 0.8 s here it showed after 2.4–2.6 s,
 * with 0.5 s after 1.2–1.6 s.
 */
export const RUN_BUDGET_MS = 500;

function wallClockBudget(ms: number): () => boolean {
  const deadline = performance.now() + ms;
  return () => performance.now() > deadline;
}

export interface Run {
  trace: Trace;
  report: Report | null;
  /** Set when the checker threw: the run still shows, without anomalies. */
  checkError: string | null;
}

/**
 * The one door from a scenario to what the views show. Synchronous because the
 * presets simulate in a few milliseconds; a Web Worker version keeps this
 * signature behind a promise and the store awaits it.
 */
export function runScenario(scenario: Scenario): Run {
  const trace = simulate(scenario, { shouldStop: wallClockBudget(RUN_BUDGET_MS) });
  try {
    return { trace, report: check(trace), checkError: null };
  } catch (err) {
    return { trace, report: null, checkError: err instanceof Error ? err.message : String(err) };
  }
}
