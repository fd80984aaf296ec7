import { describe, expect, it } from "vitest";
import { anomaliesAt, check, countByKind } from "./index";
import { TraceBuilder } from "./trace-builder";
import type { Report } from "./types";

const kinds = (r: Report) => [...new Set(r.anomalies.map((a) => a.kind))].sort();

/** Two clients race on x; db applies A then B, search applies B then A. */
function kleppmannRace() {
  const b = new TraceBuilder({ stores: ["db", "search"] });
  b.at(10);
  const a = b.op(1, "set", "x", 1);
  const bb = b.op(2, "set", "x", 2);
  b.at(12).apply("db", a);
  b.at(13).apply("db", bb);
  b.at(15).apply("search", bb);
  b.at(30).apply("search", a);
  b.at(31).ack(a).ack(bb);
  return b.build();
}

describe("check on hand-built traces", () => {
  it("finds nothing in a clean run", () => {
    const b = new TraceBuilder();
    b.at(10).writeAll(1, "set", "x", 1, ["db", "cache", "search"]);
    b.at(20).writeAll(2, "incr", "y", 3, ["db", "cache", "search"]);
    b.at(30).writeAll(1, "set", "x", 2, ["db", "cache", "search"]);
    const r = b.op(2, "read", "x");
    b.at(31).read("cache", r).ack(r);
    const report = check(b.build());
    expect(report.anomalies).toEqual([]);
    expect(report.quiescedAt).toBe(31);
  });

  it("atomicity: the client crashes between the db write and the cache write", () => {
    const b = new TraceBuilder({ stores: ["db", "cache"] });
    b.at(10);
    const w = b.op(1, "set", "x", 42);
    b.at(15).apply("db", w);
    b.at(20).crash("client-1");
    const report = check(b.at(100).build());
    expect(kinds(report)).toEqual(["atomicity"]);
    const [a] = report.anomalies;
    expect(a).toMatchObject({
      key: "x",
      writes: [w],
      detectedAt: 20,
      state: "confirmed",
      confirmedAt: 100,
    });
    expect(a.stores).toEqual(["db", "cache"]);
    expect(a.explanation).toBe(
      "Write #1 (x = 42) reached db but never reached cache: the client client-1 crashed before it finished.",
    );
  });

  it("atomicity: an orphan in a derived store that the db never committed", () => {
    const b = new TraceBuilder({ stores: ["db", "cache"] });
    b.at(10);
    const w = b.op(1, "set", "x", 7);
    const m = b.send("client-1", "db", w);
    b.at(12).drop(m, "partition");
    b.at(14).apply("cache", w);
    const report = check(b.at(50).build());
    const atom = report.anomalies.filter((a) => a.kind === "atomicity");
    expect(atom).toHaveLength(1);
    expect(atom[0].detectedAt).toBe(14);
    expect(atom[0].explanation).toContain("never reached db, though db is the system of record");
    expect(atom[0].explanation).toContain("cut off by a network partition");
  });

  it("isolation: two increments applied in different orders (values still agree)", () => {
    const b = new TraceBuilder({ stores: ["db", "search"] });
    b.at(10);
    const a = b.op(1, "incr", "n", 1);
    const c = b.op(2, "incr", "n", 2);
    b.at(11).apply("db", a);
    b.at(12).apply("db", c);
    b.at(13).apply("search", c);
    b.at(14).apply("search", a);
    const report = check(b.at(20).build());
    expect(kinds(report)).toEqual(["isolation"]);
    expect(report.anomalies[0]).toMatchObject({
      writes: [a, c],
      detectedAt: 14,
      state: "confirmed",
    });
    expect(report.anomalies[0].events).toHaveLength(4);
  });

  it("isolation and consistency: the Kleppmann race", () => {
    const report = check(kleppmannRace());
    expect(countByKind(report.anomalies)).toMatchObject({ isolation: 1, consistency: 1 });
    expect(kinds(report)).toEqual(["consistency", "isolation"]);
    const iso = report.anomalies.find((a) => a.kind === "isolation");
    expect(iso?.detectedAt).toBe(30);
    expect(iso?.explanation).toBe(
      "db applied write #1 (x = 1) before write #2 (x = 2) but search applied them the other way round, so search ends with x = 1 while db ends with x = 2.",
    );
    const con = report.anomalies.find((a) => a.kind === "consistency");
    expect(con).toMatchObject({ detectedAt: 30, state: "confirmed", stores: ["db", "search"] });
    expect(con?.explanation).toBe("At the end search holds x = 1 while db holds x = 2.");
  });

  it("consistency: a store added late is never backfilled", () => {
    const b = new TraceBuilder({ stores: ["db", "search"] });
    b.scenario.schedule.push({ at: 50, kind: "add-store", store: "search" });
    b.at(10).writeAll(1, "set", "x", 1, ["db"]);
    b.at(50).emit("add-store", "search");
    const report = check(b.at(80).build());
    expect(kinds(report)).toEqual(["consistency"]);
    expect(report.anomalies[0]).toMatchObject({ detectedAt: 80, state: "confirmed" });
    expect(report.anomalies[0].explanation).toBe(
      "At the end search has no value for x while db holds x = 1.",
    );
  });

  it("durability: an acks=1 write is lost when a follower without it is elected, not when its leader crashes", () => {
    const b = new TraceBuilder({ strategy: "log", stores: ["db", "search"] });
    b.at(10);
    const w = b.op(1, "set", "x", 5);
    b.at(11).emit("append", "broker-1", { write: w, key: "x", offset: 0, partition: 0 });
    b.at(12).ack(w);
    b.at(20).crash("broker-1");
    b.at(120).emit("elect", "broker-2", { partition: 0, detail: "epoch 1" });
    const report = check(b.at(200).build({ log: [[]] }));
    expect(kinds(report)).toEqual(["durability"]);
    expect(report.anomalies[0]).toMatchObject({ writes: [w], detectedAt: 120, state: "confirmed" });
    expect(report.anomalies[0].explanation).toBe(
      "Write #1 (x = 5) was acknowledged to client-1 but is not in the log at the end: broker-2 became leader without having it.",
    );
  });

  it("duplicate: an increment applied twice by one store", () => {
    const b = new TraceBuilder({ stores: ["db"] });
    b.at(10);
    const w = b.op(1, "incr", "n", 5);
    b.at(12).apply("db", w);
    b.at(40).apply("db", w);
    const report = check(b.at(50).ack(w).build());
    expect(kinds(report)).toEqual(["duplicate"]);
    expect(report.anomalies[0]).toMatchObject({
      detectedAt: 40,
      state: "confirmed",
      confirmedAt: 40,
    });
    expect(report.anomalies[0].explanation).toBe(
      "db applied write #1 (n += 5) twice, so n went up by 10 instead of 5.",
    );
  });

  it("a set applied twice is harmless, and a cache that crashed starts afresh", () => {
    const b = new TraceBuilder({ stores: ["db", "cache"] });
    b.at(10);
    const s = b.op(1, "set", "x", 1);
    b.apply("db", s).apply("db", s).apply("cache", s);
    const w = b.op(1, "incr", "n", 1);
    b.at(11).apply("db", w).apply("cache", w);
    b.at(12).crash("cache");
    b.at(13).apply("cache", w);
    b.at(14).crash("cache");
    expect(check(b.at(20).build()).anomalies).toEqual([]);
  });

  it("stale read: a client does not see its own acknowledged write", () => {
    const b = new TraceBuilder({ strategy: "log", stores: ["db", "search"] });
    b.at(10);
    const w1 = b.op(2, "set", "x", 0);
    b.at(11).apply("db", w1).apply("search", w1).ack(w1);
    b.at(20);
    const w2 = b.op(1, "set", "x", 1);
    b.at(21).ack(w2);
    const r = b.op(1, "read", "x");
    b.at(22).read("search", r).ack(r);
    b.at(25).apply("db", w2).apply("search", w2);
    const report = check(b.at(30).build({ log: [[w1, w2]] }));
    expect(kinds(report)).toEqual(["stale-read"]);
    expect(report.anomalies[0]).toMatchObject({ writes: [r, w2, w1], detectedAt: 22 });
    expect(report.anomalies[0].explanation).toBe(
      "client-1 read x = 0 (from write #1) in search, which did not have write #2 (x = 1) that client-1 had already been told succeeded.",
    );
  });

  it("stale read: an old write resurfaces over the reader's own", () => {
    const b = new TraceBuilder({ stores: ["db"] });
    b.at(10);
    const old = b.op(2, "set", "x", 0);
    b.at(11).apply("db", old).ack(old);
    b.at(20);
    const mine = b.op(1, "set", "x", 1);
    b.at(21).apply("db", mine).ack(mine);
    b.at(22).apply("db", old); // a delayed duplicate of the old write
    const r = b.op(1, "read", "x");
    b.at(23).read("db", r).ack(r);
    const report = check(b.at(30).build());
    expect(kinds(report)).toEqual(["stale-read"]);
    expect(report.anomalies[0].explanation).toBe(
      "client-1 read x = 0 (from write #1) in db, though write #1 had finished before client-1's own acknowledged write #2 (x = 1) began.",
    );
  });

  it("a concurrent write landing on top of the reader's own is not stale", () => {
    const b = new TraceBuilder({ stores: ["db"] });
    b.at(10);
    const other = b.op(2, "incr", "n", 1);
    const mine = b.op(1, "incr", "n", 1);
    b.at(11).apply("db", mine).ack(mine);
    b.at(12).apply("db", other).ack(other);
    const r = b.op(1, "read", "n");
    b.at(13).read("db", r).ack(r);
    expect(check(b.at(20).build()).anomalies).toEqual([]);
  });

  it("a cache miss is not a stale read", () => {
    const b = new TraceBuilder({ stores: ["db", "cache"] });
    b.at(10).writeAll(1, "set", "x", 1, ["db", "cache"]);
    b.at(11).crash("cache");
    const r = b.op(1, "read", "x");
    b.at(12).read("cache", r).read("db", r).ack(r);
    expect(check(b.at(20).build()).anomalies).toEqual([]);
  });

  it("atomicity in the log: a record every store skipped", () => {
    const b = new TraceBuilder({ strategy: "log", stores: ["db", "search"] });
    b.at(10);
    const w = b.op(1, "set", "x", 3);
    b.at(11).emit("append", "broker-1", { write: w, key: "x", offset: 0, partition: 0 });
    b.at(12).ack(w);
    b.at(15).crash("consumer-search");
    b.at(16).apply("db", w);
    const report = check(b.at(40).build({ log: [[w]] }));
    const atom = report.anomalies.find((a) => a.kind === "atomicity");
    expect(atom?.detectedAt).toBe(15);
    expect(atom?.explanation).toBe(
      "Write #1 (x = 3) is in the log and reached db but search never applied it: consumer-search crashed.",
    );
  });

  it("an isolation inversion undone by a re-apply is healed", () => {
    const b = new TraceBuilder({ stores: ["db", "search"] });
    b.at(10);
    const a = b.op(1, "set", "x", 1);
    const c = b.op(2, "set", "x", 2);
    b.at(11).apply("db", a).apply("db", c);
    b.at(12).apply("search", c);
    b.at(13).apply("search", a);
    b.at(18).apply("search", c);
    const report = check(b.at(30).build());
    const iso = report.anomalies.find((x) => x.kind === "isolation");
    expect(iso).toMatchObject({ detectedAt: 13, healedAt: 18, state: "healed" });
    const con = report.anomalies.find((x) => x.kind === "consistency");
    expect(con).toMatchObject({ detectedAt: 13, healedAt: 18, state: "healed" });
    expect(anomaliesAt(report, 12)).toEqual([]);
    expect(anomaliesAt(report, 15).map((x) => x.state)).toEqual(["suspected", "suspected"]);
    expect(anomaliesAt(report, 18).map((x) => x.state)).toEqual(["healed", "healed"]);
  });

  it("a capped run leaves end-state findings suspected", () => {
    const b = new TraceBuilder({ stores: ["db", "cache"] });
    b.at(10);
    const w = b.op(1, "set", "x", 42);
    b.at(15).apply("db", w);
    const report = check(b.at(100).build({ quiescedAt: null }));
    expect(report.anomalies.map((a) => [a.kind, a.state, a.detectedAt])).toEqual([
      ["atomicity", "suspected", 100],
    ]);
  });
});

describe("anomaliesAt", () => {
  it("never shows an anomaly before its detection, nor a state before it holds", () => {
    const report = check(kleppmannRace());
    for (const a of report.anomalies) {
      expect(anomaliesAt(report, a.detectedAt - 1).some((x) => x.id === a.id)).toBe(false);
      const now = anomaliesAt(report, a.detectedAt).find((x) => x.id === a.id);
      expect(now?.state).toBe("suspected");
      expect(now?.confirmedAt).toBeUndefined();
      const later = anomaliesAt(report, a.confirmedAt ?? 0).find((x) => x.id === a.id);
      expect(later?.state).toBe("confirmed");
    }
  });

  it("returns plain JSON", () => {
    const report = check(kleppmannRace());
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
