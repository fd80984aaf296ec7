import type { Scenario } from "../sim/types";
import { isHeavy, type Run, runScenario } from "./run";
import { runInBackground } from "./run-remote";

const always = () => true;

/**
 * The one door every run the page starts goes through: a small scenario runs
 * here at once (a few milliseconds, under `runScenario`'s wall-clock budget);
 * a heavy one (`isHeavy`) runs in the run worker, under the same budget there,
 * and only falls back to this thread when there is no worker or it failed.
 * The app's own run, compare mode's other strategy, the tour's scoreboard and
 * exercise verification all come through here, so none can block the page on
 * a big link.
 */
export function openRun(
  scenario: Scenario,
  stillWanted: () => boolean = always,
): Run | Promise<Run> {
  const background = isHeavy(scenario) ? runInBackground(scenario) : null;
  if (background === null) return runScenario(scenario);
  return background.catch((err: unknown) => {
    // Falling back blocks this thread for a while: only for a run someone still waits for.
    if (!stillWanted()) throw err;
    return runScenario(scenario);
  });
}

/** `openRun`, always as a promise (for callers that wait anyway). */
export function runLater(scenario: Scenario, stillWanted?: () => boolean): Promise<Run> {
  return Promise.resolve(openRun(scenario, stillWanted));
}
