/**
 * Small scenarios an engineer who knows Kafka and databases would try, each
 * with the answer such an engineer would give. Each test is named after what
 * it shows.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_LINK, defaultScenario } from "../sim/defaults";
import { simulate } from "../sim/simulate";
import type { LogOptions, Scenario, ScheduleEntry, ScriptOp, Trace } from "../sim/types";
import { check, countByKind } from "./index";

const STEADY = { delayMsMin: 5, delayMsMax: 5, dropRate: 0, reorderRate: 0, duplicateRate: 0 };

/** A scenario as a probe writes it: what it says, on the defaults, on a steady 5 ms network. */
function probe(p: {
  strategy: Scenario["strategy"];
  stores?: Scenario["stores"];
  clients?: number;
  ops: ScriptOp[];
  schedule?: ScheduleEntry[];
  log?: Partial<LogOptions>;
  dedupe?: boolean;
}): Scenario {
  const base = defaultScenario();
  return {
    ...base,
    strategy: p.strategy,
    stores: p.stores ?? base.stores,
    clients: p.clients ?? 1,
    log: { ...base.log, ...p.log },
    network: { default: { ...DEFAULT_LINK, ...STEADY }, links: {} },
    workload: { kind: "script", ops: p.ops },
    schedule: p.schedule ?? [],
    ...(p.dedupe === undefined ? {} : { dedupe: p.dedupe }),
  };
}

const applies = (t: Trace, node: string, write: number) =>
  t.events.filter((e) => e.type === "apply" && e.node === node && e.write === write).length;

/** Client-1's request reaches the db but the answer is cut (10–30 ms): the client retries. */
const LOST_REPLY: ScheduleEntry = {
  at: 10,
  kind: "partition",
  a: ["db"],
  b: ["client-1"],
  oneWay: true,
  until: 30,
};

