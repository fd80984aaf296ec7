import { withCauses } from "../check/cause";
import { ANOMALY_KINDS, check, countByKind } from "../check/index";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportRun,
  isExportFormat,
  toEventsJsonl,
} from "../export/index";
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
  "usage: npm run -s sim -- <scenario.json | link | --preset NAME> [--strategy S] [--seed N] [--json] [--url] [--compare S1,S2,...] [--events] [--export FORMAT]";

/** What --help says beyond the usage line. */
const OPTIONS = [
  "  --json      the run's identity, final state and report as one JSON object",
  "  --url       a share link that replays the scenario",
  "  --compare   a table of anomalies per strategy (with --json, one object)",
  "  --events    the run's trace as JSON Lines: one event per line, in trace order",
  `  --export    the run as a file for other tools, to stdout: ${EXPORT_FORMATS.join(", ")}`,
  "              (chrome-trace opens in ui.perfetto.dev and chrome://tracing; jsonl is --events; csv has a header row)",
].join("\n");

interface Options {
  source: string | null;
  preset: string | null;
  strategy: Strategy | null;
  seed: number | null;
  json: boolean;
  url: boolean;
  compare: Strategy[] | null;
  events: boolean;
  export: ExportFormat | null;
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
    events: false,
    export: null,
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
    else if (arg === "--events") o.events = true;
    else if (arg === "--preset") o.preset = value();
    else if (arg === "--export") {
      const v = value();
      if (!isExportFormat(v))
        throw new UsageError(
          `unknown export format "${v}"; choose one of ${EXPORT_FORMATS.join(", ")}`,
        );
      o.export = v;
    } else if (arg === "--strategy") o.strategy = parseStrategy(value());
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
  if (o.events && (o.url || o.compare !== null))
    throw new UsageError("--events prints one run's trace; leave out --url and --compare");
  if (o.export !== null && (o.url || o.compare !== null || o.events || o.json))
    throw new UsageError(
      "--export writes one run's file; leave out --url, --compare, --events and --json",
    );
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
    // Each with `cause`: the chain of events from the root fault(s) to it, root first.
    anomalies: withCauses(trace, report),
    offline: report.offline,
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
  for (const p of r.offline) lines.push(`  offline: ${p.explanation}`);
  return `${lines.join("\n")}\n`;
}

function compareTable(rows: Array<ReturnType<typeof runOne>>): string {
  const width = Math.max(10, ...rows.map((r) => r.strategy.length));
  const cell = Math.max(...ANOMALY_KINDS.map((k) => k.length)) + 2;
  const head = `${"strategy".padEnd(width)}${ANOMALY_KINDS.map((k) => k.padStart(cell)).join("")}`;
  const body = rows.map((r) => {
    const c = countByKind(r.anomalies);
    return `${r.strategy.padEnd(width)}${ANOMALY_KINDS.map((k) => String(c[k]).padStart(cell)).join("")}`;
  });
  return `${[head, ...body].join("\n")}\n`;
}

/**
 * The trace as JSON Lines (`--events`, and `--export jsonl`). It reads the
 * columns one event at a time, so a long run never holds every event object
 * at once (only the lines).
 */
export const traceLines = toEventsJsonl;

/** The whole command line as a function, so tests run it without spawning a process. */
export function runCli(argv: string[], read: Reader): CliResult {
  if (argv.includes("--help") || argv.includes("-h")) {
    return {
      code: 0,
      stdout: `${USAGE}\n${OPTIONS}\npresets: ${PRESET_NAMES.join(", ")}\n`,
      stderr: "",
    };
  }
  try {
    const o = parseArgs(argv);
    let s = loadScenario(o, read);
    if (o.strategy !== null) s = { ...s, strategy: o.strategy };
    if (o.seed !== null) s = { ...s, seed: o.seed };
    if (o.url) return { code: 0, stdout: `${encodeLink(s)}\n`, stderr: "" };
    if (o.events) return { code: 0, stdout: traceLines(simulate(s)), stderr: "" };
    if (o.export !== null) {
      const trace = simulate(s);
      const report = o.export === "chrome-trace" ? check(trace) : null;
      return { code: 0, stdout: exportRun(o.export, trace, report), stderr: "" };
    }
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
