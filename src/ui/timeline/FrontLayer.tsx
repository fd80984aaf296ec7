import { memo, type ReactNode } from "react";
import type { AnomalyBand } from "./anomaly";
import { groupTitle } from "./BackLayer";
import { lowerBound, upperBound } from "./geometry";
import { COLORS, LETTER_COLORS } from "./layout";
import { markLabel } from "./marks";
import { cssColor } from "./palette";
import { type View, visibleRange } from "./view";

interface Props {
  v: View;
  bands: AnomalyBand[];
  selectedSeq: number | null;
  highlight: number[];
  /** Small-run marks (SVG) go between the bands and the labels. */
  children?: ReactNode;
}

/** Labels need room: skip them when too many marks are in view or they would overlap. */
const LABEL_MAX_MARKS = 600;
const CHAR_W = 6.2;
/** Overlapping anomaly bands: label (and inset) at most this many; the last label counts the rest. */
const MAX_BAND_ROWS = 3;

/** Everything above the marks: axis, lane labels, anomaly bands, labels, selection, playhead. */
function FrontLayerView({ v, bands, selectedSeq, highlight, children }: Props) {
  const { g, layout: L, x, playhead } = v;
  const [t0, t1] = visibleRange(v);
  const ticks = x.ticks(Math.max(2, Math.floor((L.plotX1 - L.plotX0) / 90)));
  const fmt = x.tickFormat(ticks.length);
  const ringAt = (seq: number) => {
    const e = g.eventBySeq(seq);
    const lane = e ? g.laneOf.get(e.node) : undefined;
    if (!e || lane === undefined) return null;
    return { cx: x(e.t), cy: L.laneY[lane], future: e.t > playhead };
  };
  const selected = selectedSeq === null ? null : ringAt(selectedSeq);
  const bottom = L.groups.length ? L.groups[L.groups.length - 1].y1 : L.height;
  const px = x(playhead);
  return (
    <svg className="tl-fg" width={L.width} height={L.height} aria-hidden="true">
      <defs>
        <clipPath id={`${v.uid}-clip`}>
          <rect x={L.plotX0} y={0} width={L.plotX1 - L.plotX0} height={L.height} />
        </clipPath>
        <marker
          id={`${v.uid}-head`}
          viewBox="0 0 8 8"
          refX="8"
          refY="4"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0L8,4L0,8Z" style={{ fill: cssColor(COLORS.arrow) }} />
        </marker>
      </defs>
      <g clipPath={`url(#${v.uid}-clip)`}>
        {bands.map((b, i) => {
          // Bands over the same lanes and times (a race is often both I and C) nest and stack their labels.
          const row = bands.slice(0, i).filter((o) => overlaps(o, b)).length;
          const inset = Math.min(row, MAX_BAND_ROWS) * 2;
          const y0 = L.laneY[b.lanes[0]] - L.laneH / 2 + inset;
          const y1 = L.laneY[b.lanes[b.lanes.length - 1]] + L.laneH / 2 - inset;
          const more = bands.slice(i + 1).filter((o) => overlaps(o, b)).length;
          // Clamp to just outside the plot: zoomed in, a band can be 100k px wide, and
          // rasterising (worse, dashing) that outline costs whole frames. The clip hides the cut.
          const bx = Math.max(L.plotX0 - 10, x(b.from));
          const w = Math.max(3, Math.min(L.plotX1 + 10, x(b.to)) - bx);
          // Blue C is too dark on the dark theme: letters go through CSS variables (timeline.css).
          const color = `var(--tl-letter-${b.letter}, ${LETTER_COLORS[b.letter]})`;
          // Fade by per-element opacity: group opacity makes the browser composite each band offscreen.
          const fade = b.state === "healed" ? 0.35 : 1;
          return (
            <g
              key={b.anomaly.id}
              className={`tl-anomaly tl-anomaly-${b.state}`}
              data-anomaly={b.anomaly.id}
              data-state={b.state}
            >
              <title>{b.anomaly.explanation}</title>
              <rect
                x={bx}
                y={y0}
                width={w}
                height={y1 - y0}
                style={{ fill: color, stroke: color }}
                fillOpacity={0.07 * fade}
                strokeOpacity={fade}
                strokeWidth={2}
                strokeDasharray={b.state === "suspected" ? "6 4" : undefined}
              />
              {row < MAX_BAND_ROWS && (
                <text
                  className="tl-anomaly-label"
                  x={Math.max(bx, L.plotX0) + 4}
                  y={y1 - 4 - row * 13}
                  style={{ fill: color }}
                  fillOpacity={b.state === "healed" ? 0.6 : 1}
                >
                  {`${b.letter} · ${b.anomaly.kind}${b.state === "healed" ? " (healed)" : b.state === "suspected" ? "?" : ""}`}
                  {row === MAX_BAND_ROWS - 1 && more > 0 ? ` +${more} more` : ""}
                </text>
              )}
            </g>
          );
        })}
        {children}
        <Labels v={v} t0={t0} t1={t1} />
        {highlight.map((seq) => {
          const r = ringAt(seq);
          return r && !r.future ? (
            <circle key={`h${seq}`} className="tl-highlight" cx={r.cx} cy={r.cy} r={7} />
          ) : null;
        })}
        {selected && (
          <circle
            className="tl-selected"
            data-selected={selectedSeq ?? undefined}
            cx={selected.cx}
            cy={selected.cy}
            r={8}
          />
        )}
      </g>
      <g className="tl-axis">
        <rect x={0} y={0} width={L.width} height={L.axisH} className="tl-axis-bg" />
        {ticks.map((t) => (
          <g key={t} transform={`translate(${x(t)},0)`}>
            <line y1={L.axisH - 5} y2={L.axisH} />
            <text y={L.axisH - 8} textAnchor="middle">
              {fmt(t)}
            </text>
          </g>
        ))}
        <text x={8} y={L.axisH - 8} className="tl-axis-unit">
          simulated ms
        </text>
      </g>
      <g className="tl-gutter">
        <rect
          x={0}
          y={L.axisH}
          width={L.plotX0 - 4}
          height={L.height - L.axisH}
          className="tl-gutter-bg"
        />
        {L.groups.map((grp) => (
          <text key={grp.name} className="tl-group-title" x={6} y={grp.y0 + 10}>
            {groupTitle(grp.name)}
          </text>
        ))}
        {g.nodes.map((n, i) => (
          <text
            key={n.id}
            className="tl-lane-label"
            data-lane={n.id}
            x={L.plotX0 - 10}
            y={L.laneY[i] + 4}
          >
            {n.id}
          </text>
        ))}
      </g>
      {px >= L.plotX0 && px <= L.plotX1 && (
        <g className="tl-playhead">
          <line x1={px} x2={px} y1={L.axisH - 4} y2={bottom} stroke={COLORS.playhead} />
          <path d={`M${px - 5},${L.axisH - 8}h10l-5,6Z`} fill={COLORS.playhead} />
        </g>
      )}
    </svg>
  );
}

