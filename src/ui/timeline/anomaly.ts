import { anomaliesAt } from "../../check";
import type { AcidLetter, Anomaly, AnomalyState, Report } from "../../check/types";
import { ACID_LETTER } from "../../check/types";
import type { Geometry } from "./geometry";
import type { View } from "./view";

export interface AnomalyBand {
  anomaly: Anomaly;
  state: AnomalyState;
  letter: AcidLetter;
  from: number;
  to: number;
  lanes: number[];
}

/** Anomalies visible at `t`, with the lanes their stores occupy. */
export function anomalyBands(g: Geometry, report: Report | null, t: number): AnomalyBand[] {
  if (!report) return [];
  // The checker's own view of "what was known at t": no band before detection,
  // and the state (and span end) as they were then.
  return anomaliesAt(report, t).map((a) => ({
    anomaly: a,
    state: a.state,
    letter: ACID_LETTER[a.kind],
    from: a.span.from,
    to: Math.max(a.span.from, a.span.to),
    lanes: lanesOf(g, a.stores),
  }));
}

/** `log` stands for the brokers; an unknown name falls back to every store lane. */
function lanesOf(g: Geometry, stores: string[]): number[] {
  const lanes = new Set<number>();
  for (const s of stores) {
    const lane = g.laneOf.get(s);
    if (lane !== undefined) lanes.add(lane);
    else if (s === "log")
      g.nodes.forEach((n, i) => {
        if (n.group === "log") lanes.add(i);
      });
  }
  if (lanes.size === 0)
    g.nodes.forEach((n, i) => {
      if (n.group === "stores") lanes.add(i);
    });
  return [...lanes].sort((x, y) => x - y);
}

/** Anomalies detected by `t`, per ACID letter (the compare scoreboard). */
export function countByLetter(report: Report | null, t: number): Record<AcidLetter, number> {
  const counts: Record<AcidLetter, number> = { A: 0, C: 0, I: 0, D: 0 };
  for (const a of report?.anomalies ?? []) if (t >= a.detectedAt) counts[ACID_LETTER[a.kind]]++;
  return counts;
}

/** Rows under the lanes for anomaly labels; a label that finds no room joins the last row's "+N". */
export const MAX_BAND_ROWS = 3;
/** Band labels are bold and 1.1× the plot's text; this is a generous width per character, in ems. */
const BAND_CHAR_EM = 0.7;
const LABEL_GAP = 8;
/** How far right of its band's start a label may move to find room, px (its leader line shows where it belongs). */
const MAX_SHIFT = 260;

/** The first x ≥ `want` where a label `w` wide overlaps none of a row's labels. */
function freeAt(placed: ReadonlyArray<{ box: BandBox }>, want: number, w: number): number {
  const spans = placed
    .map(({ box }) => box.label)
    .filter((l): l is BandLabel => l !== null)
    .sort((a, b) => a.x - b.x);
  let x = want;
  for (const l of spans) {
    if (x + w + LABEL_GAP <= l.x) break;
    if (l.x + l.w + LABEL_GAP > x) x = l.x + l.w + LABEL_GAP;
  }
  return x;
}

export interface BandLabel {
  x: number;
  /** Top of the label's box. */
  y: number;
  w: number;
  h: number;
  text: string;
  row: number;
  /** Where the leader line meets the band (its bottom edge, at its left end). */
  anchorX: number;
  anchorY: number;
}

export interface BandBox {
  band: AnomalyBand;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where its label goes in the label row(s) under the lanes, or null when another's "+N" counts it. */
  label: BandLabel | null;
}

function overlaps(a: AnomalyBand, b: AnomalyBand): boolean {
  const lanes =
    a.lanes[0] <= b.lanes[b.lanes.length - 1] && b.lanes[0] <= a.lanes[a.lanes.length - 1];
  return lanes && a.from <= b.to && b.from <= a.to;
}

export function bandLabelText(b: AnomalyBand, more: number): string {
  const state = b.state === "healed" ? " (healed)" : b.state === "suspected" ? "?" : "";
  return `${b.letter} · ${b.anomaly.kind}${state}${more > 0 ? ` +${more}` : ""}`;
}

/**
 * Where each band and its label are drawn. Bands over the same lanes and times
 * (a race is often both I and C) nest. Labels never sit on the lanes, where
 * they would cover values: each goes into the label row(s) under the lanes,
 * left to right from its band's start, in the first row with room, joined to
 * its band by a leader line; one that finds no room is counted as "+N" on the
 * last row's label before it. The plot draws from this and hit-tests labels with it.
 */
