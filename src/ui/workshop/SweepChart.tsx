import * as d3 from "d3";
import { forwardRef } from "react";
import type { AnomalyKind } from "../../check/types";
import type { Strategy } from "../../sim/types";
import { PARAM_INFO } from "../../workshop/params";
import type { SweepPoint } from "../../workshop/sweep";
import { COUNT_LABEL, counted, type SweepCount } from "./sweep-count";
import type { SweepResults } from "./workshop-store";

export const STRATEGY_COLOR: Record<Strategy, string> = {
  "dual-write": "#d9480f",
  log: "#1f5fbf",
  cdc: "#2b8a3e",
  "single-db": "#7048e8",
};

/** A dash pattern per strategy, so lines that coincide (two at 0%) stay told apart. */
export const STRATEGY_DASH: Record<Strategy, string | undefined> = {
  "dual-write": undefined,
  log: "7 4",
  cdc: "2 3",
  "single-db": "9 3 2 3",
};

// Small enough that the table fits beside the chart on a 1280-wide projector.
const W = 440;
const H = 300;
const LEGEND_ROW = 18;
const M = { right: 16, bottom: 44, left: 52 };
/** Markers of coinciding points sit this far apart, strategy by strategy. */
const DODGE = 4;

interface Props {
  results: SweepResults;
  kind: AnomalyKind;
  count: SweepCount;
  onPoint: (index: number) => void;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Legend entries laid out left to right, wrapping to a new row rather than overlapping. */
export function legendLayout(
  strategies: readonly Strategy[],
  width: number,
): Array<{ strategy: Strategy; x: number; row: number }> {
  const out: Array<{ strategy: Strategy; x: number; row: number }> = [];
  let x = 0;
  let row = 0;
  for (const strategy of strategies) {
    // A 22-unit line sample, a gap, the label at about 7 units a character, then space.
    const w = 28 + strategy.length * 7 + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    out.push({ strategy, x, row });
    x += w;
  }
  return out;
}

/**
 * Share of runs with one anomaly kind against the swept setting: one line per
 * strategy and its 95% Wilson band, counting runs whose anomaly did not heal
 * or every run with one (the chart says which). Points that never ran (a
 * cancelled sweep) are not drawn. Drawn as React SVG with d3 scales and shape
 * generators, so the export is the very element on screen.
 */
export const SweepChart = forwardRef<SVGSVGElement, Props>(function SweepChart(
  { results, kind, count, onPoint },
  ref,
) {
  const { spec, points } = results;
  const legend = legendLayout(spec.strategies, W - M.left - M.right);
  const top = 10 + (Math.max(...legend.map((l) => l.row), 0) + 1) * LEGEND_ROW + 6;
  const numeric = spec.values.every((v) => typeof v === "number");
  const xs = spec.values.map(String);
  const linear = d3
    .scaleLinear()
    .domain(d3.extent(spec.values as number[]) as [number, number])
    .range([M.left + 8, W - M.right - 8]);
  const band = d3
    .scalePoint<string>()
    .domain(xs)
    .range([M.left, W - M.right])
    .padding(0.3);
  const x0 = (v: number | string): number =>
    numeric && spec.values.length > 1 ? linear(v as number) : (band(String(v)) ?? M.left);
  const dodge = (s: Strategy) =>
    (spec.strategies.indexOf(s) - (spec.strategies.length - 1) / 2) * DODGE;
  const y = d3
    .scaleLinear()
    .domain([0, 1])
    .range([H - M.bottom, top]);
  const of = (p: SweepPoint) => counted(p, kind, count);
  const share = (p: SweepPoint) => (p.n === 0 ? 0 : of(p).k / p.n);
  const ticks = numeric && spec.values.length > 1 ? (spec.values as number[]) : xs;

  const series = spec.strategies.map((strategy) => ({
    strategy,
    // A cancelled sweep leaves points with no runs: they are not drawn at all.
    rows: points
      .map((p, index) => ({ p, index }))
      .filter((r) => r.p.strategy === strategy && r.p.n > 0),
  }));
  const line = (s: Strategy) =>
    d3
      .line<{ p: SweepPoint }>()
      .x((r) => x0(r.p.value) + dodge(s))
      .y((r) => y(share(r.p)));
  const area = (s: Strategy) =>
    d3
      .area<{ p: SweepPoint }>()
      .x((r) => x0(r.p.value) + dodge(s))
      .y0((r) => y(of(r.p).interval[0]))
      .y1((r) => y(of(r.p).interval[1]));

  return (
    <svg
      ref={ref}
      className="sweep-chart"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`Share of runs with ${kind} against ${PARAM_INFO[spec.param].label}, ${COUNT_LABEL[count]}`}
      xmlns="http://www.w3.org/2000/svg"
      fontFamily="system-ui, sans-serif"
      fontSize="12"
    >
      <rect x="0" y="0" width={W} height={H} fill="#ffffff" />
      {y.ticks(5).map((t) => (
        <g key={`y${t}`}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e3e5e8" />
          <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fill="#5d636d">
            {pct(t)}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <text key={`x${t}`} x={x0(t)} y={H - M.bottom + 16} textAnchor="middle" fill="#5d636d">
          {String(t)}
        </text>
      ))}
      <text x={(M.left + W - M.right) / 2} y={H - 8} textAnchor="middle" fill="#1d1f23">
        {PARAM_INFO[spec.param].label}
      </text>
      <text
        transform={`translate(14 ${(top + H - M.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        fill="#1d1f23"
      >
        runs with {kind}, {count === "confirmed" ? "confirmed only" : "healed too"}
      </text>
      {series.map(({ strategy, rows }) => (
        <g key={strategy} data-strategy={strategy}>
          <path d={area(strategy)(rows) ?? ""} fill={STRATEGY_COLOR[strategy]} opacity={0.13} />
          <path
            d={line(strategy)(rows) ?? ""}
            fill="none"
            stroke={STRATEGY_COLOR[strategy]}
            strokeWidth={2}
            strokeDasharray={STRATEGY_DASH[strategy]}
          />
          {rows.map(({ p, index }) => {
            const c = of(p);
            const has = c.witness !== undefined;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>; it gets the role and keys instead.
              <circle
                key={index}
                cx={x0(p.value) + dodge(strategy)}
                cy={y(share(p))}
                r={4.5}
                fill={has ? STRATEGY_COLOR[strategy] : "#ffffff"}
                stroke={STRATEGY_COLOR[strategy]}
                strokeWidth={2}
                role="button"
                tabIndex={has ? 0 : -1}
                aria-disabled={!has}
                aria-label={`${strategy}, ${spec.param} ${p.value}: ${pct(share(p))} of ${p.n} runs${has ? "; open a witness run" : ""}`}
                style={{ cursor: has ? "pointer" : "default" }}
                onClick={() => has && onPoint(index)}
                onKeyDown={(e) => {
                  if (has && (e.key === "Enter" || e.key === " ")) {
                    e.preventDefault();
                    onPoint(index);
                  }
                }}
              >
                <title>{`${strategy} at ${p.value}: ${c.k}/${p.n} (${pct(c.interval[0])}–${pct(c.interval[1])}); ${p.confirmed[kind]} confirmed, ${p.counts[kind] - p.confirmed[kind]} healed only`}</title>
              </circle>
            );
          })}
        </g>
      ))}
      <g className="sweep-legend">
        {legend.map(({ strategy, x, row }) => (
          <g
            key={`legend-${strategy}`}
            transform={`translate(${M.left + x} ${10 + row * LEGEND_ROW})`}
          >
            <line
              x1="0"
              x2="22"
              y1="6"
              y2="6"
              stroke={STRATEGY_COLOR[strategy]}
              strokeWidth={2.5}
              strokeDasharray={STRATEGY_DASH[strategy]}
            />
            <text x="28" y="10" fill="#1d1f23">
              {strategy}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
});