/** `key=value`, `@offset`, `HW n`: greedy per lane, left to right, skipping any that would overlap. */
function Labels({ v, t0, t1 }: { v: View; t0: number; t1: number }) {
  const { g, x, layout: L, playhead, showFuture } = v;
  const m = g.marks;
  const lo = lowerBound(m.t, t0, m.n);
  const hi = upperBound(m.t, showFuture ? t1 : Math.min(t1, playhead), m.n);
  if (hi - lo > LABEL_MAX_MARKS || L.laneH < 16) return null;
  const nextFree = new Map<number, number>();
  const out = [];
  for (let i = lo; i < hi; i++) {
    const e = g.eventBySeq(m.seq[i]);
    const text = e ? markLabel(e) : null;
    if (!e || !text) continue;
    const lx = x(m.t[i]) + 5;
    const lane = m.lane[i];
    if (lx < (nextFree.get(lane) ?? Number.NEGATIVE_INFINITY)) continue;
    nextFree.set(lane, lx + text.length * CHAR_W + 4);
    out.push(
      <text
        key={m.seq[i]}
        className={m.t[i] > playhead ? "tl-label tl-future" : "tl-label"}
        x={lx}
        y={L.laneY[lane] - 5}
      >
        {text}
      </text>,
    );
  }
  return <g className="tl-labels">{out}</g>;
}

function overlaps(a: AnomalyBand, b: AnomalyBand): boolean {
  const lanes =
    a.lanes[0] <= b.lanes[b.lanes.length - 1] && b.lanes[0] <= a.lanes[a.lanes.length - 1];
  return lanes && a.from <= b.to && b.from <= a.to;
}

/** Memoised: hover and other local state of the timeline must not redraw every layer. */
export const FrontLayer = memo(FrontLayerView);
