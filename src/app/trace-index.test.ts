import { describe, expect, it } from "vitest";
import { presetScenario } from "../sim/presets";
import { simulate } from "../sim/simulate";
import type { Scenario } from "../sim/types";
import { partitionAt } from "./log-index";
import { storeAt } from "./store-index";
import { nextStop, previousStop, traceIndex } from "./trace-index";

const preset = (name: string, patch: Partial<Scenario> = {}) => {
  const s = presetScenario(name);
  if (s === undefined) throw new Error(name);
  return simulate({ ...s, ...patch });
};

describe("trace index", () => {
  it("replays every store to the trace's final state", () => {
    for (const name of ["default", "kleppmann-race", "consumer-crash-incr", "cdc-outbox"]) {
      const trace = preset(name);
      const index = traceIndex(trace).stores;
      for (const store of index.stores) {
        const table = Object.fromEntries(storeAt(index, store, trace.endTime));
        expect(table, `${name} ${store}`).toEqual(trace.final.stores[store] ?? {});
      }
    }
  });

  it("shows a store as it was at an earlier time", () => {
    const trace = preset("kleppmann-race", { strategy: "dual-write" });
    const index = traceIndex(trace).stores;
    const firstApply = trace.events.find((e) => e.type === "apply");
    expect(firstApply).toBeDefined();
    const t = firstApply?.t ?? 0;
    expect(storeAt(index, "db", t - 1).size).toBe(0);
    expect(storeAt(index, "db", t).get("x")).toBe(firstApply?.value);
  });

  it("empties the cache when it crashes", () => {
    const base = presetScenario("default");
    if (base === undefined) throw new Error("default");
    const trace = simulate({ ...base, schedule: [{ at: 400, kind: "crash", node: "cache" }] });
    const index = traceIndex(trace).stores;
    expect(storeAt(index, "cache", 399).size).toBeGreaterThan(0);
    expect(storeAt(index, "cache", 400).size).toBe(0);
  });

  it("rebuilds the leader's log, its high watermark and consumer positions", () => {
    for (const name of ["log-replay", "acks1-leader-failover", "cdc-outbox"]) {
      const trace = preset(name);
      const log = traceIndex(trace).log;
      expect(log).not.toBeNull();
      if (log === null) continue;
      const view = partitionAt(log, 0, trace.endTime);
      expect(
        view.records.map((r) => r.write),
        name,
      ).toEqual(trace.final.log[0]);
      expect(view.highWatermark).toBe(view.records.length);
      for (const c of view.consumers) expect(c.committed, c.consumer).toBe(view.records.length);
    }
  });

  it("has no log for strategies without one", () => {
    expect(traceIndex(preset("default")).log).toBeNull();
  });

  it("steps to the next and previous distinct event times", () => {
    const times = [0, 5, 5.5, 9];
    expect(nextStop(times, 0, 20)).toBe(5);
    expect(nextStop(times, 5.2, 20)).toBe(5.5);
    expect(nextStop(times, 9, 20)).toBe(20);
    expect(previousStop(times, 9)).toBe(5.5);
    expect(previousStop(times, 7)).toBe(5.5);
    expect(previousStop(times, 0)).toBe(0);
  });
});
