import { anomaliesAt } from "../../check";
import { countByLetter } from "../../check/letters";
import type { AcidLetter, Report } from "../../check/types";
import { ACID_LETTER } from "../../check/types";
import {
  ANOMALY_MARK_OF,
  type AnomalyBand,
  anomalyShape,
  nearPrims,
  type PixelPrim,
  primsInPx,
} from "./anomaly-marks";
import type { Geometry } from "./geometry";
import { type Box, placeLabels, withMore } from "./label-place";
import type { View } from "./view";

export type { AnomalyBand } from "./anomaly-marks";

/** Anomalies known at `t` (the checker's own view: nothing before detection), with their marks. */
export function anomalyBands(g: Geometry, report: Report | null, t: number): AnomalyBand[] {
  if (!report) return [];
  const out: AnomalyBand[] = [];
  for (const a of anomaliesAt(report, t)) {
    const shape = anomalyShape(g, a, t);
    if (shape === null) continue;
    out.push({
      anomaly: a,
      state: a.state,
      letter: ACID_LETTER[a.kind],
      markKind: ANOMALY_MARK_OF[a.kind],
      shape,
    });
  }
  return out;
}

/** Anomalies detected by `t`, per ACID letter (the compare scoreboard). */
export function countByLetterAt(report: Report | null, t: number): Record<AcidLetter, number> {
  return countByLetter(report?.anomalies ?? [], t);
}

/** Rows under the lanes for anomaly labels; a label that finds no room joins the nearest one's "+N". */
export const MAX_BAND_ROWS = 3;
/** Anomaly labels are bold and 1.1× the plot's text; this is a generous width per character, in ems. */
const BAND_CHAR_EM = 0.7;
const LABEL_GAP = 8;
/** How far right of its mark a label may move to find room, px (its leader line shows where it belongs). */
const MAX_SHIFT = 260;

export interface BandLabel {
  x: number;
  /** Top of the label's box. */
  y: number;
  w: number;
  h: number;
  text: string;
  row: number;
  /** Where its leader line drops from above the label rows to its top: clear of the labels in the rows above. */
  leaderX: number;
}

export interface BandBox {
  band: AnomalyBand;
  /** The anomaly's marks, in pixels. */
  prims: PixelPrim[];
  /** Where its leader line starts (the mark it points at). */
  anchorX: number;
  anchorY: number;
  /** Its label in the label rows under the lanes, or null when another's "+N" counts it. */
  label: BandLabel | null;
}

/**
 * A label's text: letter, kind, key and state, "+N" for the ones it counts;
 * `where` ("cache") when another label would otherwise read the same.
 */
export function bandLabelText(b: AnomalyBand, more = 0, where = ""): string {
  const state = b.state === "healed" ? " (healed)" : b.state === "suspected" ? "?" : "";
  const at = where === "" ? "" : ` in ${where}`;
  return withMore(`${b.letter} · ${b.anomaly.kind} ${b.anomaly.key}${at}${state}`, more);
}

/**
 * For bands whose labels would read the same (consistency of y in cache and in
 * search), the stores that tell each apart from the others ("cache"); "" for
 * a label that is unique already, or where the stores do not differ.
 */
export function labelWhere(bands: readonly AnomalyBand[]): string[] {
  const texts = bands.map((b) => bandLabelText(b));
  return bands.map((b, i) => {
    const twins = bands.filter((_, j) => texts[j] === texts[i]);
    if (twins.length < 2) return "";
    const shared = twins[0].anomaly.stores.filter((s) =>
      twins.every((t) => t.anomaly.stores.includes(s)),
    );
    return b.anomaly.stores.filter((s) => !shared.includes(s)).join("/");
  });
}

/** Width of a label's text at the plot's size (generous: real text is narrower). */
export function bandLabelWidth(v: View, text: string): number {
  return Math.ceil(text.length * BAND_CHAR_EM * v.layout.textPx * 1.1);
}

/**
 * Where each anomaly's marks and its one label go. Labels never sit on the
 * lanes, where they would cover values: each goes into the label rows under
 * the lanes, as near its mark as there is room, joined to it by a leader
 * line; one that finds no room within reach is counted as "+N" by the
 * nearest label. `obstacles` (the value labels) are never covered.
 */
