import { ANOMALY_KINDS, check, countByKind } from "../check/index";
import { PRESET_NAMES } from "../sim/presets";
import { simulate } from "../sim/simulate";
import { type Scenario, STRATEGIES, type Strategy } from "../sim/types";
import { encodeLink } from "../url/index";
import { loadScenario, type Reader, UsageError } from "./scenario-source";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const USAGE =
  "usage: npm run -s sim -- <scenario.json | link | --preset NAME> [--strategy S] [--seed N] [--json] [--url] [--compare S1,S2,...]";

interface Options {
  source: string | null;
  preset: string | null;
  strategy: Strategy | null;
  seed: number | null;
  json: boolean;
  url: boolean;
  compare: Strategy[] | null;
}

function parseStrategy(s: string): Strategy {
  if (!(STRATEGIES as readonly string[]).includes(s)) {
    throw new UsageError(`unknown strategy "${s}"; choose one of ${STRATEGIES.join(", ")}`);
  }
  return s as Strategy;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    source: null,
    preset: null,
    strategy: null,
    seed: null,
    json: false,
    url: false,
    compare: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--json") o.json = true;
    else if (arg === "--url") o.url = true;
    else if (arg === "--preset") o.preset = value();
    else if (arg === "--strategy") o.strategy = parseStrategy(value());
    else if (arg === "--seed") {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n > 2 ** 32 - 1) {
        throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not "${v}"`);
      }
      o.seed = n;
    } else if (arg === "--compare") o.compare = value().split(",").map(parseStrategy);
    else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else if (o.source === null) o.source = arg;
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  if (o.preset !== null && o.source !== null)
    throw new UsageError("give either a scenario or --preset, not both");
  if (o.preset === null && o.source === null)
    throw new UsageError("no scenario: give a file, a link or --preset NAME");
  return o;
}

function runOne(s: Scenario) {
  const trace = simulate(s);
  const report = check(trace);
  return {
    traceHash: trace.traceHash,
    strategy: s.strategy,
    seed: s.seed,
    name: s.name ?? null,
    events: trace.events.length,
    quiescedAt: trace.quiescedAt,
    capped: trace.capped,
    final: trace.final,
    anomalies: report.anomalies,
    metrics: report.metrics,
  };
}

function summary(r: ReturnType<typeof runOne>): string {
  const counts = countByKind(r.anomalies);
  const lines = [
    `${r.name ?? "scenario"} · ${r.strategy} · seed ${r.seed}`,
    `  events ${r.events}, ${r.quiescedAt === null ? `not quiescent (capped: ${r.capped?.cap})` : `quiescent at ${r.quiescedAt} ms`}`,
    `  trace hash ${r.traceHash}`,
    `  anomalies: ${
      r.anomalies.length === 0
        ? "none"
        : ANOMALY_KINDS.filter((k) => counts[k] > 0)
            .map((k) => `${k} ${counts[k]}`)
            .join(", ")
    }`,
  ];
  for (const a of r.anomalies)
    lines.push(`    [${a.kind}, ${a.state}, t=${a.detectedAt}] ${a.explanation}`);
  return `${lines.join("\n")}\n`;
}

function compareTable(rows: Array<ReturnType<typeof runOne>>): string {
  const width = Math.max(10, ...rows.map((r) => r.strategy.length));
  const head = `${"strategy".padEnd(width)} ${ANOMALY_KINDS.map((k) => k.padStart(12)).join("")}`;
  const body = rows.map((r) => {
    const c = countByKind(r.anomalies);
    return `${r.strategy.padEnd(width)} ${ANOMALY_KINDS.map((k) => String(c[k]).padStart(12)).join("")}`;
  });
  return `${[head, ...body].join("\n")}\n`;
}

/** The whole command line as a function, so tests run it without spawning a process. */
export function runCli(argv: string[], read: Reader): CliResult {
  if (argv.includes("--help") || argv.includes("-h")) {
    return { code: 0, stdout: `${USAGE}\npresets: ${PRESET_NAMES.join(", ")}\n`, stderr: "" };
  }
  try {
    const o = parseArgs(argv);
    let s = loadScenario(o, read);
    if (o.strategy !== null) s = { ...s, strategy: o.strategy };
    if (o.seed !== null) s = { ...s, seed: o.seed };
    if (o.url) return { code: 0, stdout: `${encodeLink(s)}\n`, stderr: "" };
    if (o.compare !== null) {
      const rows = o.compare.map((strategy) => runOne({ ...s, strategy }));
      if (!o.json) return { code: 0, stdout: compareTable(rows), stderr: "" };
      const out = Object.fromEntries(
        rows.map((r) => [
          r.strategy,
          {
            traceHash: r.traceHash,
            events: r.events,
            counts: countByKind(r.anomalies),
            anomalies: r.anomalies,
          },
        ]),
      );
      return { code: 0, stdout: `${JSON.stringify(out)}\n`, stderr: "" };
    }
    const r = runOne(s);
    return { code: 0, stdout: o.json ? `${JSON.stringify(r)}\n` : summary(r), stderr: "" };
  } catch (e) {
    if (e instanceof UsageError)
      return { code: 2, stdout: "", stderr: `sim: ${e.message} (try --help)\n` };
    throw e;
  }
}
