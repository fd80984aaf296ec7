import { describe, expect, it } from "vitest";
import { simulate } from "../../sim/simulate";
import { causalParent } from "./causal";
import { preset, tinyTrace } from "./fixtures";
import { ARROW_DELIVER, ARROW_DROP, arrowsUpTo, buildGeometry, partitionSides } from "./geometry";
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
});
