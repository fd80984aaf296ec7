import { describe, expect, it } from "vitest";
import { PRESET_NAMES, presetScenario } from "../sim/presets";
import { simulate } from "../sim/simulate";
import type { Scenario, Strategy } from "../sim/types";
import { check, countByKind } from "./index";
import type { AnomalyKind } from "./types";

function run(name: string, patch: (s: Scenario) => void = () => {}) {
  const scenario = presetScenario(name);
  if (scenario === undefined) throw new Error(`no preset ${name}`);
  patch(scenario);
  return check(simulate(scenario));
}

const under = (strategy: Strategy) => (s: Scenario) => {
  s.strategy = strategy;
};

/** Counts of anomalies still standing at the end (healed ones left out). */
function standing(report: ReturnType<typeof check>): Record<AnomalyKind, number> {
  return countByKind(report.anomalies.filter((a) => a.state !== "healed"));
}

describe("presets", () => {
  it("kleppmann-race: dual writes invert the order and diverge", () => {
    const report = run("kleppmann-race", under("dual-write"));
    const confirmed = report.anomalies.filter((a) => a.state === "confirmed").map((a) => a.kind);
    expect(confirmed).toContain("isolation");
    expect(confirmed).toContain("consistency");
  });

  it.each(["log", "cdc"] as const)(
    "kleppmann-race: no inversion or divergence under %s",
    (strategy) => {
      const counts = countByKind(run("kleppmann-race", under(strategy)).anomalies);
      expect(counts.isolation).toBe(0);
      expect(counts.consistency).toBe(0);
    },
  );

  it("crash-between-writes: a partial write under dual writes, none under the log", () => {
    expect(standing(run("crash-between-writes", under("dual-write"))).atomicity).toBeGreaterThan(0);
    expect(countByKind(run("crash-between-writes", under("log")).anomalies).atomicity).toBe(0);
  });

  it("acks1-leader-failover loses an acknowledged write; acks=all loses nothing", () => {
    const lost = run("acks1-leader-failover").anomalies.filter((a) => a.kind === "durability");
    expect(lost.map((a) => a.state)).toEqual(["confirmed"]);
    expect(lost[0].explanation).toContain("not in the log");
    expect(run("acks-all-leader-failover").anomalies).toEqual([]);
  });

  it("consumer-crash-incr: replayed increments with after-apply commits, none with atomic", () => {
    const afterApply = run("consumer-crash-incr", (s) => {
      s.log.commit = "after-apply";
    });
    expect(standing(afterApply).duplicate).toBeGreaterThan(0);
    const atomic = run("consumer-crash-incr", (s) => {
      s.log.commit = "atomic";
    });
    expect(countByKind(atomic.anomalies).duplicate).toBe(0);
  });

  it.each(PRESET_NAMES)("single-db: no anomaly on %s", (name) => {
    expect(run(name, under("single-db")).anomalies).toEqual([]);
  });
});
