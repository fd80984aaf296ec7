/**
 * Golden runs: every preset under every strategy, and every frozen link of an
 * older schema, reduced to its trace hash and event count under the current
 * model version. The checked-in table (`src/sim/golden.json`) is the promise
 * that a link made today replays identically tomorrow: any engine change that
 * moves one of these runs fails a test until someone decides it was meant,
 * bumps MODEL_VERSION with an entry in docs/model-changes.md, and regenerates.
 * It lives in src/url because replaying the frozen links needs the restore
 * path; `npm run -s golden` (src/cli/golden.ts) and src/url/golden.test.ts
 * both read it.
 */
import { MODEL_VERSION } from "../sim/model";
import { PRESETS } from "../sim/presets";
import { simulate } from "../sim/simulate";
import { STRATEGIES, type Strategy } from "../sim/types";
import v1Links from "./fixtures/v1-links.json";
import { decodeLink } from "./link";
import { scenarioInView } from "./view";

export interface GoldenRun {
  traceHash: string;
  events: number;
}

/** Preset name → strategy → run. Key order is fixed so the JSON diffs cleanly. */
export type GoldenPresets = Record<string, Record<Strategy, GoldenRun>>;

export interface GoldenTable {
  /** The model version the runs were made under. */
  model: number;
  presets: GoldenPresets;
  /** Each frozen link fixture (by name), replayed under this model. */
  links: Record<string, GoldenRun>;
}

export const GOLDEN_PATH = "src/sim/golden.json";

export const GOLDEN_CHANGED =
  "the engine's runs changed: if intended, bump MODEL_VERSION (src/sim/model.ts), say what changed in docs/model-changes.md, and regenerate with npm run -s golden";

function runOf(trace: { traceHash: string; events: unknown[] }): GoldenRun {
  return { traceHash: trace.traceHash, events: trace.events.length };
}

export function goldenRuns(): GoldenTable {
  const presets: GoldenPresets = {};
  for (const preset of PRESETS) {
    const row = {} as Record<Strategy, GoldenRun>;
    for (const strategy of STRATEGIES)
      row[strategy] = runOf(simulate({ ...preset.scenario, strategy }));
    presets[preset.name] = row;
  }
  const links: Record<string, GoldenRun> = {};
  for (const fixture of v1Links) {
    const decoded = decodeLink(fixture.link);
    if (!decoded.ok) throw new Error(`frozen link "${fixture.name}": ${decoded.error.message}`);
    links[fixture.name] = runOf(simulate(scenarioInView(decoded.scenario, decoded.view)));
  }
  return { model: MODEL_VERSION, presets, links };
}

/** One line per run that differs, added or disappeared; empty when the tables agree. */
export function goldenDiff(expected: GoldenTable, actual: GoldenTable): string[] {
  const lines: string[] = [];
  if (expected.model !== actual.model)
    lines.push(
      `model version: the table was made under model ${expected.model}, the engine is model ${actual.model}`,
    );
  const names = new Set([...Object.keys(expected.presets ?? {}), ...Object.keys(actual.presets)]);
  for (const name of names) {
    for (const strategy of STRATEGIES) {
      diffRun(
        lines,
        `${name} × ${strategy}`,
        expected.presets?.[name]?.[strategy],
        actual.presets[name]?.[strategy],
      );
    }
  }
  const links = new Set([...Object.keys(expected.links ?? {}), ...Object.keys(actual.links)]);
  for (const name of links)
    diffRun(lines, `link "${name}"`, expected.links?.[name], actual.links[name]);
  return lines;
}

function diffRun(
  lines: string[],
  what: string,
  want: GoldenRun | undefined,
  got: GoldenRun | undefined,
): void {
  if (want === undefined && got !== undefined) lines.push(`${what}: new run`);
  else if (got === undefined && want !== undefined) lines.push(`${what}: no longer exists`);
  else if (want !== undefined && got !== undefined && !sameRun(want, got))
    lines.push(
      `${what}: ${want.traceHash} (${want.events} events) → ${got.traceHash} (${got.events} events)`,
    );
}

function sameRun(a: GoldenRun, b: GoldenRun): boolean {
  return a.traceHash === b.traceHash && a.events === b.events;
}
