import { describe, expect, it } from "vitest";
import { PRESETS } from "../sim/presets";
import { simulate } from "../sim/simulate";
import { decodeLink, encodeLink } from "./link";
import { restoreScenario } from "./restore";

describe("the engine's presets pass through the door unchanged", () => {
  it.each(PRESETS.map((p) => [p.name, p] as const))(
    "preset %s restores as it is",
    (_name, preset) => {
      expect(restoreScenario(preset.scenario)).toEqual({ ok: true, scenario: preset.scenario });
    },
  );

  it.each(PRESETS.map((p) => [p.name, p] as const))(
    "preset %s replays from its link with the same traceHash",
    (_name, preset) => {
      const decoded = decodeLink(encodeLink(preset.scenario));
      expect(decoded.ok && decoded.scenario).toEqual(preset.scenario);
      if (decoded.ok)
        expect(simulate(decoded.scenario).traceHash).toBe(simulate(preset.scenario).traceHash);
    },
  );
});
