import { encodeLink } from "../url/index";
import { EXERCISES, type Exercise, exerciseById } from "../workshop/exercises";
import type { CliResult } from "./run-cli";
import { loadScenario, type Reader, UsageError } from "./scenario-source";

export const EXERCISE_USAGE = [
  "usage: npm run -s exercise -- list [--json]",
  "       npm run -s exercise -- start <id> [--url]",
  "       npm run -s exercise -- solution <id> [--url]",
  "       npm run -s exercise -- check <id> <scenario.json | link> [--json]",
].join("\n");

const HELP = [
  "  list       the exercises, numbered as the app numbers them",
  "  start      the exercise's starting scenario as JSON (--url: a link that opens it as the exercise)",
  "  solution   a reference solution, for the facilitator (--url: its link)",
  "  check      the same check as the page's Check button; exit code 0 when it passes, 1 when not",
  '             --json prints { "pass": bool, "reason": "…" }',
].join("\n");

function exercise(id: string | undefined): Exercise {
  if (id === undefined) throw new UsageError("give an exercise id (npm run -s exercise -- list)");
  const e = exerciseById(id);
  if (e === undefined)
    throw new UsageError(
      `unknown exercise "${id}"; choose one of ${EXERCISES.map((x) => x.id).join(", ")}`,
    );
  return e;
}

const ok = (stdout: string, code = 0): CliResult => ({ code, stdout, stderr: "" });

function run(argv: string[], read: Reader): CliResult {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const args = argv.filter((a) => !a.startsWith("--"));
  for (const f of flags)
    if (!["--json", "--url", "--help"].includes(f)) throw new UsageError(`unknown option ${f}`);
  const [command, id, source, ...rest] = args;
  if (flags.has("--help") || command === "help") return ok(`${EXERCISE_USAGE}\n${HELP}\n`);
  switch (command) {
    case "list": {
      if (id !== undefined) throw new UsageError(`unexpected argument "${id}"`);
      if (flags.has("--json"))
        return ok(
          `${JSON.stringify(EXERCISES.map((e) => ({ number: e.number, id: e.id, title: e.title })))}\n`,
        );
      return ok(EXERCISES.map((e) => `${e.number}. ${e.id}: ${e.title}\n`).join(""));
    }
    case "start":
    case "solution": {
      if (source !== undefined) throw new UsageError(`unexpected argument "${source}"`);
      const e = exercise(id);
      const s = command === "start" ? e.start() : e.solution();
      if (flags.has("--url")) return ok(`${encodeLink(s, { exercise: e.id })}\n`);
      return ok(`${JSON.stringify(s, null, 2)}\n`);
    }
    case "check": {
      const e = exercise(id);
      if (source === undefined) throw new UsageError("give a scenario file or a link to check");
      if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
      const scenario = loadScenario({ preset: null, source }, read);
      const verdict = e.verify(scenario);
      const code = verdict.ok ? 0 : 1;
      if (flags.has("--json"))
        return ok(`${JSON.stringify({ pass: verdict.ok, reason: verdict.reason })}\n`, code);
      return ok(`${verdict.ok ? "pass" : "not yet"}: ${verdict.reason}\n`, code);
    }
    default:
      throw new UsageError(
        command === undefined
          ? "give a command: list, start, solution or check"
          : `unknown command "${command}"`,
      );
  }
}

/** `npm run -s exercise -- …`: never throws; a bad command line is exit code 2 with one line on stderr. */
export function runExerciseCli(argv: string[], read: Reader): CliResult {
  try {
    return run(argv, read);
  } catch (e) {
    if (e instanceof UsageError)
      return { code: 2, stdout: "", stderr: `${e.message}\n${EXERCISE_USAGE}\n` };
    throw e;
  }
}
