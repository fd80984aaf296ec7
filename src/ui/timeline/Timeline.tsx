import { scaleLinear, zoomIdentity } from "d3";
import {
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { explanationAt } from "../../app/anomalies";
import { warmBeforeShow } from "../../app/warm-up";
import type { CauseStep } from "../../check/cause";
import type { Anomaly, Report } from "../../check/types";
import type { Trace } from "../../sim/types";
import { keepOnScreen } from "../keep-on-screen";
import { anomalyBands, bandAt, bandBoxes, bandLabelAt, MAX_BAND_ROWS } from "./anomaly";
import { BackLayer } from "./BackLayer";
import { CanvasLayer } from "./CanvasLayer";
import { CauseInspector } from "./CauseInspector";
import { describeEvent } from "./causal";
import { causeBadges } from "./cause-badges";
import { ExportButtons } from "./ExportButtons";
import { FrontLayer } from "./FrontLayer";
import { ARROW_DROP, arrowsUpTo, geometryOf } from "./geometry";
import { hitTest } from "./hit";
import { Inspector } from "./Inspector";
import { Legend } from "./Legend";
import { computeLayout, TEXT_PX } from "./layout";
import { kindIndexOf, kindsOnScreen } from "./mark-kinds";
import { Summary } from "./Summary";
import { SvgMarks } from "./SvgMarks";
import { useWidth } from "./use-width";
import { useZoom } from "./use-zoom";
import { valueLabels } from "./value-labels";
import { SVG_MAX_ARROWS, SVG_MAX_MARKS, type View, type ZoomState } from "./view";
import { keepLanes } from "./visible-lanes";
import "./timeline.css";

export interface TimelineProps {
  trace: Trace;
  report: Report | null;
  playhead: number;
  /** Trace seqs to emphasise. */
  highlight?: number[];
  selectedSeq?: number | null;
  onSelectEvent?: (seq: number | null) => void;
  onSeek?: (t: number) => void;
  /**
   * The selected anomaly and its causal chain (root first): the chain's events
   * are numbered on the plot and read as sentences below it, and everything
   * else dims.
   */
  selectedAnomaly?: Anomaly | null;
  cause?: readonly CauseStep[];
  /** An anomaly's label on the plot was clicked (null: the selected one again, to clear it). */
  onSelectAnomaly?: (id: string | null) => void;
  showFuture?: boolean;
  /** Height of the plot in px; lanes shrink or grow to fit. Default: 30 px per lane. */
  height?: number;
  /** Fixed lane height in px (compare mode: both runs alike); the plot's height then follows. */
  laneHeight?: number;
  /** Fixed width in px; default: the container's width (800 where it cannot be measured). */
  width?: number;
  /** Controlled zoom, for timelines that share one (compare mode). */
  zoom?: ZoomState;
  onZoomChange?: (z: ZoomState) => void;
  /** Time domain at zoom 1; default [0, trace end]. Compare mode passes the longer of two. */
  timeDomain?: [number, number];
  /** Accessible name; also the title shown above the plot in compare mode. */
  label?: string;
  /** Show the legend row under the toolbar (default true). */
  legend?: boolean;
  /** Extra controls at the end of the toolbar (the app's Compare toggle). */
  toolbar?: ReactNode;
  /** Text size in px of the plot's lane names, axis, values and labels (presenter mode: 16). */
  textPx?: number;
  /** Force the drawing path (tests, bench); default picks SVG for small runs, canvas for large. */
  renderer?: "auto" | "svg" | "canvas";
  /**
   * Only these lanes (node ids), the others and their messages left out
   * (presenter mode: the lanes a tour step needs). Default: every lane.
   */
  visibleLanes?: readonly string[];
}

// A big run's timeline is drawn from its geometry and the index of its marks by kind: built
// before the run shows, each in a task of its own (app/warm-up.ts), not in the render that shows it.
warmBeforeShow((trace) => void geometryOf(trace));
warmBeforeShow((trace) => void kindIndexOf(geometryOf(trace)));

const NO_SEQS: number[] = [];
const NO_STEPS: readonly CauseStep[] = [];

export function Timeline(props: TimelineProps) {
  const { trace, report, playhead, highlight = NO_SEQS, showFuture = false } = props;
  const selectedAnomaly = props.selectedAnomaly ?? null;
  const cause = props.cause ?? NO_STEPS;
  const rootRef = useRef<HTMLDivElement>(null);
  const summaryId = useId();
  const uid = `tl${summaryId.replace(/[^a-zA-Z0-9]/g, "")}`;
  const plotRef = useRef<HTMLDivElement>(null);
  const width = useWidth(rootRef, props.width);
  const shown = useMemo(() => keepLanes(trace, props.visibleLanes), [trace, props.visibleLanes]);
  const g = useMemo(() => geometryOf(shown), [shown]);
  const textPx = props.textPx ?? TEXT_PX;
  // Room under the lanes for anomaly labels, fixed for the run so the plot never jumps while it plays.
  const labelRows = Math.min(MAX_BAND_ROWS, report?.anomalies.length ?? 0);
  const layout = useMemo(
    () => computeLayout(g.nodes, width, props.height, props.laneHeight, { textPx, labelRows }),
    [g, width, props.height, props.laneHeight, textPx, labelRows],
  );
  const [follow, setFollow] = useState(false);
  const [ownSel, setOwnSel] = useState<number | null>(null);
  const [hover, setHover] = useState<{ seq: number; left: number; top: number } | null>(null);
  const selected = props.selectedSeq !== undefined ? props.selectedSeq : ownSel;
  const select = (seq: number | null) => {
    setOwnSel(seq);
    props.onSelectEvent?.(seq);
  };

  const domain = props.timeDomain ?? [0, g.endTime];
  const plotW = layout.plotX1 - layout.plotX0;
  const maxK = Math.max(10, (domain[1] - domain[0]) / (plotW * 0.01));
  const zc = useZoom(plotRef, layout, {
    maxK,
    value: props.zoom,
    onChange: props.onZoomChange,
    onUserPan: () => setFollow(false),
  });
  const base = useMemo(
    () => scaleLinear().domain(domain).range([layout.plotX0, layout.plotX1]),
    [domain[0], domain[1], layout.plotX0, layout.plotX1],
  );
  const x = useMemo(
    () => zoomIdentity.translate(zc.zoom.x, 0).scale(zc.zoom.k).rescaleX(base),
    [base, zc.zoom.k, zc.zoom.x],
  );
  const v: View = useMemo(
    () => ({ g, layout, x, playhead, showFuture, uid }),
    [g, layout, x, playhead, showFuture, uid],
  );
  const svgMode =
    props.renderer === "svg" ||
    (props.renderer !== "canvas" && g.arrows.n <= SVG_MAX_ARROWS && g.marks.n <= SVG_MAX_MARKS);
  const bands = useMemo(() => anomalyBands(g, report, playhead), [g, report, playhead]);
  // The chain's numbers, then the values around them, then the anomaly labels around both
  // (one placement function, label-place.ts).
  const badges = useMemo(() => causeBadges(v, cause), [v, cause]);
  const values = useMemo(() => valueLabels(v, badges), [v, badges]);
  const boxes = useMemo(
    () =>
      bandBoxes(
        v,
        bands,
        values.map((l) => l.box),
      ),
    [v, bands, values],
  );
  const kindIx = useMemo(() => kindIndexOf(g), [g]);
  const kinds = useMemo(
    () =>
      kindsOnScreen(
        v,
        kindIx,
        boxes.map((b) => b.band.markKind),
      ),
    [v, kindIx, boxes],
  );
  // A selected anomaly keeps its chain and its own events bright; the rest of the run dims.
  const focus = useMemo(
    () =>
      selectedAnomaly === null
        ? null
        : new Set<number>([...cause.map((s) => s.seq), ...selectedAnomaly.events]),
    [selectedAnomaly, cause],
  );
  const counts = useMemo(() => {
    const a = g.arrows;
    const shown = arrowsUpTo(a, playhead);
    let drops = 0;
    for (let i = 0; i < shown; i++) if (a.kind[i] === ARROW_DROP && a.endT[i] <= playhead) drops++;
    return { shown, drops };
  }, [g, playhead]);

  // Follow: keep the playhead in view while it moves, parked at three quarters of the width.
  useEffect(() => {
    if (!follow || zc.zoom.k <= 1) return;
    const px = x(playhead);
    if (px < layout.plotX0 || px > layout.plotX0 + 0.9 * plotW)
      zc.centre(base(playhead), layout.plotX0 + 0.75 * plotW);
  }, [follow, playhead, x, base, layout.plotX0, plotW, zc]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const px = x(playhead);
    const at = px >= layout.plotX0 && px <= layout.plotX1 ? px : undefined;
    const action = keyAction(e.key);
    if (!action) return;
    e.preventDefault();
    if (action === "in") zc.zoomBy(1.5, at);
    else if (action === "out") zc.zoomBy(1 / 1.5, at);
    else if (action === "left") zc.panBy(-0.1 * plotW);
    else if (action === "right") zc.panBy(0.1 * plotW);
    else if (action === "fit") zc.fit();
    else select(null);
  };

  const local = (e: PointerEvent<HTMLDivElement> | MouseEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    // While dragging, d3 pans; hit testing (and a re-render for the tooltip) would only cost frames.
    if (e.buttons !== 0) {
      if (hover) setHover(null);
      return;
    }
    const [px, py] = local(e);
    const seq = hitTest(v, px, py);
    setHover(seq === null ? null : { seq, left: px + 12, top: py + 12 });
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const [px, py] = local(e);
    if (py < layout.axisH) {
      if (px >= layout.plotX0)
        props.onSeek?.(Math.max(domain[0], Math.min(domain[1], x.invert(px))));
      return;
    }
    const seq = hitTest(v, px, py);
    // An anomaly's label or band selects the anomaly (again: clears it), unless an event sits right there.
    const label =
      seq === null && props.onSelectAnomaly
        ? (bandLabelAt(boxes, px, py) ?? bandAt(boxes, px, py))
        : null;
    if (label !== null) {
      props.onSelectAnomaly?.(label === selectedAnomaly?.id ? null : label);
      return;
    }
    select(seq);
  };
  const hovered = hover ? g.eventBySeq(hover.seq) : undefined;

  return (
    <div
      ref={rootRef}
      className={`tl${focus === null ? "" : " tl-dim"}${textPx > TEXT_PX ? " tl-large" : ""}`}
      data-testid="timeline"
      data-arrows={counts.shown}
      data-drops={counts.drops}
      data-anomalies={bands.length}
      data-marks={kinds.join(" ")}
      data-renderer={svgMode ? "svg" : "canvas"}
      data-zoom-k={zc.zoom.k.toFixed(3)}
    >
      <div className="tl-toolbar">
        {props.label && <span className="tl-title">{props.label}</span>}
        <button type="button" onClick={() => zc.zoomBy(1 / 1.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => zc.zoomBy(1.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={zc.fit}>
          Fit all
        </button>
        <button type="button" aria-pressed={follow} onClick={() => setFollow(!follow)}>
          Follow playhead
        </button>
        <ExportButtons
          rootRef={rootRef}
          label={props.label ?? trace.scenario.strategy}
          playhead={playhead}
        />
        {props.toolbar}
      </div>
      <div className="tl-scroll">
        <Summary id={summaryId} v={v} bands={bands} shown={counts.shown} drops={counts.drops} />
        {/* The plot is one widget: d3-zoom takes wheel, drag and pinch; keys (+, -, arrows, 0) when focused. */}
        <div
          ref={plotRef}
          className="tl-plot"
          role="application"
          aria-label={`${props.label ?? "Space-time diagram"}: + and - zoom, arrow keys pan, 0 fits all`}
          aria-describedby={summaryId}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: role=application is the keyboard target for zoom and pan
          tabIndex={0}
          style={{ width: layout.width, height: layout.height }}
          onKeyDown={onKeyDown}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
          onClick={onClick}
        >
          <BackLayer v={v} />
          {!svgMode && <CanvasLayer v={v} />}
          <FrontLayer
            v={v}
            boxes={boxes}
            values={values}
            selectedSeq={selected}
            highlight={highlight}
            selectedAnomalyId={selectedAnomaly?.id ?? null}
            badges={badges}
            focus={focus}
          >
            {svgMode ? <SvgMarks v={v} focus={focus} /> : null}
          </FrontLayer>
          {props.onSelectAnomaly && (
            <div className="tl-anomaly-hits">
              {boxes.map(({ band: b, label: l }) =>
                l === null || l.x > layout.plotX1 || l.x + l.w < layout.plotX0 ? null : (
                  <button
                    key={b.anomaly.id}
                    type="button"
                    className="tl-anomaly-hit"
                    data-anomaly-hit={b.anomaly.id}
                    aria-pressed={b.anomaly.id === selectedAnomaly?.id}
                    title={explanationAt(b.anomaly)}
                    style={{ left: l.x - 2, top: l.y - 2, width: l.w + 4, height: l.h + 4 }}
                    onClick={(e) => {
                      e.stopPropagation();
                      props.onSelectAnomaly?.(
                        b.anomaly.id === selectedAnomaly?.id ? null : b.anomaly.id,
                      );
                    }}
                  >
                    <span className="tl-sr-only">
                      {`${b.letter} ${b.anomaly.kind} on key ${b.anomaly.key} (${b.state}): ${explanationAt(b.anomaly)}`}
                    </span>
                  </button>
                ),
              )}
            </div>
          )}
          {hovered && hover && (
            <div
              className="tl-tooltip"
              role="tooltip"
              ref={(el) => keepOnScreen(el)}
              style={{ left: hover.left, top: hover.top }}
            >
              {describeEvent(hovered)}
            </div>
          )}
        </div>
      </div>
      {props.legend !== false && <Legend kinds={kinds} uid={uid} />}
      {selectedAnomaly !== null && cause.length > 0 && (
        <CauseInspector
          // As known at the playhead (not detected yet: nothing confirmed or healed either).
          anomaly={
            bands.find((b) => b.anomaly.id === selectedAnomaly.id)?.anomaly ?? {
              ...selectedAnomaly,
              state: "suspected",
            }
          }
          cause={cause}
          selectedSeq={selected}
          onSelectEvent={select}
          onClose={() => props.onSelectAnomaly?.(null)}
        />
      )}
      {selected !== null && <Inspector g={g} seq={selected} onSelect={select} />}
    </div>
  );
}

type KeyAction = "in" | "out" | "left" | "right" | "fit" | "deselect";

/** The plot's keys; `=` and `_` are `+` and `-` without Shift on most layouts. */
function keyAction(key: string): KeyAction | null {
  switch (key) {
    case "+":
    case "=":
      return "in";
    case "-":
    case "_":
      return "out";
    case "ArrowLeft":
      return "left";
    case "ArrowRight":
      return "right";
    case "0":
    case "Home":
      return "fit";
    case "Escape":
      return "deselect";
    default:
      return null;
  }
}
