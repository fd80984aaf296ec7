import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbScenario } from "../sim/arbitrary";
import { simulate } from "../sim/simulate";
import type { Scenario, Trace } from "../sim/types";
import { anomaliesAt, check } from "./index";
import type { Anomaly, AnomalyKind } from "./types";

/**
 * A brute-force oracle: replays every store's applies naively (all pairs,
 * from scratch after every event) and states what the checkers must find.
 * Slow on purpose; only the generated runs are small enough for it.
 */

type Value = string | number | undefined;

interface StoreReplay {
  /** Last-apply order of each key's writes (a write moves to the end when re-applied). */
  order: Map<string, number[]>;
  values: Map<string, Value>;
  everApplied: Set<number>;
  incrApplies: Map<number, number>;
}

const fresh = (): StoreReplay => ({
  order: new Map(),
  values: new Map(),
  everApplied: new Set(),
  incrApplies: new Map(),
});

/** True if some two writes both sides hold appear in opposite orders. */
function inverted(ref: number[], mine: number[]): boolean {
  const common = mine.filter((w) => ref.includes(w));
  for (let i = 0; i < common.length; i++) {
    for (let j = i + 1; j < common.length; j++) {
      if (ref.indexOf(common[i]) > ref.indexOf(common[j])) return true;
    }
  }
  return false;
}

interface Expected {
  /** `store:key` pairs whose order disagrees with the reference at the end, and when each first did. */
  isolationFinal: Set<string>;
  isolationFirst: Map<string, number>;
  consistency: Set<string>;
  duplicate: Set<string>;
  atomicity: Set<number>;
  finalValues: Map<string, Map<string, Value>>;
}

function oracle(trace: Trace): Expected {
  const strategy = trace.scenario.strategy;
  const refName = strategy === "log" ? "log" : "db";
  const ops = new Map(trace.writes.map((w) => [w.id, w]));
  const stores = new Map<string, StoreReplay>();
  const of = (s: string) => {
    let r = stores.get(s);
    if (r === undefined) {
      r = fresh();
      stores.set(s, r);
    }
    return r;
  };
  const logOrder = new Map<string, number[]>();
  const logValues = new Map<string, Value>();
  for (const part of trace.final.log) {
    for (const w of part) {
      const op = ops.get(w);
      if (op === undefined || op.op === "read") continue;
      const list = (logOrder.get(op.key) ?? []).filter((x) => x !== w);
      logOrder.set(op.key, [...list, w]);
      const prev = logValues.get(op.key);
      logValues.set(op.key, op.op === "incr" ? Number(prev ?? 0) + Number(op.value) : op.value);
    }
  }
  const refOrder = (key: string) =>
    (refName === "log" ? logOrder.get(key) : of("db").order.get(key)) ?? [];
  const exp: Expected = {
    isolationFinal: new Set(),
    isolationFirst: new Map(),
    consistency: new Set(),
    duplicate: new Set(),
    atomicity: new Set(),
    finalValues: new Map(),
  };
  const joined = new Map<string, number>();
  const late = new Set(
    trace.scenario.schedule.flatMap((s) => (s.kind === "add-store" ? [s.store] : [])),
  );
  for (const s of trace.scenario.stores) if (!late.has(s)) joined.set(s, 0);
  const cacheCrashes: number[] = [];
  const reexamine = (key: string, t: number) => {
    for (const [name, r] of stores) {
      if (name === refName) continue;
      if (inverted(refOrder(key), r.order.get(key) ?? [])) {
        const id = `${name}:${key}`;
        if (!exp.isolationFirst.has(id)) exp.isolationFirst.set(id, t);
      }
    }
  };
  for (const e of trace.events) {
    if (e.type === "add-store") joined.set(e.node, e.t);
    if (e.type === "crash" && e.node === "cache") {
      stores.set("cache", { ...fresh(), everApplied: of("cache").everApplied });
      cacheCrashes.push(e.t);
    }
    if (e.type !== "apply" || e.write === undefined || e.key === undefined) continue;
    const r = of(e.node);
    r.everApplied.add(e.write);
    r.values.set(e.key, e.value);
    // Under the log, applying the record the final log holds at that offset is the log's own order.
    const followsLog =
      refName === "log" &&
      e.offset !== undefined &&
      e.partition !== undefined &&
      trace.final.log[e.partition]?.[e.offset] === e.write;
    if (!followsLog) {
      r.order.set(e.key, [...(r.order.get(e.key) ?? []).filter((w) => w !== e.write), e.write]);
    }
    if (e.detail === "incr") {
      const n = (r.incrApplies.get(e.write) ?? 0) + 1;
      r.incrApplies.set(e.write, n);
      if (n >= 2) exp.duplicate.add(`${e.node}:${e.write}`);
    }
    reexamine(e.key, e.t);
  }
  const keys = new Set([...ops.values()].filter((o) => o.op !== "read").map((o) => o.key));
  for (const [name, r] of stores) exp.finalValues.set(name, r.values);
  for (const name of joined.keys()) {
    const r = of(name);
    if (name === refName) continue;
    for (const key of keys) {
      if (inverted(refOrder(key), r.order.get(key) ?? [])) exp.isolationFinal.add(`${name}:${key}`);
      const mine = r.values.get(key);
      const ref = refName === "log" ? logValues.get(key) : of("db").values.get(key);
      if (!(name === "cache" && mine === undefined) && mine !== ref)
        exp.consistency.add(`${name}:${key}`);
    }
  }
  const inLog = new Set(trace.final.log.flat());
  const invokedAt = new Map(
    trace.events.filter((e) => e.type === "invoke").map((e) => [e.write, e.t]),
  );
  const rejected = new Set(
    trace.events.filter((e) => e.type === "reject").map((e) => `${e.node}:${e.write}`),
  );
  for (const op of ops.values()) {
    const at = invokedAt.get(op.id);
    if (op.op === "read" || at === undefined) continue;
    const has: boolean[] = refName === "log" ? [inLog.has(op.id)] : [];
    for (const [name, when] of joined) {
      const applied = stores.get(name)?.everApplied.has(op.id) ?? false;
      const excused =
        !applied &&
        (rejected.has(`${name}:${op.id}`) ||
          (strategy !== "log" && when > at) ||
          (name === "cache" && cacheCrashes.some((t) => t >= at)));
      if (!excused) has.push(applied);
    }
    if (has.some((x) => x) && has.some((x) => !x)) exp.atomicity.add(op.id);
  }
  return exp;
}

