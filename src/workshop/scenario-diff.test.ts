import { describe, expect, it } from "vitest";
import { presetScenario } from "../sim/presets";
import type { Scenario } from "../sim/types";
import { decodeLink, encodeLink } from "../url/index";
import { labelOf, pathAllowed, scenarioChanges, scheduleDiff } from "./scenario-diff";

function race(): Scenario {
  const s = presetScenario("kleppmann-race");
  if (s === undefined) throw new Error("missing preset");
  return s;
}

describe("scenarioChanges", () => {
  it("finds nothing between a scenario and its trip through a link (keys sorted, defaults stripped)", () => {
    const s = race();
    const back = decodeLink(encodeLink(s));
    expect(back.ok).toBe(true);
    if (back.ok) expect(scenarioChanges(s, back.scenario)).toEqual([]);
  });

  it("ignores the name and description, and treats absent options as their defaults", () => {
    const a = race();
    const b = { ...race(), name: "other", description: "else", dedupe: false };
    b.dualWrite = { ...b.dualWrite, ackAfter: "all" };
    expect(scenarioChanges(a, b)).toEqual([]);
  });

  it("names each changed field as the controls do, with before and after", () => {
    const a = race();
    const b = race();
    b.log.acks = 1;
    b.network.default.delayMsMin = 8;
    b.network.links["client-1->search"] = { delayMsMin: 40 };
    b.dedupe = true;
    expect(scenarioChanges(a, b).map((c) => c.text)).toEqual([
      "Deduplicate retries: off → on",
      "acks: all → 1",
      "Min delay: 5 → 8",
      "Max delay of client-1->search: 40 → (not set)",
    ]);
  });

  it("lists schedule entries added and removed, in any order", () => {
    const a = race();
    a.schedule = [
      { at: 1, kind: "crash", node: "db" },
      { at: 5, kind: "heal" },
    ];
    const b = race();
    b.schedule = [
      { at: 5, kind: "heal" },
      { at: 9, kind: "crash", node: "cache" },
    ];
    expect(scheduleDiff(a.schedule, b.schedule)).toEqual({
      added: [{ at: 9, kind: "crash", node: "cache" }],
      removed: [{ at: 1, kind: "crash", node: "db" }],
    });
    expect(scenarioChanges(a, b)).toEqual([
      {
        path: "schedule",
        label: "Schedule",
        text: "Schedule: added crash of cache at 9 ms; removed crash of db at 1 ms",
      },
    ]);
    expect(scenarioChanges(a, { ...a, schedule: [...a.schedule].reverse() })).toEqual([]);
  });

  it("describes workload changes", () => {
    const a = race();
    const b = race();
    if (b.workload.kind === "script") b.workload.ops[0].value = "Z";
    expect(scenarioChanges(a, b).map((c) => c.text)).toEqual([
      "Workload: the scripted operations changed",
    ]);
  });
});

describe("labels and allowed paths", () => {
  it("labels paths in the controls' words", () => {
    expect(labelOf("log.minInsyncReplicas")).toBe("min.insync.replicas");
    expect(labelOf("network.default.dropRate")).toBe("Drop rate");
    expect(labelOf("network.links.a->b.delayMsMax")).toBe("Max delay of a->b");
  });

  it("allows a path and everything under it, nothing beside it", () => {
    expect(pathAllowed("log.acks", ["log"])).toBe(true);
    expect(pathAllowed("log.acks", ["log.acks"])).toBe(true);
    expect(pathAllowed("log.acksX", ["log.acks"])).toBe(false);
    expect(pathAllowed("network.default.delayMsMin", ["log"])).toBe(false);
  });
});
