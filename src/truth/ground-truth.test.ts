import { describe, expect, it } from "vitest";
import { defaultScenario } from "../sim/defaults";
import type {
  OpKind,
  ScheduleEntry,
  StoreName,
  Strategy,
  Trace,
  TraceEvent,
  WriteOp,
} from "../sim/types";
import { groundTruth } from "./ground-truth";

/** The oracle's rules on tiny hand-written traces (its own builder: nothing shared with src/check). */

type Fields = Omit<TraceEvent, "t" | "seq" | "type" | "node">;

interface Spec {
  strategy: Strategy;
  stores?: StoreName[];
  schedule?: ScheduleEntry[];
  partitions?: number;
  ops: Array<[OpKind, string, string | number]>;
  /** `[type, node, fields]`, one ms apart. */
  events: Array<[TraceEvent["type"], string, Fields?]>;
  log?: number[][];
  offline?: boolean[];
  quiesced?: boolean;
}

function trace(spec: Spec): Trace {
  const base = defaultScenario();
  const writes: WriteOp[] = spec.ops.map(([op, key, value], i) => ({
    id: i + 1,
    at: i,
    client: 1,
    op,
    key,
    value,
  }));
  const events: TraceEvent[] = spec.events.map(([type, node, fields], i) => ({
    t: i,
    seq: i + 1,
    type,
    node,
    ...fields,
  }));
  // Final store values: the last apply per store and key, a cache crash forgetting everything.
  const stores: Record<string, Record<string, string | number>> = {};
  for (const e of events) {
    if (e.type === "crash" && e.node === "cache") stores.cache = {};
    if (e.type === "apply" && e.key !== undefined && e.value !== undefined)
      stores[e.node] = { ...stores[e.node], [e.key]: e.value };
  }
  const end = events.length;
  return {
    scenario: {
      ...base,
      strategy: spec.strategy,
      stores: spec.stores ?? ["db", "cache"],
      schedule: spec.schedule ?? [],
      log: { ...base.log, partitions: spec.partitions ?? 1 },
      workload: { kind: "script", ops: [] },
    },
    nodes: [],
    writes,
    events,
    quiescedAt: spec.quiesced === false ? null : end,
    capped: null,
    endTime: end,
    traceHash: "",
    final: { stores, log: spec.log ?? [], offline: spec.offline ?? [] },
  };
}

const apply = (write: number, key: string, value: string | number, more: Fields = {}): Fields => ({
  write,
  key,
  value,
  detail: "set",
  ...more,
});
const incr = (write: number, key: string, value: number): Fields => ({
  write,
  key,
  value,
  detail: "incr",
});

