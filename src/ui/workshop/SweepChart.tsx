import * as d3 from "d3";
import { forwardRef } from "react";
import type { AnomalyKind } from "../../check/types";
import type { Strategy } from "../../sim/types";
import { PARAM_INFO } from "../../workshop/params";
import type { SweepPoint } from "../../workshop/sweep";
import type { SweepResults } from "./workshop-store";

export const STRATEGY_COLOR: Record<Strategy, string> = {
  "dual-write": "#d9480f",
  log: "#1f5fbf",
  cdc: "#2b8a3e",
  "single-db": "#7048e8",
};

// Small enough that the table fits beside the chart on a 1280-wide projector.
const W = 440;
const H = 280;
const M = { top: 16, right: 16, bottom: 44, left: 52 };

interface Props {
  results: SweepResults;
  kind: AnomalyKind;
  onPoint: (index: number) => void;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Share of runs with one anomaly kind against the swept setting: one line per
 * strategy and its 95% Wilson band. Drawn as React SVG with d3 scales and
 * shape generators, so the export is the very element on screen.
 */
export const SweepChart = forwardRef<SVGSVGElement, Props>(function SweepChart(
  { results, kind, onPoint },
  ref,
) {
  const { spec, points } = results;
  const numeric = spec.values.every((v) => typeof v === "number");
  const xs = spec.values.map(String);
  const linear = d3
    .scaleLinear()
    .domain(d3.extent(spec.values as number[]) as [number, number])
    .range([M.left, W - M.right]);
  const band = d3
    .scalePoint<string>()
    .domain(xs)
    .range([M.left, W - M.right])
    .padding(0.3);
  const x = (v: number | string): number =>
    numeric && spec.values.length > 1 ? linear(v as number) : (band(String(v)) ?? M.left);
  const y = d3
    .scaleLinear()
    .domain([0, 1])
    .range([H - M.bottom, M.top]);
  const share = (p: SweepPoint) => (p.n === 0 ? 0 : p.counts[kind] / p.n);
  const ticks = numeric && spec.values.length > 1 ? (spec.values as number[]) : xs;

  const series = spec.strategies.map((strategy) => ({
    strategy,
    rows: points.map((p, index) => ({ p, index })).filter((r) => r.p.strategy === strategy),
  }));
  const line = d3
    .line<{ p: SweepPoint }>()
    .x((r) => x(r.p.value))
    .y((r) => y(share(r.p)));
  const area = d3
    .area<{ p: SweepPoint }>()
    .x((r) => x(r.p.value))
    .y0((r) => y(r.p.intervals[kind][0]))
    .y1((r) => y(r.p.intervals[kind][1]));

  return (
    <svg
      ref={ref}
      className="sweep-chart"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`Share of runs with ${kind} against ${PARAM_INFO[spec.param].label}`}
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
        <text key={`x${t}`} x={x(t)} y={H - M.bottom + 16} textAnchor="middle" fill="#5d636d">
          {String(t)}
        </text>
      ))}
      <text x={(M.left + W - M.right) / 2} y={H - 8} textAnchor="middle" fill="#1d1f23">
        {PARAM_INFO[spec.param].label}
      </text>
      <text
        transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        fill="#1d1f23"
      >
        runs with {kind}
      </text>
      {series.map(({ strategy, rows }) => (
        <g key={strategy}>
          <path d={area(rows) ?? ""} fill={STRATEGY_COLOR[strategy]} opacity={0.15} />
          <path
            d={line(rows) ?? ""}
            fill="none"
            stroke={STRATEGY_COLOR[strategy]}
            strokeWidth={2}
          />
          {rows.map(({ p, index }) => {
            const has = p.witnesses[kind] !== undefined;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>; it gets the role and keys instead.
              <circle
                key={index}
                cx={x(p.value)}
                cy={y(share(p))}
                r={5}
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
                <title>{`${strategy} at ${p.value}: ${p.counts[kind]}/${p.n} (${pct(p.intervals[kind][0])}–${pct(p.intervals[kind][1])})`}</title>
              </circle>
            );
          })}
        </g>
      ))}
      {spec.strategies.map((s, i) => (
        <g key={`legend-${s}`} transform={`translate(${M.left + 8 + i * 96} ${M.top + 4})`}>
          <rect width="12" height="12" fill={STRATEGY_COLOR[s]} />
          <text x="16" y="10" fill="#1d1f23">
            {s}
          </text>
        </g>
      ))}
    </svg>
  );
});
