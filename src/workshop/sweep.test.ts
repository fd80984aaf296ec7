import { describe, expect, it } from "vitest";
import { ANOMALY_KINDS } from "../check/index";
import { defaultScenario } from "../sim/defaults";
import { presetScenario } from "../sim/presets";
import { applyParam, PARTITION_AT_MS, parseValues } from "./params";
import {
  CONFIRMED_SHIFT,
  chunkRanges,
  kindsMask,
  NOT_RUN,
  pointsFromMasks,
  runChunk,
  runCount,
  runScenario,
  type SweepSpec,
  specProblem,
  sweepPoints,
} from "./sweep";

const spec = (over: Partial<SweepSpec> = {}): SweepSpec => ({
  scenario: defaultScenario(),
  strategies: ["dual-write", "log"],
  param: "dropRate",
  values: [0, 0.2],
  seeds: 6,
  ...over,
});

describe("sweepPoints", () => {
  it("gives one point per value and strategy, value-major, with n runs each", () => {
    const points = sweepPoints(spec());
    expect(points.map((p) => [p.value, p.strategy, p.n])).toEqual([
      [0, "dual-write", 6],
      [0, "log", 6],
      [0.2, "dual-write", 6],
      [0.2, "log", 6],
    ]);
    for (const p of points)
      for (const k of ANOMALY_KINDS) {
        const [lo, hi] = p.intervals[k];
        expect(lo).toBeLessThanOrEqual(p.counts[k] / p.n);
        expect(hi).toBeGreaterThanOrEqual(p.counts[k] / p.n);
      }
  });

  it("counts the same whichever way the runs are chunked and in whatever order", () => {
    const s = spec();
    const whole = sweepPoints(s);
    const masks = new Array<number>(runCount(s)).fill(NOT_RUN);
    for (const [from, to] of chunkRanges(runCount(s), 5).reverse())
      runChunk(s, from, to).forEach((m, i) => {
        masks[from + i] = m;
      });
    expect(pointsFromMasks(s, masks)).toEqual(whole);
  });

  it("names a witness seed whose run really shows the anomaly", () => {
    const s = spec({ values: [0.2], strategies: ["dual-write"] });
    const [point] = sweepPoints(s);
    expect(point.counts.atomicity).toBeGreaterThan(0);
    const seed = point.witnesses.atomicity ?? -1;
    const run = runScenario(s, 0, seed - s.scenario.seed);
    expect(run.seed).toBe(seed);
    expect(kindsMask(run) & (1 << ANOMALY_KINDS.indexOf("atomicity"))).not.toBe(0);
  });

  it("counts runs whose anomaly did not heal apart from those that only healed", () => {
    const s = spec({ values: [0], strategies: ["dual-write"], seeds: 20 });
    const [p] = sweepPoints(s);
    for (const k of ANOMALY_KINDS) {
      expect(p.confirmed[k]).toBeLessThanOrEqual(p.counts[k]);
      const [lo, hi] = p.confirmedIntervals[k];
      expect(lo).toBeLessThanOrEqual(p.confirmed[k] / p.n);
      expect(hi).toBeGreaterThanOrEqual(p.confirmed[k] / p.n);
    }
    // On a reliable network dual writes race: most consistency anomalies heal.
    expect(p.counts.consistency - p.confirmed.consistency).toBeGreaterThan(0);
    const seed = p.confirmedWitnesses.consistency;
    if (seed !== undefined) {
      const mask = kindsMask({ ...s.scenario, strategy: "dual-write", seed });
      expect(mask & (1 << (CONFIRMED_SHIFT + ANOMALY_KINDS.indexOf("consistency")))).not.toBe(0);
    }
  });

  it("counts only finished runs of a cancelled sweep", () => {
    const s = spec({ values: [0], strategies: ["log"], seeds: 4 });
    const masks = [0, NOT_RUN, 1, NOT_RUN];
    const [p] = pointsFromMasks(s, masks);
    expect(p.n).toBe(2);
    expect(p.counts.atomicity).toBe(1);
    expect(p.confirmed.atomicity).toBe(0);
    expect(p.witnesses.atomicity).toBe(s.scenario.seed + 2);
    const [q] = pointsFromMasks(s, [NOT_RUN, NOT_RUN, NOT_RUN, NOT_RUN]);
    expect(q).toMatchObject({ n: 0, intervals: { atomicity: [0, 1] } });
  });

  it("is deterministic: the dual-write drop-rate curve of the default preset", () => {
    const points = sweepPoints(spec({ seeds: 20, values: [0, 0.2] }));
    expect(points).toEqual(sweepPoints(spec({ seeds: 20, values: [0, 0.2] })));
    // Drops make dual writes partial; the log never loses atomicity.
    expect(points[2].counts.atomicity).toBeGreaterThan(points[0].counts.atomicity);
    expect(points[3].counts.atomicity).toBe(0);
  });
});

describe("specProblem", () => {
  it("accepts a sound sweep and names what is wrong with a bad one", () => {
    expect(specProblem(spec())).toBeNull();
    expect(specProblem(spec({ strategies: [] }))).toMatch(/strategy/);
    expect(specProblem(spec({ seeds: 0 }))).toMatch(/seeds/);
    expect(specProblem(spec({ values: [] }))).toMatch(/value/);
    expect(specProblem(spec({ param: "minInsyncReplicas", values: [1, 5] }))).toMatch(/brokers/);
  });
});

describe("params", () => {
  it("parses values and refuses nonsense", () => {
    expect(parseValues("dropRate", "0, 0.05,0.1")).toEqual([0, 0.05, 0.1]);
    expect(parseValues("acks", "0,1,all")).toEqual([0, 1, "all"]);
    expect(parseValues("commit", "atomic")).toEqual(["atomic"]);
    expect(parseValues("dropRate", "0,2")).toHaveProperty("error");
    expect(parseValues("acks", "2")).toHaveProperty("error");
    expect(parseValues("delayMsMax", "x")).toHaveProperty("error");
    expect(parseValues("partitionMs", "")).toHaveProperty("error");
  });

  it("edits a copy of the scenario", () => {
    const base = defaultScenario();
    const edited = applyParam(base, "delayMsMax", 2);
    expect(edited.network.default).toMatchObject({ delayMsMin: 2, delayMsMax: 2 });
    expect(base.network.default.delayMsMax).toBe(20);
    expect(applyParam(base, "acks", 1).log.acks).toBe(1);
    expect(applyParam(base, "commit", "atomic").log.commit).toBe("atomic");
    expect(applyParam(base, "minInsyncReplicas", 3).log.minInsyncReplicas).toBe(3);
    expect(applyParam(base, "duplicateRate", 0.1).network.default.duplicateRate).toBe(0.1);
  });

  it("adds a partition between client-1 and the last derived store, none for 0", () => {
    const race = presetScenario("kleppmann-race");
    if (race === undefined) throw new Error("preset missing");
    expect(applyParam(race, "partitionMs", 0).schedule).toEqual([]);
    expect(applyParam(race, "partitionMs", 100).schedule).toEqual([
      {
        at: PARTITION_AT_MS,
        kind: "partition",
        a: ["client-1"],
        b: ["search"],
        until: PARTITION_AT_MS + 100,
      },
    ]);
  });
});
