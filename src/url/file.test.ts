import { describe, expect, it } from "vitest";
import { defaultScenario } from "../sim/defaults";
import { presetScenario } from "../sim/presets";
import { scenarioFile, scenarioFileName, scenarioFileText } from "./file";
import { restoreScenario } from "./restore";

describe("scenario files", () => {
  const race = presetScenario("kleppmann-race");
  if (race === undefined) throw new Error("the kleppmann-race preset is missing");

  it("restores an exported file to the scenario that was exported", () => {
    expect(restoreScenario(scenarioFileText(race))).toEqual({ ok: true, scenario: race });
    expect(restoreScenario(scenarioFile(race))).toEqual({ ok: true, scenario: race });
  });

  it("still accepts a bare scenario, as text or as an object", () => {
    expect(restoreScenario(JSON.stringify(race))).toEqual({ ok: true, scenario: race });
    expect(restoreScenario(race)).toEqual({ ok: true, scenario: race });
  });

  it("names its own type and version", () => {
    const file = JSON.parse(scenarioFileText(race));
    expect(file.type).toBe("inside-out/scenario");
    expect(file.version).toBe(1);
    expect(file.scenario.v).toBe(1);
  });

  it.each([
    [{ type: "excalidraw", version: 2, elements: [] }, /not an Inside Out scenario.*"excalidraw"/],
    [
      { type: "inside-out/scenario", version: 9, scenario: {} },
      /newer Inside Out \(file version 9\)/,
    ],
    [{ type: "inside-out/scenario", version: "1", scenario: {} }, /whole number/],
    [{ type: "inside-out/scenario", version: 1 }, /no scenario in it/],
    [
      { type: "inside-out/scenario", version: 1, scenario: {}, extra: 1 },
      /unknown fields \("extra"\)/,
    ],
    [
      { type: "inside-out/scenario", version: 1, scenario: [] },
      /must be a JSON object, not a list/,
    ],
  ])("refuses a wrong wrapper with a sentence: %j", (input, message) => {
    const result = restoreScenario(JSON.stringify(input));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it("checks the wrapped scenario like any other", () => {
    const bad = { ...scenarioFile(race), scenario: { ...race, clients: 99 } };
    const result = restoreScenario(bad);
    expect(!result.ok && result.error.code).toBe("limit");
  });

  it("makes a file name every file system accepts", () => {
    expect(scenarioFileName(race)).toBe("kleppmann-race.inside-out.json");
    expect(scenarioFileName({})).toBe("scenario.inside-out.json");
    expect(scenarioFileName({ name: "../../etc/passwd" })).toBe("etc-passwd.inside-out.json");
    expect(scenarioFileName({ name: "<script>x</script>" })).toBe(
      "script-x-script.inside-out.json",
    );
    expect(scenarioFileName({ name: "Café: two clients" })).toBe(
      "Cafe-two-clients.inside-out.json",
    );
    expect(scenarioFileName({ name: "///" })).toBe("scenario.inside-out.json");
    expect(scenarioFileName({ ...defaultScenario(), name: "x".repeat(200) })).toHaveLength(
      60 + ".inside-out.json".length,
    );
  });
});
