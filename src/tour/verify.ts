import { check } from "../check";
import type { AnomalyKind, Report } from "../check/types";
import { simulate } from "../sim/simulate";
import type { Trace } from "../sim/types";
import { playTarget } from "./play-target";
import { traceFacts } from "./trace-facts";
import type { Expectation, TourStep, TraceFact } from "./types";

export interface StepRun {
  trace: Trace;
  report: Report;
  /** Where the step's play stops, simulated ms. */
  target: number;
}

export function runStep(step: TourStep): StepRun {
  const trace = simulate(step.scenario);
  const report = check(trace);
  return { trace, report, target: playTarget(step, trace, report) };
}

function meets(count: number, want: Expectation): boolean {
  if (want === "some") return count > 0;
  if (want === "none") return count === 0;
  return count === want;
}

/**
 * What is wrong with a step's promises, in sentences; empty when it keeps them.
 * A count or "some" is judged at the end of the play range, what the audience
 * sees when playback halts. "none" is judged over the whole run, so a step that
 * promises no anomaly cannot hide one just past where it stops.
 */
export function stepProblems(step: TourStep, run: StepRun = runStep(step)): string[] {
  const problems: string[] = [];
  const { report, target, trace } = run;
  for (const [kind, want] of Object.entries(step.expects) as [AnomalyKind, Expectation][]) {
    const all = report.anomalies.filter((a) => a.kind === kind);
    const shown = all.filter((a) => a.detectedAt <= target).length;
    const count = want === "none" ? all.length : shown;
    if (!meets(count, want))
      problems.push(`${step.id}: ${kind} expected ${want}, found ${count} (by ${target} ms)`);
  }
  const facts = traceFacts(trace, target);
  for (const [fact, want] of Object.entries(step.shows ?? {}) as [TraceFact, Expectation][]) {
    if (!meets(facts[fact], want))
      problems.push(`${step.id}: ${fact} expected ${want}, found ${facts[fact]}`);
  }
  if (trace.capped !== null) problems.push(`${step.id}: the run hit the ${trace.capped.cap} cap`);
  return problems;
}
