import { check } from "../check";
import type { Report } from "../check/types";
import { simulate } from "../sim/simulate";
import type { Scenario, Trace } from "../sim/types";

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
  const trace = simulate(scenario);
  try {
    return { trace, report: check(trace), checkError: null };
  } catch (err) {
    return { trace, report: null, checkError: err instanceof Error ? err.message : String(err) };
  }
}