const open = (r: Anomaly[], kind: AnomalyKind) =>
  r.filter((a) => a.kind === kind && a.state !== "healed");
const pairOf = (a: Anomaly) => `${a.stores[1]}:${a.key}`;

/** Many writers on one or two keys over a reordering network: inversions are common. */
const arbContended = arbScenario.map(
  (s): Scenario => ({
    ...s,
    strategy: s.seed % 2 === 0 ? "dual-write" : "cdc",
    clients: 3,
    network: { ...s.network, default: { ...s.network.default, reorderRate: 0.3 } },
    workload: {
      kind: "generated",
      writes: 30,
      keys: 1 + (s.seed % 2),
      ratePerSec: 80,
      op: s.seed % 3 === 0 ? "incr" : "set",
      readRate: 0.2,
      startMs: 10,
    },
  }),
);

describe("check agrees with a brute-force oracle", { timeout: 300_000 }, () => {
  it.each([
    ["generated runs", arbScenario, 300],
    ["contended runs", arbContended, 100],
  ] as const)("on %s", (_, arb, numRuns) => {
    fc.assert(
      fc.property(arb, (scenario) => {
        const trace = simulate(scenario);
        const exp = oracle(trace);
        const report = check(trace);
        const all = report.anomalies;
        // The engine's final state is what a replay of its applies gives.
        for (const [store, values] of Object.entries(trace.final.stores)) {
          for (const [key, value] of Object.entries(values)) {
            expect(exp.finalValues.get(store)?.get(key)).toEqual(value);
          }
        }
        expect(new Set(open(all, "isolation").map(pairOf))).toEqual(exp.isolationFinal);
        const detected = new Map(
          all.filter((a) => a.kind === "isolation").map((a) => [pairOf(a), a.detectedAt]),
        );
        expect(detected).toEqual(exp.isolationFirst);
        expect(new Set(open(all, "consistency").map(pairOf))).toEqual(exp.consistency);
        expect(
          new Set(
            all.filter((a) => a.kind === "duplicate").map((a) => `${a.stores[0]}:${a.writes[0]}`),
          ),
        ).toEqual(exp.duplicate);
        expect(new Set(all.filter((a) => a.kind === "atomicity").map((a) => a.writes[0]))).toEqual(
          exp.atomicity,
        );
        // Honest detection: never after the end, never before the first event it cites.
        const end = trace.quiescedAt ?? trace.endTime;
        const timeOf = new Map(trace.events.map((e) => [e.seq, e.t]));
        for (const a of all) {
          expect(a.detectedAt).toBeLessThanOrEqual(end);
          const times = a.events.map((s) => timeOf.get(s) ?? Number.NaN);
          if (times.length > 0) expect(a.detectedAt).toBeGreaterThanOrEqual(Math.min(...times));
          expect(anomaliesAt(report, a.detectedAt - 0.5).some((x) => x.id === a.id)).toBe(false);
        }
        if (trace.scenario.strategy === "single-db") expect(all).toEqual([]);
      }),
      { numRuns },
    );
  });

  it("finds stream-visible anomalies in the trace cut at their detection time", () => {
    fc.assert(
      fc.property(arbContended, (scenario) => {
        const trace = simulate(scenario);
        const report = check(trace);
        for (const a of report.anomalies) {
          if (a.kind !== "isolation" && a.kind !== "duplicate" && a.kind !== "stale-read") continue;
          const prefix: Trace = {
            ...trace,
            events: trace.events.filter((e) => e.t <= a.detectedAt && e.type !== "quiesce"),
            quiescedAt: null,
            endTime: a.detectedAt,
          };
          const seen = check(prefix).anomalies.find((x) => x.id === a.id);
          expect(seen?.detectedAt).toBe(a.detectedAt);
        }
      }),
      { numRuns: 100 },
    );
  });
});