export function bandBoxes(v: View, bands: AnomalyBand[]): BandBox[] {
  const { layout: L, x } = v;
  const fontPx = L.textPx * 1.1;
  const charW = BAND_CHAR_EM * fontPx;
  const boxes: BandBox[] = bands.map((b, i) => {
    const nest = bands.slice(0, i).filter((o) => overlaps(o, b)).length;
    const inset = Math.min(nest, MAX_BAND_ROWS) * 2;
    const y0 = L.laneY[b.lanes[0]] - L.laneH / 2 + inset;
    const y1 = L.laneY[b.lanes[b.lanes.length - 1]] + L.laneH / 2 - inset;
    // Clamp to just outside the plot: zoomed in, a band can be 100k px wide, and
    // rasterising (worse, dashing) that outline costs whole frames. The clip hides the cut.
    const bx = Math.max(L.plotX0 - 10, x(b.from));
    const w = Math.max(3, Math.min(L.plotX1 + 10, x(b.to)) - bx);
    return { band: b, x: bx, y: y0, width: w, height: y1 - y0, label: null };
  });
  if (L.labelRows === 0) return boxes;
  const rows: Array<Array<{ box: BandBox; more: number }>> = Array.from(
    { length: L.labelRows },
    () => [],
  );
  const order = boxes
    .map((box, i) => ({ box, i, at: Math.max(box.x, L.plotX0) }))
    // Off to the right of the view: no label (and nothing to point at).
    .filter((o) => o.at <= L.plotX1 && o.box.x + o.box.width >= L.plotX0)
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const place = (box: BandBox, row: number, text: string, lx: number) => {
    const w = Math.ceil(text.length * charW);
    box.label = {
      x: lx,
      y: L.labelY0 + row * L.labelRowH + 1,
      w,
      h: L.labelRowH - 2,
      text,
      row,
      anchorX: Math.max(box.x, L.plotX0) + 1,
      anchorY: box.y + box.height,
    };
  };
  for (const { box, at } of order) {
    const text = bandLabelText(box.band, 0);
    const w = Math.ceil(text.length * charW);
    // Stay inside the plot: a band near the right edge puts its label to the left of its start.
    const want = Math.max(L.plotX0 + 2, Math.min(at + 2, L.plotX1 - w));
    // In each row, the first free place at or right of where the band starts; the nearest row wins.
    let best: { row: number; x: number } | null = null;
    for (const [row, placed] of rows.entries()) {
      const lx = freeAt(placed, want, w);
      if (lx + w > L.plotX1 || lx - want > MAX_SHIFT) continue;
      if (best === null || lx < best.x) best = { row, x: lx };
      if (lx === want) break;
    }
    if (best !== null) {
      place(box, best.row, text, best.x);
      rows[best.row].push({ box, more: 0 });
      continue;
    }
    // No room in any row: the last row's rightmost label counts it ("+N").
    const last = rows[rows.length - 1];
    const host = last.reduce<(typeof last)[number] | undefined>(
      (r, p) => (r === undefined || (p.box.label?.x ?? 0) > (r.box.label?.x ?? 0) ? p : r),
      undefined,
    );
    if (host === undefined) continue;
    host.more++;
    const hostLabel = host.box.label;
    if (hostLabel !== null)
      place(host.box, hostLabel.row, bandLabelText(host.box.band, host.more), hostLabel.x);
  }
  return boxes;
}

/** The anomaly whose label is under the point, if any (the last drawn wins). */
/** The innermost (last drawn) band whose box holds the point: a click on a band selects its anomaly. */
export function bandAt(boxes: BandBox[], px: number, py: number): string | null {
  for (let i = boxes.length - 1; i >= 0; i--) {
    const b = boxes[i];
    if (px >= b.x && px <= b.x + b.width && py >= b.y && py <= b.y + b.height)
      return b.band.anomaly.id;
  }
  return null;
}

export function bandLabelAt(boxes: BandBox[], px: number, py: number): string | null {
  for (let i = boxes.length - 1; i >= 0; i--) {
    const l = boxes[i].label;
    if (l && px >= l.x - 2 && px <= l.x + l.w + 2 && py >= l.y - 2 && py <= l.y + l.h + 2)
      return boxes[i].band.anomaly.id;
  }
  return null;
}
