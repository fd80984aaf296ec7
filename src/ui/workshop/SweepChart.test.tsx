import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { defaultScenario } from "../../sim/defaults";
import { STRATEGIES } from "../../sim/types";
import { NOT_RUN, pointsFromMasks, runChunk, runCount, type SweepSpec } from "../../workshop/sweep";
import { legendLayout, STRATEGY_DASH, SweepChart } from "./SweepChart";
import { SweepTable } from "./SweepTable";
import type { SweepResults } from "./workshop-store";

const spec: SweepSpec = {
  scenario: defaultScenario(),
  strategies: [...STRATEGIES],
  param: "dropRate",
  values: [0, 0.2],
  seeds: 6,
};

function results(cancelAfter = Number.POSITIVE_INFINITY): SweepResults {
  const total = runCount(spec);
  const masks = runChunk(spec, 0, total).map((m, i) => (i < cancelAfter ? m : NOT_RUN));
  return {
    spec,
    points: pointsFromMasks(spec, masks),
    cancelled: cancelAfter < total,
    elapsedMs: 1,
  };
}

describe("SweepChart", () => {
  it("lays the legend out without overlap, wrapping rather than running over", () => {
    for (const width of [372, 200, 120]) {
      const items = legendLayout(STRATEGIES, width);
      for (const a of items)
        for (const b of items) {
          if (a === b || a.row !== b.row) continue;
          const wa = 28 + a.strategy.length * 7;
          expect(a.x + wa <= b.x || b.x + 28 + b.strategy.length * 7 <= a.x).toBe(true);
        }
      for (const i of items)
        expect(i.x === 0 || i.x + 28 + i.strategy.length * 7 <= width).toBe(true);
    }
    expect(new Set(legendLayout(STRATEGIES, 120).map((i) => i.row)).size).toBeGreaterThan(1);
  });

  it("draws all four strategies apart, each with its own dash, even where lines coincide", () => {
    const { container } = render(
      <SweepChart results={results()} kind="durability" count="confirmed" onPoint={() => {}} />,
    );
    expect(new Set(Object.values(STRATEGY_DASH)).size).toBe(4);
    const groups = container.querySelectorAll("g[data-strategy]");
    expect([...groups].map((g) => g.getAttribute("data-strategy"))).toEqual([...STRATEGIES]);
    // Every strategy is at 0% durability: the markers are dodged so none hides another.
    const xs = [...groups].map((g) => g.querySelector("circle")?.getAttribute("cx"));
    expect(new Set(xs).size).toBe(4);
    const legend = container.querySelector(".sweep-legend");
    expect(legend?.textContent).toBe(STRATEGIES.join(""));
  });

  it("says what it counts, and switches between confirmed only and healed too", () => {
    const r = results();
    const { rerender } = render(
      <SweepChart results={r} kind="consistency" count="confirmed" onPoint={() => {}} />,
    );
    const img = screen.getByRole("img", {
      name: "Share of runs with consistency against drop rate, confirmed only (did not heal)",
    });
    expect(img).toHaveTextContent("runs with consistency, confirmed only");
    const dw = r.points[1];
    expect(dw).toMatchObject({ strategy: "dual-write", value: 0 });
    // Some of its consistency anomalies healed: the two counts differ.
    expect(dw.confirmed.consistency).toBeLessThan(dw.counts.consistency);
    const marker = (name: RegExp) => screen.getByRole("button", { name });
    expect(marker(/^dual-write, dropRate 0: /)).toHaveAccessibleName(
      new RegExp(`${Math.round((100 * dw.confirmed.consistency) / dw.n)}% of 6 runs`),
    );
    rerender(<SweepChart results={r} kind="consistency" count="any" onPoint={() => {}} />);
    expect(screen.getByRole("img")).toHaveTextContent("runs with consistency, healed too");
    expect(marker(/^dual-write, dropRate 0: /)).toHaveAccessibleName(
      new RegExp(`${Math.round((100 * dw.counts.consistency) / dw.n)}% of 6 runs`),
    );
  });

  it("draws only the points that ran when a sweep is cancelled", () => {
    // 6 seeds per point, 8 points: stop after the first two points and half of the third.
    const r = results(15);
    const { container } = render(
      <SweepChart results={r} kind="atomicity" count="confirmed" onPoint={() => {}} />,
    );
    expect(container.querySelectorAll("circle")).toHaveLength(3);
    expect(screen.queryByRole("button", { name: /dropRate 0.2/ })).toBeNull();
  });
});

describe("SweepTable", () => {
  it("counts confirmed and healed-only runs apart, and marks points that never ran", () => {
    const r = results(15);
    render(<SweepTable results={r} kind="consistency" count="confirmed" onPoint={() => {}} />);
    const table = screen.getByRole("table");
    expect(table).toHaveAccessibleName(/confirmed \(did not heal\) and healed only/);
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual([
      "dropRate",
      "strategy",
      "confirmed",
      "healed only",
      "share",
      "witness",
    ]);
    const rows = within(table).getAllByRole("row").slice(1);
    const p = r.points[1];
    expect(rows[1]).toHaveTextContent(
      `0dual-write${p.confirmed.consistency}/6${p.counts.consistency - p.confirmed.consistency}`,
    );
    expect(rows[7]).toHaveTextContent("not run (cancelled)");
  });
});
