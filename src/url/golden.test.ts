/**
 * The promise behind every shared link: the engine replays today's runs
 * exactly. A failure here means the engine changed what a preset or a frozen
 * link does; read the message before regenerating anything.
 */
import { describe, expect, it } from "vitest";
import golden from "../sim/golden.json";
import { MODEL_VERSION } from "../sim/model";
import { PRESET_NAMES } from "../sim/presets";
import { STRATEGIES } from "../sim/types";
import v1Links from "./fixtures/v1-links.json";
import { GOLDEN_CHANGED, type GoldenTable, goldenDiff, goldenRuns } from "./golden-runs";
import { decodeLink } from "./link";

describe("golden runs", () => {
  const table = golden as GoldenTable;

  it("covers every preset under every strategy, and every frozen link, under the current model", () => {
    expect(table.model).toBe(MODEL_VERSION);
    expect(Object.keys(table.presets).sort()).toEqual([...PRESET_NAMES].sort());
    for (const row of Object.values(table.presets))
      expect(Object.keys(row)).toEqual([...STRATEGIES]);
    expect(Object.keys(table.links).sort()).toEqual(v1Links.map((f) => f.name).sort());
  });

  it("replays every preset under every strategy, and every frozen link, to its checked-in trace hash", () => {
    const diff = goldenDiff(table, goldenRuns());
    expect(diff, `${GOLDEN_CHANGED}\n${diff.join("\n")}`).toEqual([]);
  });

  it.each(v1Links.map((f) => [f.name, f] as const))(
    "the frozen v1 link still decodes to its scenario: %s",
    (_name, fixture) => {
      const decoded = decodeLink(fixture.link);
      if (!decoded.ok) throw new Error(decoded.error.message);
      expect(decoded.scenario).toEqual(fixture.scenario);
    },
  );
});
