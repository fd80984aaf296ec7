import { describe, expect, it } from "vitest";
import { check } from "./index";
import { lagStats } from "./metrics";
import { TraceBuilder } from "./trace-builder";

describe("metrics", () => {
  it("summarises lags as min, median and max", () => {
    expect(lagStats([5, 1, 3, 9])).toEqual({ count: 4, minMs: 1, medianMs: 4, maxMs: 9 });
    expect(lagStats([])).toEqual({ count: 0, minMs: 0, medianMs: 0, maxMs: 0 });
  });

  it("counts messages and measures propagation and consumer lag", () => {
    const b = new TraceBuilder({ strategy: "log", stores: ["db", "search"] });
    b.at(10);
    const w = b.op(1, "set", "x", 1);
    const m = b.send("client-1", "broker-1", w, "produce");
    b.duplicate(m);
    b.at(12).deliver(m);
    b.emit("append", "broker-1", { write: w, key: "x", offset: 0, partition: 0 });
    b.emit("hw-advance", "broker-1", { offset: 1, partition: 0 });
    b.at(14).apply("db", w, { offset: 0, partition: 0 });
    b.emit("commit-offset", "consumer-db", { offset: 1, partition: 0 });
    b.at(30).apply("search", w, { offset: 0, partition: 0 });
    b.emit("commit-offset", "consumer-search", { offset: 1, partition: 0 });
    b.drop(m + 1, "loss");
    const { metrics } = check(
      b
        .at(40)
        .ack(w)
        .build({ log: [[w]] }),
    );
    expect(metrics.messages).toEqual({
      sent: 1,
      delivered: 1,
      dropped: 1,
      duplicated: 1,
      droppedByReason: { loss: 1 },
    });
    expect(metrics.propagationLagMs.db).toEqual({ count: 1, minMs: 4, medianMs: 4, maxMs: 4 });
    expect(metrics.propagationLagMs.search.maxMs).toBe(20);
    expect(metrics.consumerLag["consumer-search"]).toEqual({ t: [12, 30], lag: [1, 0] });
    expect(metrics.quiescedAt).toBe(40);
  });
});
