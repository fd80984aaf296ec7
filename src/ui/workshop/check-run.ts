/**
 * Exercise checks on the page go through the app's run door: the run worker
 * when there is one, else `runScenario` with its time budget. A scenario too
 * big for the budget comes back cut short and the check says so, instead of
 * simulating it to the end on the main thread.
 */
import { type Run as AppRun, runScenario } from "../../app/run";
import { runInBackground } from "../../app/run-remote";
import type { Scenario } from "../../sim/types";
import type { Run, Runner } from "../../workshop/exercises";

async function appRun(s: Scenario): Promise<AppRun> {
  const remote = runInBackground(s);
  if (remote === null) return runScenario(s);
  try {
    return await remote;
  } catch {
    // The worker failed (it is restarted on next use); the budget still holds here.
    return runScenario(s);
  }
}

export const checkRun: Runner = async (s): Promise<Run> => {
  const r = await appRun(s);
  if (r.checkError !== null) throw new Error(`the checker failed on this run: ${r.checkError}`);
  return { seed: s.seed, trace: r.trace, anomalies: r.report?.anomalies ?? [] };
};