describe("probes: what really happened", () => {
  it("cdc: a store that replays the db's commit log in order shows no isolation or consistency anomaly, even when the db re-applies a retried write", () => {
    const s = probe({
      strategy: "cdc",
      stores: ["db", "search"],
      clients: 2,
      ops: [
        { at: 10, client: 1, op: "set", key: "x", value: "A" },
        { at: 50, client: 2, op: "set", key: "x", value: "B" },
      ],
      schedule: [LOST_REPLY],
    });
    const trace = simulate(s);
    // The db really did apply A, B, then the retried A again; search followed that exact order.
    const dbOrder = trace.events
      .filter((e) => e.type === "apply" && e.node === "db")
      .map((e) => e.value);
    const searchOrder = trace.events
      .filter((e) => e.type === "apply" && e.node === "search")
      .map((e) => e.value);
    expect(dbOrder).toEqual(["A", "B", "A"]);
    expect(searchOrder).toEqual(dbOrder);
    expect(
      check(trace).anomalies.filter((a) => a.kind === "isolation" || a.kind === "consistency"),
    ).toEqual([]);
  });

  it("a consumer crash with after-apply commits replays sets in the source's order: the same verdict, no anomaly, under log and cdc", () => {
    for (const strategy of ["log", "cdc"] as const) {
      const s = probe({
        strategy,
        stores: ["db", "cache"],
        ops: Array.from({ length: 10 }, (_, i) => ({
          at: 10 + i * 20,
          client: 1,
          op: "set" as const,
          key: "x",
          value: `v${i}`,
        })),
        schedule: [
          { at: 1, kind: "crash", node: "consumer-cache", restartAt: 300 },
          { at: 315, kind: "crash", node: "consumer-cache", restartAt: 400 },
        ],
      });
      const trace = simulate(s);
      // The cache really did apply some records twice (the replay) ...
      const cacheApplies = trace.events.filter((e) => e.type === "apply" && e.node === "cache");
      expect(cacheApplies.length, strategy).toBeGreaterThan(10);
      // ... in the source's order, ending where the source ends.
      expect(trace.final.stores.cache, strategy).toEqual(trace.final.stores.db);
      expect(check(trace).anomalies, strategy).toEqual([]);
    }
  });

  it("default preset: log and cdc show no isolation and no consistency anomaly, single-db no disagreement", () => {
    for (const strategy of ["log", "cdc", "single-db"] as const) {
      const counts = countByKind(check(simulate({ ...defaultScenario(), strategy })).anomalies);
      expect([counts.isolation, counts.consistency, counts.atomicity], strategy).toEqual([0, 0, 0]);
    }
  });

  it("an offline partition is unavailable, not lost: no durability anomaly, and the report says offline", () => {
    const s = probe({
      strategy: "log",
      stores: ["db"],
      log: {
        acks: "all",
        minInsyncReplicas: 1,
        uncleanLeaderElection: false,
        requestTimeoutMs: 1000,
      },
      ops: [{ at: 200, client: 1, op: "set", key: "x", value: "A" }],
      schedule: [
        { at: 5, kind: "crash", node: "broker-1" },
        { at: 110, kind: "partition", a: ["broker-2"], b: ["broker-1", "broker-3"] },
        { at: 800, kind: "crash", node: "broker-2" },
      ],
    });
    const trace = simulate(s);
    expect(trace.final.offline).toEqual([true]);
    // The record sits on broker-2's disk, which the partition waits for.
    expect(trace.final.log).toEqual([[1]]);
    const report = check(trace);
    expect(report.anomalies.filter((a) => a.kind === "durability")).toEqual([]);
    expect(report.anomalies).toEqual([]);
    expect(report.offline).toHaveLength(1);
    expect(report.offline[0]).toMatchObject({ partition: 0, since: 900, waitingFor: "broker-2" });
    expect(report.offline[0].explanation).toMatch(/unavailable, not lost/);
  });

  it("an offline partition holding a write no store applied yet: stores behind it lag, nothing is partial", () => {
    const s = probe({
      strategy: "log",
      stores: ["db", "search"],
      log: { acks: 1, uncleanLeaderElection: false },
      ops: [{ at: 50, client: 1, op: "set", key: "x", value: "A" }],
      schedule: [
        // Followers cut off from the leader, and the consumers too, before the write.
        {
          at: 20,
          kind: "partition",
          a: ["broker-1"],
          b: ["broker-2", "broker-3", "consumer-db", "consumer-search"],
        },
        { at: 60, kind: "crash", node: "broker-1" },
      ],
    });
    const trace = simulate(s);
    const report = check(trace);
    if (trace.final.offline[0]) {
      expect(
        report.anomalies.filter((a) => ["atomicity", "consistency", "durability"].includes(a.kind)),
      ).toEqual([]);
      expect(report.offline[0].writes).toEqual([1]);
    } else {
      // The controller elected a follower without the record: then the acks=1 write is lost.
      expect(report.anomalies.some((a) => a.kind === "durability")).toBe(true);
    }
  });

  it("unclean election: an acknowledged write is lost when the out-of-sync follower is elected, not when the leader dies", () => {
    const s = probe({
      strategy: "log",
      stores: ["db"],
      log: { acks: "all", minInsyncReplicas: 1, uncleanLeaderElection: true },
      ops: [
        // The first write makes the cut-off followers lag; they leave the ISR; the second is acknowledged by the leader alone.
        { at: 400, client: 1, op: "set", key: "x", value: "A" },
        { at: 600, client: 1, op: "set", key: "x", value: "B" },
      ],
      schedule: [
        // The followers stop fetching; the leader acknowledges alone, then dies.
        { at: 10, kind: "partition", a: ["broker-1"], b: ["broker-2", "broker-3"] },
        { at: 700, kind: "crash", node: "broker-1" },
      ],
    });
    const trace = simulate(s);
    const elect = trace.events.find(
      (e) => e.type === "elect" && e.t > 700 && e.detail?.includes("unclean"),
    );
    expect(elect).toBeDefined();
    const lost = check(trace).anomalies.filter((a) => a.kind === "durability");
    expect(lost.map((a) => a.writes[0])).toEqual([1, 2]);
    expect(lost[0].detectedAt).toBe(elect?.t);
    expect(lost[0].detectedAt).toBeGreaterThan(700);

    // The same crash with unclean election off loses nothing: the partition waits for broker-1.
    const clean = simulate({ ...s, log: { ...s.log, uncleanLeaderElection: false } });
    const report = check(clean);
    expect(report.anomalies.filter((a) => a.kind === "durability")).toEqual([]);
    expect(report.offline[0]?.waitingFor).toBe("broker-1");
  });

  it("a write the client was told failed, that took effect anyway, is a false failure with the right times", () => {
    const s = probe({
      strategy: "single-db",
      ops: [{ at: 10, client: 1, op: "set", key: "x", value: "A" }],
      schedule: [{ ...LOST_REPLY, until: 1000 }],
    });
    const trace = simulate(s);
    const fail = trace.events.find((e) => e.type === "fail" && e.write === 1);
    const applied = trace.events.find(
      (e) => e.type === "apply" && e.node === "db" && e.write === 1,
    );
    expect(fail).toBeDefined();
    const found = check(trace).anomalies.filter((a) => a.kind === "false-failure");
    expect(found).toHaveLength(1);
    expect(found[0].detectedAt).toBe(fail?.t);
    expect(found[0].explanation).toContain(`took effect in db at ${applied?.t} ms`);
    expect(found[0].explanation).toContain(`told at ${fail?.t} ms that it failed`);
  });
});

