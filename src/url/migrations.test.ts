import { describe, expect, it } from "vitest";
import v0Expected from "./fixtures/v0-sketch.expected-v1.json";
import v0Sketch from "./fixtures/v0-sketch.json";
import {
  CURRENT_VERSION,
  type JsonObject,
  migrate,
  migrations,
  OLDEST_VERSION,
  v0ToV1,
} from "./migrations";
import { restoreScenario } from "./restore";

describe("migrations", () => {
  it("has one step per version between the oldest readable and the current", () => {
    expect(OLDEST_VERSION + migrations.length).toBe(CURRENT_VERSION);
  });

  it("restores the frozen v0 fixture (the first sketch of the format) to the expected v1 scenario", () => {
    const result = restoreScenario(v0Sketch);
    expect(result).toEqual({ ok: true, scenario: v0Expected, migratedFrom: 0 });
  });

  it("restores the same fixture from its JSON text", () => {
    const result = restoreScenario(JSON.stringify(v0Sketch));
    expect(result.ok && result.scenario).toEqual(v0Expected);
  });

  it("does not mutate its input (presets may be frozen)", () => {
    const input = structuredClone(v0Sketch);
    Object.freeze(input);
    v0ToV1(input);
    expect(input).toEqual(v0Sketch);
  });

  it("migrates a v0 scripted workload, which already had v1's shape", () => {
    const result = restoreScenario({
      v: 0,
      until: 5000,
      workload: { kind: "script", ops: [{ at: 10, client: 1, op: "set", key: "x", value: "1" }] },
    });
    expect(result.ok && result.scenario.workload).toEqual({
      kind: "script",
      ops: [{ at: 10, client: 1, op: "set", key: "x", value: "1" }],
    });
    expect(result.ok && result.scenario.caps.maxTimeMs).toBe(5000);
  });

  it("keeps an explicit caps.maxTimeMs over the old `until`", () => {
    const result = restoreScenario({ v: 0, until: 5000, caps: { maxTimeMs: 7000 } });
    expect(result.ok && result.scenario.caps.maxTimeMs).toBe(7000);
  });

  it("lets the v1 schema report what v0 got wrong, in v1 terms", () => {
    const result = restoreScenario({ v: 0, until: -3 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: "invalid",
        path: "caps.maxTimeMs",
        message: "caps.maxTimeMs should be at least 1; it is -3.",
      },
    });
  });

  it("survives odd v0 shapes without throwing", () => {
    for (const doc of [
      { v: 0, network: { default: { delayMs: 5 } } },
      { v: 0, network: { links: { "db->cache": { delayMs: { min: "a" } } } } },
      { v: 0, network: "none" },
      { v: 0, workload: { ops: 4 } },
      { v: 0, until: "soon" },
    ]) {
      const result = restoreScenario(doc);
      expect(result.ok).toBe(false);
    }
  });

  it("walks several steps in order, and reports the step that failed", () => {
    const step =
      (n: number) =>
      (doc: JsonObject): JsonObject => ({
        ...doc,
        v: n + 1,
        trail: [...((doc.trail as number[]) ?? []), n],
      });
    const table = [step(3), step(4), step(5)];
    expect(migrate({ v: 3 }, 3, 6, table, 3)).toEqual({
      ok: true,
      doc: { v: 6, trail: [3, 4, 5] },
    });
    expect(migrate({ v: 4 }, 4, 6, table, 3)).toEqual({ ok: true, doc: { v: 6, trail: [4, 5] } });
    const throwing = [
      step(0),
      () => {
        throw new Error("bad");
      },
    ];
    expect(migrate({}, 0, 2, throwing, 0)).toEqual({ ok: false, failedAt: 1 });
    // A gap in the table (no step from 3 to 4) is a failure, not a silent skip.
    expect(migrate({}, 0, 4, table, 0)).toEqual({ ok: false, failedAt: 3 });
  });
});