describe("ground truth: order (e)", () => {
  it("dual-write: a store's writes must be a subsequence of the db's", () => {
    const t = trace({
      strategy: "dual-write",
      ops: [
        ["set", "x", "A"],
        ["set", "x", "B"],
      ],
      events: [
        ["apply", "db", apply(1, "x", "A")],
        ["apply", "db", apply(2, "x", "B")],
        ["apply", "cache", apply(2, "x", "B")],
        ["apply", "cache", apply(1, "x", "A")],
      ],
    });
    const left = groundTruth(t).offPath.get("cache:x");
    expect(left?.write).toBe(1);
  });

  it("dual-write: repeats of the current write and orphans stay on the path", () => {
    const t = trace({
      strategy: "dual-write",
      ops: [
        ["set", "x", "A"],
        ["set", "x", "B"],
        ["set", "x", "C"],
      ],
      events: [
        ["apply", "db", apply(1, "x", "A")],
        ["apply", "cache", apply(1, "x", "A")],
        ["apply", "cache", apply(1, "x", "A")],
        ["apply", "cache", apply(3, "x", "C")],
        ["apply", "db", apply(2, "x", "B")],
        ["apply", "cache", apply(2, "x", "B")],
      ],
    });
    expect(groundTruth(t).offPath.get("cache:x")).toBeNull();
  });

  it("dual-write: a cache that lost its state starts its walk again", () => {
    const t = trace({
      strategy: "dual-write",
      ops: [
        ["set", "x", "A"],
        ["set", "x", "B"],
      ],
      events: [
        ["apply", "db", apply(1, "x", "A")],
        ["apply", "db", apply(2, "x", "B")],
        ["apply", "cache", apply(2, "x", "B")],
        ["crash", "cache"],
        ["apply", "cache", apply(1, "x", "A")],
      ],
    });
    expect(groundTruth(t).offPath.get("cache:x")).toBeNull();
  });

  it("log: a replay back to an earlier offset is on the path; a reused offset is not", () => {
    const ops: Spec["ops"] = [
      ["set", "x", "A"],
      ["set", "x", "B"],
      ["set", "x", "C"],
    ];
    const at = (write: number, offset: number, value: string) =>
      apply(write, "x", value, { offset, partition: 0 });
    const replay = trace({
      strategy: "log",
      ops,
      log: [[1, 2]],
      events: [
        ["apply", "cache", at(1, 0, "A")],
        ["apply", "cache", at(2, 1, "B")],
        ["apply", "cache", at(1, 0, "A")],
        ["apply", "cache", at(2, 1, "B")],
      ],
    });
    expect(groundTruth(replay).offPath.get("cache:x")).toBeNull();
    const reused = trace({
      strategy: "log",
      ops,
      log: [[1, 3]],
      events: [
        ["apply", "cache", at(1, 0, "A")],
        ["apply", "cache", at(2, 1, "B")],
        ["apply", "cache", at(3, 1, "C")],
      ],
    });
    expect(groundTruth(reused).offPath.get("cache:x")?.write).toBe(2);
  });

  it("log: a cache-aside fill of an older value after the consumer's apply leaves the path", () => {
    const t = trace({
      strategy: "log",
      ops: [
        ["set", "x", "A"],
        ["set", "x", "B"],
      ],
      log: [[1, 2]],
      events: [
        ["apply", "cache", apply(1, "x", "A", { offset: 0, partition: 0 })],
        ["apply", "cache", apply(2, "x", "B", { offset: 1, partition: 0 })],
        ["apply", "cache", { write: 1, key: "x", value: "A", detail: "fill" }],
      ],
    });
    expect(groundTruth(t).offPath.get("cache:x")?.detail).toBe("fill");
  });

  it("cdc: an apply must carry the db's commit-log position of the same write", () => {
    const ops: Spec["ops"] = [
      ["set", "x", "A"],
      ["set", "y", "B"],
    ];
    const db: Spec["events"] = [
      ["apply", "db", apply(1, "x", "A")],
      ["apply", "db", apply(2, "y", "B")],
    ];
    const ok = trace({
      strategy: "cdc",
      ops,
      events: [
        ...db,
        ["apply", "cache", apply(2, "y", "B", { ref: 2 })],
        ["apply", "cache", apply(1, "x", "A", { ref: 1 })],
      ],
    });
    expect([...groundTruth(ok).offPath.values()]).toEqual([null, null]);
    const wrong = trace({
      strategy: "cdc",
      ops,
      events: [...db, ["apply", "cache", apply(1, "x", "A", { ref: 2 })]],
    });
    expect(groundTruth(wrong).offPath.get("cache:x")?.write).toBe(1);
  });
});

