import { describe, expect, it } from "vitest";
import { simulate } from "./simulate";
import { eventsOfType, scriptScenario } from "./test-helpers";
import type { ScriptOp } from "./types";

const oneWrite: ScriptOp[] = [{ at: 10, client: 1, op: "set", key: "x", value: "A" }];

describe("network faults", () => {
  it("drops every message on a link with dropRate 1, and only there", () => {
    const t = simulate(
      scriptScenario(oneWrite, {
        clients: 1,
        dualWrite: { order: "parallel", retries: 1, timeoutMs: 50, ackAfter: "all" },
        network: {
          default: {
            delayMsMin: 5,
            delayMsMax: 5,
            dropRate: 0,
            duplicateRate: 0,
            reorderRate: 0,
            reorderSpikeMs: 60,
          },
          links: { "client-1->cache": { dropRate: 1 } },
        },
      }),
    );
    const drops = eventsOfType(t, "drop");
    expect(drops.length).toBe(2); // the first attempt and one retry
    expect(
      drops.every((e) => e.node === "cache" && e.peer === "client-1" && e.detail === "loss"),
    ).toBe(true);
    expect(eventsOfType(t, "apply", "cache")).toHaveLength(0);
    expect(eventsOfType(t, "apply", "db")).toHaveLength(1);
    expect(eventsOfType(t, "fail", "client-1")[0]?.detail).toBe("cache unreachable");
  });

  it("duplicates messages, and a duplicated increment is applied twice", () => {
    const t = simulate(
      scriptScenario([{ at: 10, client: 1, op: "incr", key: "n", value: 1 }], {
        clients: 1,
        stores: ["db"],
        network: {
          default: {
            delayMsMin: 5,
            delayMsMax: 5,
            dropRate: 0,
            duplicateRate: 0,
            reorderRate: 0,
            reorderSpikeMs: 60,
          },
          links: { "client-1->db": { duplicateRate: 1 } },
        },
      }),
    );
    const dup = eventsOfType(t, "duplicate");
    expect(dup).toHaveLength(1);
    expect(dup[0].ref).toBeDefined();
    expect(eventsOfType(t, "apply", "db").map((e) => e.value)).toEqual([1, 2]);
    expect(t.final.stores.db.n).toBe(2);
  });

  it("reorders: a spiked message arrives after a later one", () => {
    const ops: ScriptOp[] = [
      { at: 10, client: 1, op: "set", key: "x", value: "A" },
      { at: 12, client: 2, op: "set", key: "x", value: "B" },
    ];
    const t = simulate(
      scriptScenario(ops, {
        stores: ["db"],
        network: {
          default: {
            delayMsMin: 5,
            delayMsMax: 5,
            dropRate: 0,
            duplicateRate: 0,
            reorderRate: 0,
            reorderSpikeMs: 60,
          },
          links: { "client-1->db": { reorderRate: 1, reorderSpikeMs: 30 } },
        },
      }),
    );
    expect(eventsOfType(t, "apply", "db").map((e) => e.value)).toEqual(["B", "A"]);
    expect(eventsOfType(t, "deliver", "db")[1].t).toBe(10 + 5 + 30);
  });

  it("a one-way partition cuts only one direction", () => {
    const t = simulate(
      scriptScenario(oneWrite, {
        clients: 1,
        stores: ["db"],
        dualWrite: { order: "sequential", retries: 0, timeoutMs: 50, ackAfter: "all" },
        schedule: [
          { at: 0, kind: "partition", a: ["db"], b: ["client-1"], oneWay: true, until: 1000 },
        ],
      }),
    );
    expect(eventsOfType(t, "apply", "db")).toHaveLength(1); // client -> db still flows
    const drops = eventsOfType(t, "drop");
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ node: "client-1", peer: "db", detail: "partition" });
    expect(eventsOfType(t, "timeout", "client-1")).toHaveLength(1);
  });

  it("a symmetric partition cuts both directions until it heals", () => {
    const ops: ScriptOp[] = [
      { at: 10, client: 1, op: "set", key: "x", value: "A" },
      { at: 300, client: 1, op: "set", key: "x", value: "B" },
    ];
    const t = simulate(
      scriptScenario(ops, {
        clients: 1,
        stores: ["db", "search"],
        dualWrite: { order: "sequential", retries: 0, timeoutMs: 50, ackAfter: "all" },
        schedule: [{ at: 0, kind: "partition", a: ["search"], b: ["client-1"], until: 200 }],
      }),
    );
    expect(eventsOfType(t, "drop")[0]).toMatchObject({ node: "search", detail: "partition" });
    expect(eventsOfType(t, "heal")).toHaveLength(1);
    expect(eventsOfType(t, "apply", "search").map((e) => e.value)).toEqual(["B"]);
  });

  it("a crashed cache forgets everything; db and search keep their state", () => {
    const ops: ScriptOp[] = [
      { at: 10, client: 1, op: "set", key: "x", value: "A" },
      { at: 200, client: 1, op: "set", key: "y", value: "B" },
    ];
    const t = simulate(
      scriptScenario(ops, {
        clients: 1,
        schedule: [{ at: 100, kind: "crash", node: "cache", restartAt: 150 }],
      }),
    );
    expect(eventsOfType(t, "crash", "cache")).toHaveLength(1);
    expect(eventsOfType(t, "restart", "cache")).toHaveLength(1);
    expect(t.final.stores.cache).toEqual({ y: "B" });
    expect(t.final.stores.db).toEqual({ x: "A", y: "B" });
    expect(t.final.stores.search).toEqual({ x: "A", y: "B" });
  });

  it("messages to a crashed node are dropped as 'crashed'", () => {
    const t = simulate(
      scriptScenario(oneWrite, {
        clients: 1,
        stores: ["db"],
        dualWrite: { order: "sequential", retries: 0, timeoutMs: 50, ackAfter: "all" },
        schedule: [{ at: 0, kind: "crash", node: "db" }],
      }),
    );
    expect(eventsOfType(t, "drop")[0]).toMatchObject({ node: "db", detail: "crashed" });
    expect(eventsOfType(t, "fail", "client-1")).toHaveLength(1);
  });
});
