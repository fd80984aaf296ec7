import { scaleLinear } from "d3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { causeBadges } from "./cause-badges";
import { tinyTrace } from "./fixtures";
import { buildGeometry } from "./geometry";
import { overlaps } from "./label-place";
import { CHAR_EM, computeLayout } from "./layout";
import { resetTextWidth, textWidth } from "./text-width";
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

  it("sit right of a cause step's number, and no value covers a number", () => {
    const v = view(20);
    const apply = v.g.eventBySeq(5);
    expect(apply?.type).toBe("apply");
    const badges = causeBadges(v, [{ seq: 5, t: 5, text: "db applies x = 1", role: "effect" }]);
    expect(badges).toHaveLength(1);
    const [b] = badges;
    const labels = valueLabels(v, badges);
    const own = labels.find((l) => l.seq === 5);
    expect(own).toBeDefined();
    // Right of the number, not under it.
    expect(own?.box.x ?? 0).toBeGreaterThanOrEqual(b.box.x + b.box.w);
    for (const l of labels) expect(overlaps(l.box, b.box)).toBe(false);
    // Without the badge the label sits where the number now is.
    const plain = valueLabels(v).find((l) => l.seq === 5);
    expect(overlaps(plain?.box ?? b.box, b.box)).toBe(true);
  });
});

describe("text width", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    resetTextWidth();
  });

  it("estimates per character where nothing can measure (jsdom, Node)", () => {
    resetTextWidth();
    expect(textWidth("x=A", 10)).toBe(Math.ceil(3 * CHAR_EM * 10));
  });

  it("measures in the plot's font where a canvas can, and labels use it", () => {
    const fonts: string[] = [];
    // A font twice as wide as the estimate: labels placed by the estimate would overlap.
    class FakeCanvas {
      getContext() {
        return {
          font: "",
          measureText(this: { font: string }, text: string) {
            fonts.push(this.font);
            return { width: text.length * 2 * CHAR_EM * 10 + 0.4 };
          },
        };
      }
    }
    vi.stubGlobal("OffscreenCanvas", FakeCanvas);
    resetTextWidth();
    expect(textWidth("x=A", 10)).toBe(Math.ceil(3 * 2 * CHAR_EM * 10 + 0.4));
    expect(fonts).toEqual(["400 10px system-ui, sans-serif"]);
    // Cached: measured once per text and size.
    textWidth("x=A", 10);
    expect(fonts).toHaveLength(1);
    const v = view(20);
    for (const l of valueLabels(v)) expect(l.box.w).toBe(textWidth(l.text, v.layout.textPx));
  });
});
