import { describe, expect, it } from "vitest";
import { simulate } from "../../sim/simulate";
import type { TraceEvent } from "../../sim/types";
import { causalParent } from "./causal";
import { preset, tinyTrace } from "./fixtures";
import {
  ARROW_DELIVER,
  ARROW_DROP,
  ARROW_LOST,
  arrowsUpTo,
  buildGeometry,
  partitionSides,
} from "./geometry";
import { aggregate, bucketFor } from "./lod";

describe("geometry", () => {
  it("pairs each send with its delivery or drop, and marks the duplicate copy", () => {
    const g = buildGeometry(tinyTrace());
    expect(g.arrows.n).toBe(3);
    expect(Array.from(g.arrows.kind).sort()).toEqual(
      [ARROW_DELIVER, ARROW_DELIVER, ARROW_DROP].sort(),
    );
    expect(Array.from(g.arrows.dup).filter(Boolean)).toHaveLength(1);
    expect(arrowsUpTo(g.arrows, 0.5)).toBe(0);
    expect(arrowsUpTo(g.arrows, 1)).toBe(3);
    expect(g.crashes).toEqual([expect.objectContaining({ from: 12, to: 16 })]);
  });

  it("finds causal parents: deliver → send, duplicate → original send, apply → invoke", () => {
    const g = buildGeometry(tinyTrace());
    const event = (seq: number) => {
      const e = g.eventBySeq(seq);
      if (!e) throw new Error(`no event ${seq}`);
      return e;
    };
    const parent = (seq: number) => causalParent(g, event(seq))?.seq;
    expect(parent(4)).toBe(1);
    expect(parent(7)).toBe(3);
    expect(parent(3)).toBe(2);
    expect(parent(5)).toBe(0);
    expect(parent(10)).toBe(9);
    expect(parent(0)).toBeUndefined();
  });

  it("reads both partition forms", () => {
    expect(partitionSides("a,b | c")).toEqual([["a", "b"], ["c"]]);
    expect(partitionSides("broker-1 -> broker-2,broker-3")).toEqual([
      ["broker-1"],
      ["broker-2", "broker-3"],
    ]);
  });

  it("aggregates a real run to fewer arrows when zoomed out, losing none", () => {
    const g = buildGeometry(simulate(preset("log-replay")));
    const coarse = aggregate(g, bucketFor(g.endTime / 20), 0, g.endTime, "k");
    expect(coarse.arrows.n).toBeLessThan(g.arrows.n);
    const total = coarse.arrows.count.reduce((s, c) => s + c, 0);
    expect(total).toBe(g.arrows.n);
  });

  it("gives every send one arrow, in send-time order, ending at its deliver or drop or still in flight", () => {
    const seen = new Set<number>();
    for (const name of ["default", "acks1-leader-failover", "consumer-crash-incr"]) {
      const trace = simulate({ ...preset(name), caps: { maxEvents: 1500, maxTimeMs: 600_000 } });
      const g = buildGeometry(trace);
      const sends = trace.events.filter((e) => e.type === "send" || e.type === "duplicate");
      expect(g.arrows.n, name).toBe(sends.length);
      const ends = new Map(
        trace.events
          .filter((e) => e.type === "deliver" || e.type === "drop")
          .map((e) => [e.msg, e]),
      );
      for (let i = 0; i < g.arrows.n; i++) {
        const send = trace.events[g.arrows.sendSeq[i]];
        expect(send.seq).toBe(sends[i].seq);
        expect(g.arrows.sendT[i]).toBe(send.t);
        const end = ends.get(send.msg);
        if (end === undefined) {
          expect(g.arrows.kind[i]).toBe(ARROW_LOST);
          expect(g.arrows.endT[i]).toBe(Number.POSITIVE_INFINITY);
          expect(g.arrows.to[i]).toBe(g.arrows.from[i]);
        } else {
          expect(g.arrows.kind[i]).toBe(end.type === "drop" ? ARROW_DROP : ARROW_DELIVER);
          expect([g.arrows.endSeq[i], g.arrows.endT[i]]).toEqual([end.seq, end.t]);
          expect(g.arrows.to[i]).toBe(g.laneOf.get(end.node));
        }
        expect(g.arrows.dup[i]).toBe(send.type === "duplicate" ? 1 : 0);
        seen.add(g.arrows.kind[i]);
      }
    }
    expect([...seen].sort()).toEqual([ARROW_DELIVER, ARROW_DROP, ARROW_LOST].sort());
  });

  it("drops an arrow whose message id a later send reuses, and sorts a hand-made trace's sends", () => {
    const trace = tinyTrace();
    const row = (e: Omit<TraceEvent, "seq">) =>
      trace.events.push({ ...e, seq: trace.events.length });
    // Message 9, still in flight, is sent again (its first arrow is dropped); a send listed
    // last happened at t=0.7 (the sends are not in time order).
    row({ t: 0.5, type: "send", node: "client-1", peer: "search", msg: 9, write: 1 });
    row({ t: 15, type: "send", node: "client-1", peer: "db", msg: 9, write: 1 });
    row({ t: 16, type: "deliver", node: "db", peer: "client-1", msg: 9, write: 1 });
    row({ t: 0.7, type: "send", node: "client-1", peer: "search", msg: 10, write: 1 });
    const g = buildGeometry(trace);
    const a = g.arrows;
    expect(a.n).toBe(5);
    expect(Array.from(a.sendT)).toEqual([0.7, 1, 1, 1, 15]);
    expect(Array.from(a.sendSeq)).toEqual([15, 1, 2, 3, 13]);
    expect(Array.from(a.endT)).toEqual([Number.POSITIVE_INFINITY, 5, 8, 9, 16]);
    expect(Array.from(a.kind)).toEqual([
      ARROW_LOST,
      ARROW_DELIVER,
      ARROW_DROP,
      ARROW_DELIVER,
      ARROW_DELIVER,
    ]);
    expect(Array.from(a.dup)).toEqual([0, 0, 0, 1, 0]);
    // A message still in flight ends on its sender's lane.
    expect(Array.from(a.to)).toEqual(
      ["client-1", "db", "search", "search", "db"].map((n) => g.laneOf.get(n)),
    );
    expect(a.maxFlight).toBe(8);
  });
});
