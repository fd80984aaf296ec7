import { describe, expect, it } from "vitest";
import { presetScenario } from "../sim/presets";
import type { Scenario } from "../sim/types";
import { restoreScenario } from "../url/index";
import { type Predicate, SHRINK_MAX_RUNS, showsKind, shrink } from "./shrink";

function preset(name: string, patch: Partial<Scenario> = {}): Scenario {
  const s = presetScenario(name);
  if (s === undefined) throw new Error(`no preset ${name}`);
  return { ...s, ...patch };
}

/** No single scripted write and no single fault can go without losing the anomaly. */
function expectOneMinimal(s: Scenario, holds: Predicate): void {
  const ops = s.workload.kind === "script" ? s.workload.ops : [];
  ops.forEach((_, i) => {
    const fewer = structuredClone(s);
    if (fewer.workload.kind === "script") fewer.workload.ops.splice(i, 1);
    expect(holds(fewer), `without op ${i}`).toBe(false);
  });
  s.schedule.forEach((_, i) => {
    const fewer = structuredClone(s);
    fewer.schedule.splice(i, 1);
    expect(holds(fewer), `without fault ${i}`).toBe(false);
  });
}

describe("shrink", () => {
  it.each([
    ["default", "isolation", { strategy: "dual-write" }],
    ["crash-between-writes", "atomicity", {}],
    ["consumer-crash-incr", "duplicate", {}],
    ["acks1-leader-failover", "durability", {}],
  ] as const)("shrinks %s to a valid, 1-minimal witness of %s", (name, kind, patch) => {
    const start = preset(name, patch);
    const holds = showsKind(kind);
    const r = shrink(start, holds);
    expect(r.held).toBe(true);
    expect(r.exhausted).toBe(false);
    expect(r.runs).toBeLessThanOrEqual(SHRINK_MAX_RUNS);
    expect(holds(r.scenario)).toBe(true);
    expect(restoreScenario(r.scenario).ok).toBe(true);
    expect(r.removed.length).toBeGreaterThan(0);
    expectOneMinimal(r.scenario, holds);
  });

  it("turns a generated workload into the few writes that matter", () => {
    const r = shrink(preset("default"), showsKind("consistency"));
    expect(r.scenario.workload.kind).toBe("script");
    if (r.scenario.workload.kind === "script")
      expect(r.scenario.workload.ops.length).toBeLessThan(20);
  });

  it("leaves a scenario alone when it does not show the anomaly", () => {
    const start = preset("kleppmann-race", { strategy: "log" });
    const r = shrink(start, showsKind("isolation"));
    expect(r).toMatchObject({ held: false, removed: [] });
    expect(r.scenario).toEqual(start);
  });

  it("stops at the run budget", () => {
    const r = shrink(preset("default", { strategy: "dual-write" }), showsKind("isolation"), 5);
    expect(r.runs).toBe(5);
    expect(r.exhausted).toBe(true);
    expect(showsKind("isolation")(r.scenario)).toBe(true);
  });
});
