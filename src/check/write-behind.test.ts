import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate";
import { scriptScenario } from "../sim/test-helpers";
import type { Scenario } from "../sim/types";
import { check, countByKind } from "./index";

const cutOffDb = (ackAfter: "all" | "first"): Scenario =>
  scriptScenario([{ at: 100, client: 1, op: "set", key: "x", value: "B" }], {
    clients: 1,
    dualWrite: { order: "parallel", retries: 1, timeoutMs: 100, ackAfter },
    schedule: [{ at: 50, kind: "partition", a: ["client-1"], b: ["db"], until: 500 }],
  });

describe("dual writes acknowledged after the first store (write-behind)", () => {
  it("acknowledge a write the db never gets: a durability anomaly", () => {
    const trace = simulate(cutOffDb("first"));
    expect(trace.events.some((e) => e.type === "ack" && e.write === 1)).toBe(true);
    expect(trace.final.stores.db.x).toBeUndefined();
    const counts = countByKind(check(trace).anomalies);
    expect(counts.durability).toBe(1);
  });

  it("waiting for every store tells the client the write failed instead: no durability anomaly", () => {
    const trace = simulate(cutOffDb("all"));
    expect(trace.events.some((e) => e.type === "fail" && e.write === 1)).toBe(true);
    const counts = countByKind(check(trace).anomalies);
    expect(counts.durability).toBe(0);
    expect(counts.atomicity).toBe(1);
  });

  it("keeps the run going until the background writes have settled", () => {
    const trace = simulate(cutOffDb("first"));
    const lastRetryOrTimeout = Math.max(
      ...trace.events.filter((e) => e.type === "timeout" || e.type === "retry").map((e) => e.t),
    );
    expect(trace.quiescedAt).not.toBeNull();
    expect(trace.quiescedAt ?? 0).toBeGreaterThanOrEqual(lastRetryOrTimeout);
  });
});
