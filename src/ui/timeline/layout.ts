import type { NodeInfo } from "../../sim/types";
import { CHAR_EM, textWidth } from "./text-width";

/** Vertical layout: an axis strip, then lanes grouped with a small gap and a group label. */
export interface Layout {
  width: number;
  height: number;
  /** Left edge of the plot; the gutter holds lane labels. */
  plotX0: number;
  plotX1: number;
  axisH: number;
  laneH: number;
  /** Centre y of each lane. */
  laneY: number[];
  groups: { name: string; y0: number; y1: number }[];
  /** Text size in px of values and labels on the plot (lane names, axis, marks, anomaly labels). */
  textPx: number;
  /** The anomaly label row(s) under the lanes: labels live here, never over a value. */
  labelY0: number;
  labelRowH: number;
  labelRows: number;
}

/** The plot's text at its ordinary size; presenter mode asks for 16 px. */
export const TEXT_PX = 10;
export const GUTTER = 116;
/** The time axis's unit, at the left of the axis in the gutter. */
export const AXIS_UNIT = "simulated ms";
const AXIS_H = 22;
const GROUP_GAP = 6;
/** Each group opens with a row for its title, so long lane labels never run into it. */
const GROUP_HEAD = 13;
const RIGHT_PAD = 12;

export { CHAR_EM };

export interface LayoutOptions {
  /** Text size in px (default `TEXT_PX`); the gutter, axis and rows grow with it. */
  textPx?: number;
  /** Rows to keep under the lanes for anomaly labels (0: none). */
  labelRows?: number;
}

/** `laneHeight` fixes the lane height (the height then follows); else lanes share `height`. */
export function computeLayout(
  nodes: NodeInfo[],
  width: number,
  height?: number,
  laneHeight?: number,
  { textPx = TEXT_PX, labelRows = 0 }: LayoutOptions = {},
): Layout {
  const scale = textPx / TEXT_PX;
  const axisH = Math.round(AXIS_H * scale);
  const groupHead = Math.round(GROUP_HEAD * scale);
  const labelRowH = Math.round(textPx * 1.1 + 4);
  const strip = labelRows * labelRowH;
  const groupNames = [...new Set(nodes.map((n) => n.group))];
  const gaps = Math.max(0, groupNames.length - 1) * GROUP_GAP + groupNames.length * groupHead;
  const lanes = Math.max(1, nodes.length);
  // A lane holds its value labels above the marks: never shorter than two lines of text.
  const minLane = textPx > TEXT_PX ? Math.round(textPx * 2) : 14;
  const maxLane = Math.max(44, minLane);
  // Lanes get what the height allows, within legible bounds; no height = comfortable default.
  const fitted = height
    ? Math.max(minLane, Math.min(maxLane, (height - axisH - gaps - strip - 8) / lanes))
    : Math.max(30, minLane);
  const laneH = laneHeight ?? fitted;
  const laneY: number[] = [];
  const groups: Layout["groups"] = [];
  let y = axisH + 4;
  let prev: string | null = null;
  for (const n of nodes) {
    if (prev !== null && n.group !== prev) y += GROUP_GAP;
    if (n.group !== prev) {
      groups.push({ name: n.group, y0: y, y1: y });
      y += groupHead;
    }
    laneY.push(y + laneH / 2);
    y += laneH;
    groups[groups.length - 1].y1 = y;
    prev = n.group;
  }
  // A few px between the lanes and the label rows, where leader lines run across.
  const labelY0 = y + (labelRows > 0 ? 6 : 0);
  y = labelY0 + strip;
  // The gutter fits the longest lane name at the text size (lane names are 1.1× the plot's text).
  const longest = Math.max(0, ...nodes.map((n) => n.id.length));
  // and the axis's unit ("simulated ms", drawn from x = 8) ends clear of the first tick's number.
  const gutter = Math.max(
    GUTTER,
    Math.ceil(longest * CHAR_EM * textPx * 1.1 + 18),
    8 + textWidth(AXIS_UNIT, textPx) + 16,
  );
  return {
    width,
    // Never shorter than the lanes: too many lanes for the height grow the plot rather than lose lanes.
    height: Math.max(laneHeight === undefined ? (height ?? 0) : 0, y + 8),
    plotX0: gutter,
    plotX1: Math.max(gutter + 40, width - RIGHT_PAD),
    axisH,
    laneH,
    laneY,
    groups,
    textPx,
    labelY0,
    labelRowH,
    labelRows,
  };
}

/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies); every
 * meaning is also carried by a shape or a word, never by colour alone.
 */
export const COLORS = {
  arrow: "#56647a",
  drop: "#D55E00",
  dup: "#7a5195",
  apply: "#0072B2",
  append: "#009E73",
  hw: "#CC79A7",
  client: "#333333",
  crash: "#777777",
  partition: "#E69F00",
  playhead: "#D55E00",
  select: "#F0B400",
} as const;

export const LETTER_COLORS: Record<string, string> = {
  A: "#E69F00",
  C: "#0072B2",
  I: "#D55E00",
  D: "#CC79A7",
};
