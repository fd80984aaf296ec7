/**
 * The model's corrections of model 2, each as the behaviour a user would
 * notice: a link is one connection, the ISR does not shrink without a fault,
 * a cache miss reads through to the db.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_LOG } from "./defaults";
import { simulate } from "./simulate";
import { eventsOfType, scriptScenario } from "./test-helpers";
import type { LinkOptions, ScriptOp } from "./types";

const JITTERY: LinkOptions = {
  delayMsMin: 1,
  delayMsMax: 30,
  dropRate: 0,
  duplicateRate: 0,
  reorderRate: 0,
  reorderSpikeMs: 60,
};

const sets = (n: number, gapMs: number, key = "x"): ScriptOp[] =>
  Array.from({ length: n }, (_, i) => ({
    at: 10 + i * gapMs,
    client: 1 + (i % 2),
    op: "set" as const,
    key,
    value: `v${i}`,
  }));

describe("a directed link is one connection", () => {
  it("delivers in send order with reordering off, however much each message's delay varies", () => {
    const t = simulate(
      scriptScenario(sets(40, 1), {
        strategy: "cdc",
        stores: ["db", "search"],
        log: { ...DEFAULT_LOG, acks: 0 },
        network: { default: JITTERY, links: {} },
      }),
    );
    const sent = new Map<string, number[]>();
    const got = new Map<string, number[]>();
    for (const e of t.events) {
      if (e.msg === undefined || e.peer === undefined) continue;
      if (e.type === "send")
        sent.set(`${e.node}->${e.peer}`, [...(sent.get(`${e.node}->${e.peer}`) ?? []), e.msg]);
      if (e.type === "deliver")
        got.set(`${e.peer}->${e.node}`, [...(got.get(`${e.peer}->${e.node}`) ?? []), e.msg]);
    }
    let links = 0;
    for (const [link, order] of got) {
      // A fetch still parked when the run settles may never be answered: delivered is a prefix.
      expect(order, link).toEqual(sent.get(link)?.slice(0, order.length));
      links++;
    }
    expect(links).toBeGreaterThan(5);
    // What the checker makes of this run is in src/check/transport.test.ts.
  });

  it("a reorder spike still lets later messages overtake (a retry on another connection)", () => {
    const t = simulate(
      scriptScenario(sets(30, 2), {
        strategy: "dual-write",
        stores: ["db"],
        network: { default: { ...JITTERY, reorderRate: 0.3 }, links: {} },
      }),
    );
    const sentAt = new Map(eventsOfType(t, "send").map((e) => [e.msg, e.seq]));
    const delivered = eventsOfType(t, "deliver").filter(
      (e) => e.node === "db" && e.peer === "client-1",
    );
    const overtaken = delivered.some(
      (e, i) => i > 0 && (sentAt.get(e.msg) ?? 0) < (sentAt.get(delivered[i - 1].msg) ?? 0),
    );
    expect(overtaken).toBe(true);
  });
});

describe("in-sync replicas (Kafka's lastCaughtUpTimeMs)", () => {
  it("steady writes over plain latency never shrink the ISR nor refuse a write", () => {
    const ops: ScriptOp[] = Array.from({ length: 200 }, (_, i) => ({
      at: 10 + i * 7,
      client: 1 + (i % 3),
      op: "set" as const,
      key: `k${i % 5}`,
      value: i,
    }));
    const t = simulate(
      scriptScenario(ops, {
        strategy: "log",
        clients: 3,
        log: { ...DEFAULT_LOG, acks: "all", minInsyncReplicas: 3 },
        network: { default: { ...JITTERY, delayMsMin: 5, delayMsMax: 25 }, links: {} },
      }),
    );
    expect(eventsOfType(t, "isr-change")).toEqual([]);
    expect(eventsOfType(t, "reject")).toEqual([]);
    expect(eventsOfType(t, "fail")).toEqual([]);
    expect(eventsOfType(t, "ack")).toHaveLength(200);
  });

  it("a follower that stops fetching leaves the ISR once a write makes it lag for the lag time", () => {
    const t = simulate(
      scriptScenario([{ at: 400, client: 1, op: "set", key: "x", value: "A" }], {
        strategy: "log",
        log: { ...DEFAULT_LOG, minInsyncReplicas: 1 },
        schedule: [{ at: 10, kind: "partition", a: ["broker-1"], b: ["broker-3"] }],
      }),
    );
    const shrink = eventsOfType(t, "isr-change")[0];
    expect(shrink?.detail).toBe("broker-1,broker-2");
    expect(shrink?.t).toBeGreaterThan(400);
    expect(shrink?.t).toBeLessThanOrEqual(400 + DEFAULT_LOG.replicaLagMs / 2 + 10);
  });
});

describe("cache-aside reads", () => {
  it("a miss reads the db and fills the cache with the db's value", () => {
    const t = simulate(
      scriptScenario(
        [
          { at: 10, client: 1, op: "set", key: "x", value: "A" },
          { at: 50, client: 1, op: "read", key: "x" },
        ],
        {
          strategy: "dual-write",
          stores: ["db", "cache"],
          schedule: [{ at: 30, kind: "crash", node: "cache", restartAt: 40 }],
        },
      ),
    );
    const reads = eventsOfType(t, "read");
    expect(reads.map((e) => [e.node, e.value])).toEqual([
      ["cache", undefined],
      ["db", "A"],
    ]);
    const fill = eventsOfType(t, "apply", "cache").find((e) => e.detail === "fill");
    expect(fill).toMatchObject({ write: 1, key: "x", value: "A" });
    expect(eventsOfType(t, "ack").find((e) => e.write === 2)?.value).toBe("A");
    expect(t.final.stores.cache).toEqual({ x: "A" });
  });

  it("the cache-aside race: a miss fills an older value that lands after a newer write, and stays", () => {
    // The read reaches the cache (15 ms) before A does (20 ms): a miss; the db answers A.
    const t = simulate(
      scriptScenario(
        [
          { at: 5, client: 2, op: "set", key: "x", value: "A" },
          { at: 10, client: 1, op: "read", key: "x" },
          { at: 30, client: 2, op: "set", key: "x", value: "B" },
        ],
        {
          strategy: "dual-write",
          stores: ["db", "cache"],
          // The db's answer to the reader is slow: the newer write reaches the cache before the fill.
          network: {
            default: { ...JITTERY, delayMsMin: 5, delayMsMax: 5 },
            links: { "db->client-1": { delayMsMin: 30, delayMsMax: 30 } },
          },
        },
      ),
    );
    const cache = eventsOfType(t, "apply", "cache").map(
      (e) => `${e.value}${e.detail === "fill" ? " (fill)" : ""}`,
    );
    expect(cache).toEqual(["A", "B", "A (fill)"]);
    expect(t.final.stores).toMatchObject({ db: { x: "B" }, cache: { x: "A" } });
    // The checker's verdict on this run is in src/check/transport.test.ts.
  });
});
