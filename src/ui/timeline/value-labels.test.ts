import { scaleLinear } from "d3";
import { describe, expect, it } from "vitest";
import { tinyTrace } from "./fixtures";
import { buildGeometry } from "./geometry";
import { computeLayout } from "./layout";
import { valueLabels } from "./value-labels";
import type { View } from "./view";

/** The tiny trace's plot, its time axis ending at `end` (the apply on search is at t=9). */
function view(end: number): View {
  const g = buildGeometry(tinyTrace());
  const layout = computeLayout(g.nodes, 600, 300);
  const x = scaleLinear().domain([0, end]).range([layout.plotX0, layout.plotX1]);
  return { g, layout, x, playhead: 20, showFuture: false, uid: "t" };
}

describe("value labels", () => {
  it("sit right of their mark where there is room", () => {
    const v = view(20);
    const labels = valueLabels(v);
    expect(labels.map((l) => l.text)).toEqual(["x=1", "x=1"]);
    for (const l of labels) {
      const e = v.g.eventBySeq(l.seq);
      expect(e).toBeDefined();
      expect(l.box.x).toBeGreaterThan(v.x(e?.t ?? 0));
      expect(l.end).toBe(false);
      expect(l.x).toBe(l.box.x);
    }
  });

  it("flip to the left of a mark near the plot's right edge instead of being clipped there", () => {
    // The apply at t=9 lands a few px inside the right edge: its label would run past it.
    const v = view(9.2);
    const markX = v.x(9);
    expect(markX).toBeLessThan(v.layout.plotX1);
    const label = valueLabels(v).find((l) => v.g.eventBySeq(l.seq)?.node === "search");
    expect(label?.text).toBe("x=1");
    const box = label?.box ?? { x: 0, w: 0 };
    expect(markX + 5 + box.w).toBeGreaterThan(v.layout.plotX1);
    expect(box.x + box.w).toBeLessThanOrEqual(v.layout.plotX1);
    expect(box.x + box.w).toBeLessThan(markX);
    // Drawn anchored at its end, 5 px before the mark, whatever the text's real width.
    expect(label?.end).toBe(true);
    expect(label?.x).toBe(box.x + box.w);
    expect(label?.x).toBeCloseTo(markX - 5, 0);
  });
});
