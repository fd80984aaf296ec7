import { PRESET_NAMES } from "../sim/presets";
import type { Scenario } from "../sim/types";
import {
  CHECK_SEEDS,
  type Exercise,
  fail,
  pass,
  type Run,
  type Runner,
  runSeed,
  type Spec,
  type Steps,
  startName,
  type Verdict,
} from "./exercise-parts";
import { NETWORK_WHY, SEED_WHY, SPECS } from "./exercise-specs";
import { type Change, pathAllowed, scenarioChanges, scheduleDiff } from "./scenario-diff";

export {
  CHECK_SEEDS,
  type Exercise,
  type Run,
  type Runner,
  runSeed,
  type Verdict,
} from "./exercise-parts";

/** The scenario came from somewhere else than this exercise's start: say where. */
function provenanceProblem(s: Scenario, start: Scenario): string | null {
  if (s.name === start.name) return null;
  const other = SPECS.findIndex((x) => startName(x.id) === s.name);
  if (other >= 0)
    return `This is the start of exercise ${other + 1} (“${SPECS[other].title}”), not your change to this exercise: press Start on this exercise and change its scenario.`;
  if (s.name !== undefined && PRESET_NAMES.includes(s.name))
    return `This is the “${s.name}” preset from the Scenario menu, not this exercise's scenario: press Start on the exercise and make the change yourself.`;
  return `This scenario (“${s.name ?? "unnamed"}”) did not start from this exercise: press Start on the exercise and change its scenario.`;
}

function whyNot(spec: Spec, c: Change, start: Scenario): string {
  const own = Object.entries(spec.whyNot ?? {}).find(([p]) => pathAllowed(c.path, [p]));
  if (own !== undefined) return own[1];
  if (c.path === "seed") return SEED_WHY(start);
  if (c.path.startsWith("network")) return NETWORK_WHY;
  return "Put it back (or press Start again).";
}

function tooMuch(spec: Spec, others: Change[], start: Scenario): string {
  const shown = others.slice(0, 3).map((c) => c.text);
  const more = others.length > 3 ? ` and ${others.length - 3} more` : "";
  return `${spec.mayChange} You also changed ${shown.join("; ")}${more}. ${whyNot(spec, others[0], start)}`;
}

function* steps(spec: Spec, s: Scenario): Steps<Verdict> {
  const start = spec.start();
  const provenance = provenanceProblem(s, start);
  if (provenance !== null) return fail(provenance);
  const changes = scenarioChanges(start, s);
  const scheduleChange = changes.find((c) => c.path === "schedule");
  const others = changes.filter(
    (c) =>
      (c.path === "schedule" && spec.schedule === undefined) ||
      (c.path !== "schedule" && !pathAllowed(c.path, spec.fields)),
  );
  if (others.length > 0) return fail(tooMuch(spec, others, start));
  if (scheduleChange !== undefined && spec.schedule !== undefined) {
    const problem = spec.schedule(scheduleDiff(start.schedule, s.schedule));
    if (problem !== null) return fail(problem);
  }
  if (changes.length === 0) return fail(`Nothing has changed yet. ${spec.mayChange}`);
  const pre = spec.precheck?.(s);
  if (pre !== undefined && pre !== null) return fail(pre);
  const seeds = Array.from({ length: CHECK_SEEDS }, (_, i) => (s.seed + i) >>> 0);
  const verdicts: Verdict[] = [];
  for (const seed of seeds) {
    const v = spec.judge(yield { ...s, seed }, s, start);
    verdicts.push(v);
    if (!v.ok) break;
  }
  const last = verdicts[verdicts.length - 1];
  if (!last.ok) {
    if (verdicts.length === 1) return last;
    return fail(
      `It works on seed ${s.seed} but not on seed ${seeds[verdicts.length - 1]}: ${last.reason} The lesson must hold whatever the network's luck.`,
    );
  }
  const note = spec.note === undefined ? "" : yield* spec.note(s, start);
  return pass(
    `${verdicts[0].reason}${note} (Checked on seeds ${seeds[0]}–${seeds[seeds.length - 1]}.)`,
  );
}

function verifyHere(spec: Spec, s: Scenario): Verdict {
  const it = steps(spec, s);
  let next = it.next();
  while (!next.done) next = it.next(runSeed(next.value, next.value.seed));
  return next.value;
}

/** Why a run cut short cannot be judged. */
export const TOO_BIG =
  "This scenario is too big to check: its run was cut short by the page's time budget, and an exercise's answer is a small change to its start.";

async function verifyRemote(spec: Spec, s: Scenario, run: Runner): Promise<Verdict> {
  const it = steps(spec, s);
  let next = it.next();
  while (!next.done) {
    let r: Run;
    try {
      r = await run(next.value);
    } catch (e) {
      return fail(`The check could not run: ${e instanceof Error ? e.message : String(e)}.`);
    }
    if (r.trace.capped?.cap === "budget") return fail(TOO_BIG);
    next = it.next(r);
  }
  return next.value;
}

export const EXERCISES: readonly Exercise[] = SPECS.map((spec, i) => ({
  id: spec.id,
  number: i + 1,
  title: spec.title,
  goal: spec.goal,
  mayChange: spec.mayChange,
  hint: spec.hint,
  teaches: spec.teaches,
  start: spec.start,
  solution: () => spec.solution(spec.start()),
  verify: (s: Scenario) => verifyHere(spec, s),
  verifyWith: (s: Scenario, run: Runner) => verifyRemote(spec, s, run),
}));

export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}
