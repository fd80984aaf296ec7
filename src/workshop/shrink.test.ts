import { describe, expect, it } from "vitest";
import { check } from "../check/index";
import { presetScenario } from "../sim/presets";
import { shiftEntry } from "../sim/schedule";
import { simulate } from "../sim/simulate";
import type { Scenario } from "../sim/types";
import { restoreScenario } from "../url/index";
import { keepsStory, type Predicate, SHRINK_MAX_RUNS, showsKind, shrink } from "./shrink";

const kinds = (s: Scenario, kind: string) =>
  check(simulate(s)).anomalies.filter((a) => a.kind === kind);

/** Notes a person reads: no field names (camelCase) and no link keys (a->b). */
const plainWords = (notes: string[]) => {
  for (const n of notes) {
    expect(n, n).not.toMatch(/[a-z][A-Z]/);
    expect(n, n).not.toMatch(/->/);
  }
};

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

  describe("keeps the story", () => {
    it("kleppmann-race: the slow link stays a fixed 40 ms, never a random one", () => {
      const start = preset("kleppmann-race");
      const r = shrink(start, keepsStory(start, "isolation"));
      expect(r.held).toBe(true);
      expect(r.scenario.network.links["client-1->search"]).toEqual({
        delayMsMin: 40,
        delayMsMax: 40,
      });
      expect(kinds(r.scenario, "isolation").some((a) => a.state !== "healed")).toBe(true);
      plainWords(r.removed);
    });

    it("a consistency witness whose anomalies all healed shrinks to one that still heals", () => {
      const base = preset("default", { strategy: "dual-write" });
      base.network.default.dropRate = 0;
      let seed = 1;
      for (; seed <= 200; seed++) {
        const found = kinds({ ...base, seed }, "consistency");
        if (found.length > 0 && found.every((a) => a.state === "healed")) break;
      }
      expect(seed, "a seed with only healed consistency anomalies").toBeLessThanOrEqual(200);
      const witness = { ...base, seed };
      const r = shrink(witness, keepsStory(witness, "consistency"));
      expect(r.held).toBe(true);
      const after = kinds(r.scenario, "consistency");
      expect(after.length).toBeGreaterThan(0);
      expect(after.map((a) => a.state)).toEqual(after.map(() => "healed"));
      // Without the story, shrinking for "any consistency" is free to change the state.
      const ops = r.scenario.workload.kind === "script" ? r.scenario.workload.ops.length : 0;
      expect(ops).toBeGreaterThan(0);
      plainWords(r.removed);
    });

    it("a lasting anomaly stays lasting", () => {
      const start = preset("crash-between-writes");
      const r = shrink(start, keepsStory(start, "atomicity"));
      expect(kinds(r.scenario, "atomicity").some((a) => a.state !== "healed")).toBe(true);
    });

    it("an atomicity witness with 600 ms of empty time in front starts at once, every time shifted", () => {
      const start = preset("crash-between-writes");
      const late = structuredClone(start);
      if (late.workload.kind === "script") for (const o of late.workload.ops) o.at += 600;
      for (const e of late.schedule) shiftEntry(e, -600);
      const first = (s: Scenario) =>
        Math.min(
          ...(s.workload.kind === "script" ? s.workload.ops.map((o) => o.at) : []),
          ...s.schedule.map((e) => e.at),
        );
      expect(first(late)).toBeGreaterThanOrEqual(600);
      const r = shrink(late, keepsStory(late, "atomicity"));
      expect(r.held).toBe(true);
      expect(first(r.scenario)).toBeLessThanOrEqual(1);
      // The crash still lands between the writes it splits: the gap to the first op is kept.
      expect(kinds(r.scenario, "atomicity").some((a) => a.state !== "healed")).toBe(true);
      expect(r.removed.join("\n")).toMatch(/ms of empty time before anything happens/);
      plainWords(r.removed);
    });
  });
});
