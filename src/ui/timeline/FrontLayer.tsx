import { memo, type ReactNode } from "react";
import { explanationAt } from "../../app/anomalies";
import { type BandBox, leaderPath } from "./anomaly";
import { groupTitle } from "./BackLayer";
import type { CauseBadge } from "./cause-badges";
import { AXIS_UNIT, COLORS, LETTER_COLORS } from "./layout";
import { cssColor } from "./palette";
import type { ValueLabel } from "./value-labels";
import type { View } from "./view";

interface Props {
  v: View;
  /** The anomalies' marks and labels (anomaly.ts), placed once for drawing and hit testing. */
  boxes: BandBox[];
  /** Value labels (value-labels.ts). */
  values: ValueLabel[];
  selectedSeq: number | null;
  highlight: number[];
  /** The selected anomaly (its band stays bright while the others dim). */
  selectedAnomalyId?: string | null;
  /** Its causal chain, each step numbered on the plot (cause-badges.ts). */
  badges?: readonly CauseBadge[];
  /** Events to keep bright while the rest dim (the chain and the anomaly's own); null = none dim. */
  focus?: ReadonlySet<number> | null;
  /** Small-run marks (SVG) go between the bands and the labels. */
  children?: ReactNode;
}

const NO_BADGES: readonly CauseBadge[] = [];

/** Everything above the marks: axis, lane labels, anomaly bands, labels, selection, playhead. */
function FrontLayerView({
  v,
  boxes,
  values,
  selectedSeq,
  highlight,
  selectedAnomalyId = null,
  badges = NO_BADGES,
  focus = null,
  children,
}: Props) {
  const { g, layout: L, x, playhead } = v;
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
        {boxes.map((box) => (
          <AnomalyMark
            key={box.band.anomaly.id}
            box={box}
            chosen={box.band.anomaly.id === selectedAnomalyId}
            leaderTop={L.labelY0 - 3}
          />
        ))}
        {children}
        <g className="tl-labels">
          {values.map((l) => (
            <text
              key={l.seq}
              className={`tl-label tl-value-label${l.future ? " tl-future" : ""}${focus?.has(l.seq) ? " tl-focus" : ""}`}
              data-seq={l.seq}
              x={l.x}
              y={l.y}
              textAnchor={l.end ? "end" : undefined}
            >
              {l.text}
            </text>
          ))}
        </g>
        {highlight.map((seq) => {
          const r = ringAt(seq);
          return r && !r.future ? (
            <circle key={`h${seq}`} className="tl-highlight" cx={r.cx} cy={r.cy} r={7} />
          ) : null;
        })}
        <CauseBadges badges={badges} />
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
          {AXIS_UNIT}
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
          <text key={grp.name} className="tl-group-title" x={6} y={grp.y0 + L.textPx}>
            {groupTitle(grp.name)}
          </text>
        ))}
        {g.nodes.map((n, i) => (
          <text
            key={n.id}
            className="tl-lane-label"
            data-lane={n.id}
            x={L.plotX0 - 10}
            y={L.laneY[i] + Math.round(L.textPx * 0.4)}
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

/**
 * One anomaly's marks (anomaly-marks.ts: each kind where it lives) and its one
 * label in the label rows, joined to the mark by a leader line.
 */
function AnomalyMark({
  box,
  chosen,
  leaderTop,
}: {
  box: BandBox;
  chosen: boolean;
  leaderTop: number;
}) {
  const { band: b, label } = box;
  // Blue C is too dark on the dark theme: letters go through CSS variables (timeline.css).
  const color = `var(--tl-letter-${b.letter}, ${LETTER_COLORS[b.letter]})`;
  return (
    <g
      className={`tl-anomaly tl-anomaly-${b.state}${chosen ? " tl-anomaly-selected" : ""}`}
      data-anomaly={b.anomaly.id}
      data-state={b.state}
      data-mark={b.markKind}
    >
      <title>{explanationAt(b.anomaly)}</title>
      {box.prims.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an anomaly's prims are a fixed list, in order
        <path key={i} className={`tl-am tl-am-${p.kind}`} d={p.d} style={{ stroke: color }} />
      ))}
      {label && (
        <>
          <path
            className="tl-anomaly-leader"
            d={leaderPath(box, leaderTop)}
            style={{ stroke: color }}
          />
          <text
            className="tl-anomaly-label"
            data-anomaly-label={b.anomaly.id}
            x={label.x}
            y={label.y + label.h - Math.round(label.h * 0.25)}
            style={{ fill: color }}
          >
            {label.text}
          </text>
        </>
      )}
    </g>
  );
}

/** The selected anomaly's chain, numbered where it happened (cause-badges.ts): a ring on each event, its number beside it. */
function CauseBadges({ badges }: { badges: readonly CauseBadge[] }) {
  if (badges.length === 0) return null;
  return (
    <g className="tl-causes">
      {badges.map((b) => (
        <g key={b.seq} className={`tl-cause tl-cause-${b.role}`} data-cause-step={b.n}>
          <circle className="tl-cause-ring" cx={b.cx} cy={b.cy} r={7} />
          <circle className="tl-cause-badge" cx={b.bx} cy={b.by} r={b.r} />
          <text className="tl-cause-number" x={b.bx} y={b.by + Math.round(b.r / 2)}>
            {b.n}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Memoised: hover and other local state of the timeline must not redraw every layer. */
export const FrontLayer = memo(FrontLayerView);