describe("probes: deduplication is an explicit option, for every strategy", () => {
  const incr: ScriptOp[] = [{ at: 10, client: 1, op: "incr", key: "n", value: 1 }];

  it.each([
    ["single-db", "db"],
    ["dual-write", "db"],
    ["cdc", "db"],
  ] as const)(
    "%s: a retried increment after a lost reply applies twice at %s without it, once with it (idempotency keys)",
    (strategy, store) => {
      for (const [dedupe, times] of [
        [false, 2],
        [true, 1],
      ] as const) {
        const trace = simulate(
          probe({ strategy, stores: ["db"], ops: incr, schedule: [LOST_REPLY], dedupe }),
        );
        expect(applies(trace, store, 1), `dedupe ${dedupe}`).toBe(times);
        expect(countByKind(check(trace).anomalies).duplicate, `dedupe ${dedupe}`).toBe(times - 1);
      }
    },
  );

  it("log: a retried produce after a lost reply is appended twice without it, once with the idempotent producer", () => {
    for (const [dedupe, times] of [
      [false, 2],
      [true, 1],
    ] as const) {
      const trace = simulate(
        probe({
          strategy: "log",
          stores: ["db"],
          ops: incr,
          schedule: [
            {
              at: 10,
              kind: "partition",
              a: ["broker-1"],
              b: ["client-1"],
              oneWay: true,
              until: 220,
            },
          ],
          dedupe,
        }),
      );
      expect(
        trace.final.log[0].filter((w) => w === 1),
        `dedupe ${dedupe}`,
      ).toHaveLength(times);
      expect(applies(trace, "db", 1), `dedupe ${dedupe}`).toBe(times);
    }
  });

  it("log: a consumer replaying after a crash skips what its store applied (dedupe by offset)", () => {
    const s = probe({
      strategy: "log",
      stores: ["db", "cache"],
      ops: Array.from({ length: 10 }, (_, i) => ({
        at: 10 + i * 20,
        client: 1,
        op: "incr" as const,
        key: "x",
        value: 1,
      })),
      schedule: [
        { at: 1, kind: "crash", node: "consumer-cache", restartAt: 300 },
        { at: 315, kind: "crash", node: "consumer-cache", restartAt: 400 },
      ],
    });
    expect(countByKind(check(simulate(s)).anomalies).duplicate).toBeGreaterThan(0);
    const deduped = simulate({ ...s, dedupe: true });
    expect(countByKind(check(deduped).anomalies).duplicate).toBe(0);
    expect(deduped.final.stores.cache.x).toBe(10);
  });

  it("dedupe fixes duplicates and does nothing for isolation: the Kleppmann race still inverts", () => {
    const s = probe({
      strategy: "dual-write",
      stores: ["db", "search"],
      clients: 2,
      ops: [
        { at: 10, client: 1, op: "set", key: "x", value: "A" },
        { at: 12, client: 2, op: "set", key: "x", value: "B" },
      ],
      dedupe: true,
    });
    s.network.links = { "client-1->search": { delayMsMin: 40, delayMsMax: 40 } };
    expect(countByKind(check(simulate(s)).anomalies).isolation).toBe(1);
  });
});