export function bandBoxes(
  v: View,
  bands: AnomalyBand[],
  obstacles: readonly Box[] = [],
): BandBox[] {
  const { layout: L, x } = v;
  // Consistency bars on one lane over the same times stack rather than hide each other.
  const bars: Array<{ lane: number; from: number; to: number }> = [];
  const boxes: BandBox[] = bands.map((band) => {
    const { anchor, prims } = band.shape;
    let nest = 0;
    for (const p of prims) {
      if (p.kind !== "bar") continue;
      nest = Math.max(
        nest,
        bars.filter((b) => b.lane === p.lane && b.from <= p.to && p.from <= b.to).length,
      );
    }
    for (const p of prims) if (p.kind === "bar") bars.push(p);
    return {
      band,
      prims: primsInPx(prims, x, L, nest),
      anchorX: Math.max(L.plotX0, Math.min(L.plotX1, x(anchor.t))),
      anchorY: L.laneY[anchor.lane],
      label: null,
    };
  });
  if (L.labelRows === 0) return boxes;
  // Marks in view, left to right: a mark off the plot gets no label (nothing to point at).
  const order = boxes
    .map((box, i) => ({ box, i, at: v.x(box.band.shape.anchor.t) }))
    .filter((o) => o.at >= L.plotX0 - 1 && o.at <= L.plotX1 + 1)
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const rowY = Array.from({ length: L.labelRows }, (_, r) => L.labelY0 + r * L.labelRowH + 1);
  const where = labelWhere(order.map((o) => o.box.band));
  const texts = order.map((o, k) => bandLabelText(o.box.band, 0, where[k]));
  const placed = placeLabels(
    order.map((o, k) => ({ id: String(k), want: o.at - 4, w: bandLabelWidth(v, texts[k]) })),
    {
      x0: L.plotX0 + 2,
      x1: L.plotX1,
      rowY,
      rowH: L.labelRowH - 2,
      gap: LABEL_GAP,
      maxShift: MAX_SHIFT,
      obstacles,
      cluster: true,
      charW: BAND_CHAR_EM * L.textPx * 1.1,
    },
  );
  for (const [k, p] of placed.entries()) {
    if (p.box === null) continue;
    order[k].box.label = {
      ...p.box,
      text: bandLabelText(order[k].box.band, p.more, where[k]),
      row: rowY.indexOf(p.box.y),
      leaderX: p.box.x + 3,
    };
  }
  // A leader to a lower row would cut through the labels above it: it drops where they leave a
  // gap over the label, else just beside the label and joins it from the side.
  const labels = boxes.flatMap((b) => (b.label ? [b.label] : []));
  for (const l of labels) {
    if (l.row === 0) continue;
    const clear = (at: number) =>
      !labels.some((a) => a.row < l.row && at >= a.x - 3 && at <= a.x + a.w + 3);
    const side = (at: number) =>
      clear(at) &&
      !labels.some(
        (a) =>
          a !== l &&
          a.row === l.row &&
          Math.min(at, l.x) <= a.x + a.w &&
          a.x <= Math.max(at, l.x + l.w),
      );
    const over = [];
    for (let at = l.x + 3; at <= l.x + l.w - 3; at += 2) over.push(at);
    const beside = [];
    for (let d = 4; d <= LABEL_GAP + 40; d += 2) beside.push(l.x - d, l.x + l.w + d);
    const at = over.find(clear) ?? beside.find((c) => c >= L.plotX0 && c <= L.plotX1 && side(c));
    if (at !== undefined) l.leaderX = at;
  }
  return boxes;
}

/**
 * The leader's path: down from the mark to just above the label rows, across,
 * then down onto the label's top, or (dropping beside it) to its middle and
 * across to its edge.
 */
export function leaderPath(box: BandBox, leaderTop: number): string {
  const l = box.label;
  if (l === null) return "";
  const start = `M${box.anchorX},${box.anchorY + 4}V${leaderTop}H${l.leaderX}`;
  if (l.leaderX >= l.x && l.leaderX <= l.x + l.w) return `${start}V${l.y}`;
  const edge = l.leaderX < l.x ? l.x - 1 : l.x + l.w + 1;
  return `${start}V${l.y + l.h / 2}H${edge}`;
}

/** The anomaly whose mark is near the point (the last drawn wins): a click on it selects the anomaly. */
export function bandAt(boxes: BandBox[], px: number, py: number): string | null {
  for (let i = boxes.length - 1; i >= 0; i--)
    if (nearPrims(boxes[i].prims, px, py)) return boxes[i].band.anomaly.id;
  return null;
}

/** The anomaly whose label is under the point, if any. */
export function bandLabelAt(boxes: BandBox[], px: number, py: number): string | null {
  for (let i = boxes.length - 1; i >= 0; i--) {
    const l = boxes[i].label;
    if (l && px >= l.x - 2 && px <= l.x + l.w + 2 && py >= l.y - 2 && py <= l.y + l.h + 2)
      return boxes[i].band.anomaly.id;
  }
  return null;
}
