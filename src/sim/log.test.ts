import { describe, expect, it } from "vitest";
import { DEFAULT_LOG } from "./defaults";
import { simulate } from "./simulate";
import { eventsOfType, runPreset, scriptScenario } from "./test-helpers";
import type { LogOptions, ScheduleEntry, ScriptOp, Trace } from "./types";

const acked = (t: Trace, write: number) =>
  t.events.some((e) => e.type === "ack" && e.write === write);

describe("replicated log", () => {
  it("acks=1: an acknowledged record is lost when the leader dies before replicating it", () => {
    const t = runPreset("acks1-leader-failover");
    expect(acked(t, 1)).toBe(true);
    expect(t.final.log[0]).not.toContain(1);
    expect(eventsOfType(t, "elect")[0]).toMatchObject({ node: "broker-2" });
    const cut = eventsOfType(t, "truncate", "broker-1");
    expect(cut).toHaveLength(1);
    expect(cut[0].offset).toBe(0);
    // No consumer ever saw it: it never got below the high watermark.
    expect(t.events.some((e) => e.type === "apply" && e.write === 1)).toBe(false);
  });

  it("acks=all with minInsyncReplicas 2: the same failure loses nothing acknowledged", () => {
    const t = runPreset("acks-all-leader-failover");
    expect(acked(t, 1)).toBe(true);
    expect(t.final.log[0]).toContain(1);
    for (const store of ["db", "cache", "search"])
      expect(t.final.stores[store]).toEqual({ x: "A", y: "B" });
  });

  it("acks=all refuses writes while the ISR is below minInsyncReplicas", () => {
    const ops: ScriptOp[] = [{ at: 500, client: 1, op: "set", key: "x", value: "A" }];
    const t = simulate(
      scriptScenario(ops, {
        strategy: "log",
        clients: 1,
        log: { ...DEFAULT_LOG, retries: 1 },
        schedule: [
          { at: 1, kind: "crash", node: "broker-2" },
          { at: 1, kind: "crash", node: "broker-3" },
        ],
      }),
    );
    expect(eventsOfType(t, "reject", "broker-1").map((e) => e.detail)).toContain(
      "not-enough-replicas",
    );
    expect(eventsOfType(t, "fail", "client-1")).toHaveLength(1);
    expect(t.final.log[0]).toEqual([]);
  });

  const isolatedLeader = (): ScheduleEntry[] => [
    { at: 0, kind: "partition", a: ["broker-1"], b: ["broker-2", "broker-3"], until: 1400 },
    { at: 700, kind: "crash", node: "broker-1" },
  ];
  const lonely = (unclean: boolean): LogOptions => ({
    ...DEFAULT_LOG,
    acks: "all",
    minInsyncReplicas: 1,
    uncleanLeaderElection: unclean,
  });
  const writes: ScriptOp[] = [
    { at: 10, client: 1, op: "set", key: "x", value: "A" },
    { at: 500, client: 1, op: "set", key: "x", value: "B" },
  ];

  it("min.insync=1 + unclean election: a lone leader acks, dies, and a stale replica takes over (FIDELITY 6.3)", () => {
    const t = simulate(
      scriptScenario(writes, {
        strategy: "log",
        clients: 1,
        log: lonely(true),
        schedule: isolatedLeader(),
      }),
    );
    expect(eventsOfType(t, "isr-change").some((e) => e.detail === "broker-1")).toBe(true);
    expect(acked(t, 2)).toBe(true);
    expect(eventsOfType(t, "elect").some((e) => e.detail?.includes("unclean"))).toBe(true);
    expect(t.final.log[0]).not.toContain(2);
  });

  it("min.insync=1, unclean off: the partition goes offline instead of losing the write", () => {
    const t = simulate(
      scriptScenario(writes, {
        strategy: "log",
        clients: 1,
        log: lonely(false),
        schedule: [...isolatedLeader(), { at: 1500, kind: "restart", node: "broker-1" }],
      }),
    );
    expect(eventsOfType(t, "elect").some((e) => e.detail?.startsWith("offline"))).toBe(true);
    expect(acked(t, 2)).toBe(true);
    expect(t.final.log[0]).toContain(2);
  });

  it("consumers: after-apply replays increments, atomic applies each once, before-apply skips", () => {
    const after = runPreset("consumer-crash-incr");
    const atomic = runPreset("consumer-crash-incr", { log: { ...DEFAULT_LOG, commit: "atomic" } });
    const before = runPreset("consumer-crash-incr", {
      log: { ...DEFAULT_LOG, commit: "before-apply" },
    });
    expect(after.final.stores.db.x).toBe(10);
    expect(after.final.stores.cache.x).toBeGreaterThan(10);
    expect(atomic.final.stores.cache.x).toBe(10);
    expect(before.final.stores.cache.x).toBeLessThan(10);
  });

  it("a store that joins late rebuilds itself by replaying the log from offset 0", () => {
    const log = runPreset("log-replay");
    expect(log.final.stores.search).toEqual(log.final.stores.db);
    const dual = runPreset("log-replay", { strategy: "dual-write" });
    expect(dual.final.stores.search).not.toEqual(dual.final.stores.db);
  });

  it("one order for every consumer: the Kleppmann race ends the same everywhere under log and cdc", () => {
    const dual = runPreset("kleppmann-race");
    expect(dual.final.stores).toEqual({ db: { x: "B" }, search: { x: "A" } });
    for (const strategy of ["log", "cdc"] as const) {
      const t = runPreset("kleppmann-race", { strategy });
      expect(t.final.stores.search).toEqual(t.final.stores.db);
    }
    const versioned = runPreset("kleppmann-race", { versionedWrites: true });
    expect(eventsOfType(versioned, "reject", "search")).toHaveLength(1);
    expect(versioned.final.stores.search).toEqual({ x: "B" });
  });

  it("cdc: a connector crash re-sends unflushed changes, and after-images keep the stores right", () => {
    const t = runPreset("cdc-outbox");
    const ids = t.final.log.flat();
    expect(new Set(ids).size).toBeLessThan(ids.length);
    expect(t.final.stores.cache).toEqual(t.final.stores.db);
    expect(t.final.stores.search).toEqual(t.final.stores.db);
  });

  it("single-db: views change in the same transaction as the db, whatever the preset", () => {
    for (const name of [
      "default",
      "kleppmann-race",
      "crash-between-writes",
      "consumer-crash-incr",
    ]) {
      const t = runPreset(name, { strategy: "single-db" });
      for (const store of Object.keys(t.final.stores))
        expect(t.final.stores[store]).toEqual(t.final.stores.db);
    }
  });
});
