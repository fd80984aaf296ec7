import { describe, expect, it } from "vitest";
import { presetScenario } from "../sim/presets";
import type { Scenario } from "../sim/types";
import { BACKGROUND_OPS, isHeavy, packRun, runScenario, unpackRun } from "./run";

function preset(name: string): Scenario {
  const s = presetScenario(name);
  if (s === undefined) throw new Error(`no preset ${name}`);
  return s;
}

describe("a run crossing to another thread", () => {
  it("comes back from its packed form with the same trace, events and report", () => {
    const scenario: Scenario = {
      ...preset("default"),
      workload: { ...preset("default").workload, kind: "generated", writes: 900 },
    } as Scenario;
    const run = runScenario(scenario);
    // Read before packing: transferring the buffers leaves this side's columns empty.
    const events = run.trace.events;
    expect(events.length).toBeGreaterThan(2 * 4096);
    const { packed, transfer } = packRun(run);
    // What postMessage does: a structured clone, with the column buffers moved, not copied.
    const back = unpackRun(structuredClone(packed, { transfer }));
    expect(transfer.length).toBeGreaterThan(0);
    expect(back.trace.traceHash).toBe(run.trace.traceHash);
    expect(back.trace.events).toEqual(events);
    expect(back.report).toEqual(run.report);
    expect(back.trace.final).toEqual(run.trace.final);
  });

  it("is only sent away for big scenarios: every preset runs at once", () => {
    for (const name of ["default", "kleppmann-race", "log-replay", "consumer-crash-incr"]) {
      expect(isHeavy(preset(name))).toBe(false);
    }
    const big = preset("default");
    if (big.workload.kind !== "generated") throw new Error("default is generated");
    big.workload.writes = BACKGROUND_OPS;
    expect(isHeavy(big)).toBe(true);
  });
});
