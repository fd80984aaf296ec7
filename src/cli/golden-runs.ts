/**
 * Golden runs: every preset under every strategy, reduced to its trace hash
 * and event count. The checked-in table (`src/sim/golden.json`) is the
 * promise that a link made today replays identically tomorrow: any engine
 * change that moves one of these runs fails a test until someone decides it
 * was meant, bumps the schema or engine version, and regenerates.
 */
import { PRESETS } from "../sim/presets";
import { simulate } from "../sim/simulate";
import { STRATEGIES, type Strategy } from "../sim/types";

export interface GoldenRun {
  traceHash: string;
  events: number;
}

/** Preset name → strategy → run. Key order is fixed so the JSON diffs cleanly. */
export type GoldenTable = Record<string, Record<Strategy, GoldenRun>>;

export const GOLDEN_PATH = "src/sim/golden.json";

export const GOLDEN_CHANGED =
  "the engine's runs changed: if intended, bump the engine version/schema, add a migration, and regenerate with npm run -s golden";

export function goldenRuns(): GoldenTable {
  const table: GoldenTable = {};
  for (const preset of PRESETS) {
    const row = {} as Record<Strategy, GoldenRun>;
    for (const strategy of STRATEGIES) {
      const trace = simulate({ ...preset.scenario, strategy });
      row[strategy] = { traceHash: trace.traceHash, events: trace.events.length };
    }
    table[preset.name] = row;
  }
  return table;
}

/** One line per run that differs, added or disappeared; empty when the tables agree. */
export function goldenDiff(expected: GoldenTable, actual: GoldenTable): string[] {
  const lines: string[] = [];
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const name of names) {
    for (const strategy of STRATEGIES) {
      const want = expected[name]?.[strategy];
      const got = actual[name]?.[strategy];
      if (want === undefined && got !== undefined) lines.push(`${name} × ${strategy}: new run`);
      else if (got === undefined && want !== undefined)
        lines.push(`${name} × ${strategy}: no longer exists`);
      else if (want !== undefined && got !== undefined && !sameRun(want, got))
        lines.push(
          `${name} × ${strategy}: ${want.traceHash} (${want.events} events) → ${got.traceHash} (${got.events} events)`,
        );
    }
  }
  return lines;
}

function sameRun(a: GoldenRun, b: GoldenRun): boolean {
  return a.traceHash === b.traceHash && a.events === b.events;
}
