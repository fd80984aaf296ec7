import { isHeavy, type Run, runScenario } from "../app/run";
import { runInBackground } from "../app/run-remote";
import { ACID_LETTER, type AcidLetter } from "../check/types";
import { type Scenario, STRATEGIES, type Strategy } from "../sim/types";

export interface ScoreRow {
  strategy: Strategy;
  /** Anomalies detected over the whole run, by the ACID letter the checker files them under. */
  counts: Record<AcidLetter, number>;
  traceHash: string;
  /** The checker failed on this run (its counts are then unknown, shown as such). */
  checkError: string | null;
}

function row(strategy: Strategy, run: Run): ScoreRow {
  const counts: Record<AcidLetter, number> = { A: 0, C: 0, I: 0, D: 0 };
  for (const a of run.report?.anomalies ?? []) counts[ACID_LETTER[a.kind]]++;
  return { strategy, counts, traceHash: run.trace.traceHash, checkError: run.checkError };
}

/** The scenario under each strategy; the workload is identical across them (same seed). */
const variants = (scenario: Scenario) =>
  STRATEGIES.map((strategy) => ({ strategy, scenario: { ...scenario, strategy } }));

/**
 * The same scenario under every strategy, through the app's one run door
 * (`runScenario`, budgeted), at once: what tests and small steps use.
 */
export function scoreboard(scenario: Scenario): ScoreRow[] {
  return variants(scenario).map((v) => row(v.strategy, runScenario(v.scenario)));
}

/**
 * The scoreboard for the page: small runs through `runScenario` as the app
 * store runs them, a big one in the run worker (`runInBackground`) so the page
 * never blocks; where there is no worker it runs here after all.
 */
export function scoreboardInBackground(scenario: Scenario): Promise<ScoreRow[]> {
  return Promise.all(
    variants(scenario).map(async (v) => {
      const remote = isHeavy(v.scenario) ? runInBackground(v.scenario) : null;
      const run = remote === null ? runScenario(v.scenario) : await remote;
      return row(v.strategy, run);
    }),
  );
}
