import {
  ARROW_DROP,
  ARROW_LOST,
  arrowWindow,
  lowerBound,
  TYPE_NAMES,
  upperBound,
} from "./geometry";
import { COLORS } from "./layout";
import { DROP_SHAPE, isFilled, markStyle, shapePath } from "./marks";
import { cssColor } from "./palette";
import { newArrowPlace, placeArrow } from "./tracks/messages";
import { type View, visibleRange } from "./view";

// The message colours, from the one table the canvas reads too (layout.ts, themed by palette.ts).
const DROP_STROKE = { stroke: cssColor(COLORS.drop) };
const DUP_STROKE = { stroke: cssColor(COLORS.dup) };
const DUP_FILL = { fill: cssColor(COLORS.dup) };

/**
 * Small runs: every arrow and mark as an SVG element, so they stay crisp, go
 * into an SVG export unchanged and can be found by tests. Only the visible
 * window is rendered.
 */
export function SvgMarks({ v, focus = null }: { v: View; focus?: ReadonlySet<number> | null }) {
  const { g, x, layout: L, playhead, showFuture } = v;
  const [t0, t1] = visibleRange(v);
  const a = g.arrows;
  const [lo, hi] = arrowWindow(a, t0, t1);
  const arrows = [];
  const p = newArrowPlace();
  for (let i = lo; i < hi; i++) {
    if (a.endT[i] < t0) continue;
    if (a.sendT[i] > playhead && !showFuture) break;
    const { x1, y1, ex, ey, x2, y2, state, drop, dup, lost } = placeArrow(
      v,
      a.sendT[i],
      a.endT[i],
      a.from[i],
      a.to[i],
      a.kind[i] === ARROW_DROP,
      a.dup[i] === 1,
      a.kind[i] === ARROW_LOST,
      p,
    );
    const future = state === "future";
    const flying = state === "flying";
    const lit = focus !== null && (focus.has(a.sendSeq[i]) || focus.has(a.endSeq[i]));
    const cls = `tl-arrow${drop ? " tl-drop" : ""}${dup ? " tl-dup" : ""}${flying ? " tl-flying" : ""}${future ? " tl-future" : ""}${lit ? " tl-focus" : ""}`;
    // A dropped duplicate keeps the duplicate's colour, as the stylesheet drew it before.
    const stroke = dup ? DUP_STROKE : drop ? DROP_STROKE : undefined;
    const seq = a.endSeq[i] >= 0 ? a.endSeq[i] : a.sendSeq[i];
    arrows.push(
      <g key={`a${a.sendSeq[i]}`} className={cls} data-arrow={a.sendSeq[i]} data-seq={seq}>
        <line
          data-mark={
            flying || lost ? "in-flight" : drop ? "dropped" : dup ? "duplicate-message" : "message"
          }
          x1={x1}
          y1={y1}
          x2={ex}
          y2={ey}
          style={stroke}
          markerEnd={p.head ? `url(#${v.uid}-head)` : undefined}
        />
        {p.rest && showFuture && (
          <line className="tl-future" x1={ex} y1={ey} x2={x2} y2={y2} style={stroke} />
        )}
        {p.cross && (
          <path
            data-drop={a.endSeq[i]}
            data-mark="dropped"
            className="tl-cross"
            style={DROP_STROKE}
            d={shapePath(DROP_SHAPE, x2, y2, 4)}
          />
        )}
        {dup && !future && (
          <text
            className="tl-dup-label"
            style={DUP_FILL}
            data-mark="duplicate-message"
            x={(x1 + ex) / 2 + 3}
            y={(y1 + ey) / 2 - 3}
          >
            dup
          </text>
        )}
      </g>,
    );
  }
  const m = g.marks;
  const mlo = lowerBound(m.t, t0, m.n);
  const mhi = upperBound(m.t, t1, m.n);
  const marks = [];
  for (let i = mlo; i < mhi; i++) {
    const future = m.t[i] > playhead;
    if (future && !showFuture) break;
    const type = TYPE_NAMES[m.type[i]];
    const s = markStyle(type);
    const filled = isFilled(s.shape);
    marks.push(
      <path
        key={`m${m.seq[i]}`}
        className={`tl-mark${future ? " tl-future" : ""}${focus?.has(m.seq[i]) ? " tl-focus" : ""}`}
        data-seq={m.seq[i]}
        data-type={type}
        data-mark={type}
        d={shapePath(s.shape, x(m.t[i]), L.laneY[m.lane[i]], 3.5)}
        style={{ fill: filled ? cssColor(s.color) : "none", stroke: cssColor(s.color) }}
        strokeWidth={filled ? 0 : 1.5}
      />,
    );
  }
  return (
    <g className="tl-svg-marks">
      <g style={{ stroke: cssColor(COLORS.arrow) }}>{arrows}</g>
      <g>{marks}</g>
    </g>
  );
}