describe("ground truth: the other facts", () => {
  it("(a) lost acks: never applied by the db and not rejected; under log not in the final log (an offline partition's is the log it waits for)", () => {
    const dual = trace({
      strategy: "dual-write",
      ops: [
        ["set", "x", "A"],
        ["set", "x", "B"],
        ["read", "x", ""],
      ],
      events: [
        ["ack", "client-1", { write: 1 }],
        ["reject", "db", { write: 2, key: "x" }],
        ["ack", "client-1", { write: 2 }],
        ["ack", "client-1", { write: 3 }],
      ],
    });
    expect(groundTruth(dual).lostAcked).toEqual(new Set([1]));
    const ops: Spec["ops"] = [["set", "x", "A"]];
    const events: Spec["events"] = [["ack", "client-1", { write: 1 }]];
    expect(groundTruth(trace({ strategy: "log", ops, events, log: [[]] })).lostAcked).toEqual(
      new Set([1]),
    );
    // Offline, waiting for a replica that never got it (acks=0 to a dead broker): lost.
    const gone = trace({ strategy: "log", ops, events, log: [[]], offline: [true] });
    expect(groundTruth(gone).lostAcked).toEqual(new Set([1]));
    // Offline, waiting for the replica that holds it: unavailable, not lost.
    const waiting = trace({ strategy: "log", ops, events, log: [[1]], offline: [true] });
    expect(groundTruth(waiting).lostAcked).toEqual(new Set());
  });

  it("(b) duplicates: an increment applied twice in one store's life; single-db counts the db", () => {
    const events: Spec["events"] = [
      ["apply", "db", incr(1, "x", 1)],
      ["apply", "cache", incr(1, "x", 1)],
      ["crash", "cache"],
      ["apply", "cache", incr(1, "x", 1)],
      ["apply", "db", incr(1, "x", 2)],
      ["apply", "cache", incr(1, "x", 2)],
    ];
    const ops: Spec["ops"] = [["incr", "x", 1]];
    expect(groundTruth(trace({ strategy: "dual-write", ops, events })).duplicates).toEqual(
      new Set(["db:1", "cache:1"]),
    );
    expect(groundTruth(trace({ strategy: "single-db", ops, events })).duplicates).toEqual(
      new Set(["db:1"]),
    );
  });

  it("(c) partial writes: held somewhere, missed by a target that did not refuse it", () => {
    const t = trace({
      strategy: "dual-write",
      stores: ["db", "cache", "search"],
      schedule: [{ at: 0, kind: "add-store", store: "search" }],
      ops: [
        ["set", "x", "A"],
        ["set", "x", "B"],
        ["set", "x", "C"],
        ["set", "x", "D"],
      ],
      events: [
        ["invoke", "client-1", { write: 1 }],
        ["apply", "db", apply(1, "x", "A")],
        ["add-store", "search"],
        ["invoke", "client-1", { write: 2 }],
        ["apply", "db", apply(2, "x", "B")],
        ["apply", "cache", apply(2, "x", "B")],
        ["invoke", "client-1", { write: 3 }],
        ["apply", "db", apply(3, "x", "C")],
        ["apply", "search", apply(3, "x", "C")],
        ["reject", "cache", { write: 3, key: "x" }],
        ["invoke", "client-1", { write: 4 }],
        ["apply", "cache", apply(4, "x", "D")],
        ["crash", "cache"],
      ],
    });
    // 1: the cache missed it but crashed later, forgetting it anyway; search joined after its
    // invoke. 2: search (joined) missed it. 3: the cache refused it. 4: only the cache had it, and
    // forgot it: held nowhere.
    expect(groundTruth(t).partialWrites).toEqual(new Set([2]));
    expect(groundTruth({ ...t, quiescedAt: null }).partialWrites).toEqual(new Set());
    // Without the crash, 1 is missing from the cache and 4 from the db (and search).
    const kept = { ...t, events: t.events.filter((e) => e.type !== "crash") };
    expect(groundTruth(kept).partialWrites).toEqual(new Set([1, 2, 4]));
  });

  it("(d) end divergence: final values differ; a cache miss is not a divergence", () => {
    const t = trace({
      strategy: "log",
      stores: ["db", "cache", "search"],
      ops: [
        ["set", "x", "A"],
        ["incr", "y", 2],
        ["incr", "y", 3],
      ],
      log: [[1, 2, 3]],
      events: [
        ["apply", "db", apply(1, "x", "A", { offset: 0, partition: 0 })],
        ["apply", "db", incr(2, "y", 2)],
        ["apply", "db", incr(3, "y", 5)],
        ["apply", "search", incr(2, "y", 2)],
      ],
    });
    expect(groundTruth(t).endDivergence).toEqual(new Set(["search:x", "search:y"]));
    expect(groundTruth(t).finalStateMismatches).toEqual([]);
  });

  it("(f) offline partitions: an `offline` elect until another elect of the partition", () => {
    const t = trace({
      strategy: "log",
      partitions: 2,
      ops: [],
      events: [
        ["elect", "broker-1", { partition: 0, detail: "offline: no in-sync replica is alive" }],
        ["elect", "broker-2", { partition: 1, detail: "offline: no in-sync replica is alive" }],
        ["elect", "broker-1", { partition: 0, detail: "epoch 2; isr broker-1" }],
      ],
    });
    expect(groundTruth(t).offlinePartitions).toEqual([1]);
  });
});
