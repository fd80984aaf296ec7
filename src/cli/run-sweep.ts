import { ANOMALY_KINDS } from "../check/index";
import { PRESET_NAMES } from "../sim/presets";
import { STRATEGIES, type Strategy } from "../sim/types";
import { parseValues, SWEEP_PARAMS, type SweepParam } from "../workshop/params";
import {
  MAX_SEEDS,
  type SweepPoint,
  type SweepSpec,
  specProblem,
  sweepPoints,
} from "../workshop/sweep";
import type { CliResult } from "./run-cli";
import { loadScenario, UsageError } from "./scenario-source";

export const SWEEP_USAGE =
  "usage: npm run -s sweep -- <--preset NAME | scenario.json | link> --param P --values V1,V2,... [--seeds 100] [--strategies dual-write,log] [--seed N] [--count any|confirmed] [--json]";

interface Options {
  preset: string | null;
  source: string | null;
  param: SweepParam | null;
  values: string | null;
  seeds: number;
  seed: number | null;
  strategies: Strategy[];
  /** `any`: a run counts when it shows the kind at all, healed too; `confirmed`: only one that did not heal. */
  count: "any" | "confirmed";
  json: boolean;
}

function wholeNumber(flag: string, v: string, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > max)
    throw new UsageError(`${flag} must be a whole number up to ${max}, not "${v}"`);
  return n;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    preset: null,
    source: null,
    param: null,
    values: null,
    seeds: 100,
    seed: null,
    strategies: ["dual-write", "log"],
    count: "any",
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--json") o.json = true;
    else if (arg === "--count") {
      const c = value();
      if (c !== "any" && c !== "confirmed")
        throw new UsageError(`--count must be any or confirmed, not "${c}"`);
      o.count = c;
    } else if (arg === "--preset") o.preset = value();
    else if (arg === "--param") {
      const p = value();
      if (!(SWEEP_PARAMS as readonly string[]).includes(p))
        throw new UsageError(`unknown --param "${p}"; choose one of ${SWEEP_PARAMS.join(", ")}`);
      o.param = p as SweepParam;
    } else if (arg === "--values") o.values = value();
    else if (arg === "--seeds") o.seeds = wholeNumber(arg, value(), MAX_SEEDS);
    else if (arg === "--seed") o.seed = wholeNumber(arg, value(), 2 ** 32 - 1);
    else if (arg === "--strategies") {
      o.strategies = value()
        .split(",")
        .map((s) => {
          if (!(STRATEGIES as readonly string[]).includes(s))
            throw new UsageError(`unknown strategy "${s}"; choose from ${STRATEGIES.join(", ")}`);
          return s as Strategy;
        });
    } else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else if (o.source === null) o.source = arg;
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  if ((o.preset === null) === (o.source === null))
    throw new UsageError("give one scenario: --preset NAME, a scenario file or a link");
  if (o.param === null) throw new UsageError("--param is required");
  if (o.values === null) throw new UsageError("--values is required");
  return o;
}

const pct = (x: number): string => `${Math.round(x * 100)}`;

/** "12% [7–20]": the share of runs and its 95% interval, in percent. */
export function shareCell(
  point: SweepPoint,
  kind: (typeof ANOMALY_KINDS)[number],
  count: Options["count"] = "any",
): string {
  const k = count === "any" ? point.counts[kind] : point.confirmed[kind];
  const [lo, hi] = count === "any" ? point.intervals[kind] : point.confirmedIntervals[kind];
  return `${pct(k / Math.max(1, point.n))}% [${pct(lo)}–${pct(hi)}]`;
}

function table(spec: SweepSpec, points: SweepPoint[], count: Options["count"]): string {
  const head = [spec.param, "strategy", "n", ...ANOMALY_KINDS];
  const rows = points.map((p) => [
    String(p.value),
    p.strategy,
    String(p.n),
    ...ANOMALY_KINDS.map((k) => shareCell(p, k, count)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const counted =
    count === "any"
      ? "healed ones included (--count confirmed for only those that did not heal)"
      : "only those that did not heal (confirmed)";
  const title = `${spec.scenario.name ?? "scenario"}: share of runs showing each anomaly, ${counted}; 95% Wilson intervals; ${spec.seeds} seeds from ${spec.scenario.seed}`;
  return `${[title, line(head), ...rows.map(line)].join("\n")}\n`;
}

/** The whole sweep command as a function, so tests run it without spawning a process. */
export function runSweepCli(argv: string[], read: (path: string) => string): CliResult {
  if (argv.includes("--help") || argv.includes("-h"))
    return {
      code: 0,
      stdout: `${SWEEP_USAGE}\nparams: ${SWEEP_PARAMS.join(", ")}\npresets: ${PRESET_NAMES.join(", ")}\n`,
      stderr: "",
    };
  try {
    const o = parseArgs(argv);
    const base = loadScenario(o, read);
    const param = o.param as SweepParam;
    const values = parseValues(param, o.values ?? "");
    if (!Array.isArray(values)) throw new UsageError(values.error);
    const spec: SweepSpec = {
      scenario: o.seed === null ? base : { ...base, seed: o.seed },
      strategies: o.strategies,
      param,
      values,
      seeds: o.seeds,
    };
    const problem = specProblem(spec);
    if (problem !== null) throw new UsageError(problem);
    const points = sweepPoints(spec);
    if (!o.json) return { code: 0, stdout: table(spec, points, o.count), stderr: "" };
    const out = {
      param,
      values,
      strategies: spec.strategies,
      seeds: spec.seeds,
      seed: spec.scenario.seed,
      points,
    };
    return { code: 0, stdout: `${JSON.stringify(out)}\n`, stderr: "" };
  } catch (e) {
    if (e instanceof UsageError)
      return { code: 2, stdout: "", stderr: `sweep: ${e.message} (try --help)\n` };
    throw e;
  }
}
