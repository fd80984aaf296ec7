/**
 * The promise behind every shared link: the engine replays today's runs
 * exactly. A failure here means the engine changed what a preset or a frozen
 * link does; read the message before regenerating anything.
 */
import { describe, expect, it } from "vitest";
import { GOLDEN_CHANGED, type GoldenTable, goldenDiff, goldenRuns } from "../cli/golden-runs";
import golden from "../sim/golden.json";
import { PRESET_NAMES } from "../sim/presets";
import { simulate } from "../sim/simulate";
import { STRATEGIES } from "../sim/types";
import v1Links from "./fixtures/v1-links.json";
import { decodeLink } from "./link";
import { scenarioInView } from "./view";

describe("golden runs", () => {
  it("covers every preset under every strategy", () => {
    expect(Object.keys(golden).sort()).toEqual([...PRESET_NAMES].sort());
    for (const row of Object.values(golden)) expect(Object.keys(row)).toEqual([...STRATEGIES]);
  });

  it("replays every preset under every strategy to its checked-in trace hash", () => {
    const diff = goldenDiff(golden as GoldenTable, goldenRuns());
    expect(diff, `${GOLDEN_CHANGED}\n${diff.join("\n")}`).toEqual([]);
  });

  it.each(v1Links.map((f) => [f.name, f] as const))(
    "replays the frozen v1 link to its recorded trace hash: %s",
    (_name, fixture) => {
      const decoded = decodeLink(fixture.link);
      if (!decoded.ok) throw new Error(decoded.error.message);
      const trace = simulate(scenarioInView(decoded.scenario, decoded.view));
      expect(
        { traceHash: trace.traceHash, events: trace.events.length },
        `the v1 link "${fixture.name}" no longer replays as it did: ${GOLDEN_CHANGED}`,
      ).toEqual({ traceHash: fixture.traceHash, events: fixture.events });
    },
  );
});
