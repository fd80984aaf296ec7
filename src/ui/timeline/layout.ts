import type { NodeInfo } from "../../sim/types";

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
}

export const GUTTER = 116;
const AXIS_H = 22;
const GROUP_GAP = 6;
/** Each group opens with a row for its title, so long lane labels never run into it. */
const GROUP_HEAD = 13;
const RIGHT_PAD = 12;

/** `laneHeight` fixes the lane height (the height then follows); else lanes share `height`. */
export function computeLayout(
  nodes: NodeInfo[],
  width: number,
  height?: number,
  laneHeight?: number,
): Layout {
  const groupNames = [...new Set(nodes.map((n) => n.group))];
  const gaps = Math.max(0, groupNames.length - 1) * GROUP_GAP + groupNames.length * GROUP_HEAD;
  const lanes = Math.max(1, nodes.length);
  // Lanes get what the height allows, within legible bounds; no height = comfortable default.
  const fitted = height ? Math.max(14, Math.min(44, (height - AXIS_H - gaps - 8) / lanes)) : 30;
  const laneH = laneHeight ?? fitted;
  const laneY: number[] = [];
  const groups: Layout["groups"] = [];
  let y = AXIS_H + 4;
  let prev: string | null = null;
  for (const n of nodes) {
    if (prev !== null && n.group !== prev) y += GROUP_GAP;
    if (n.group !== prev) {
      groups.push({ name: n.group, y0: y, y1: y });
      y += GROUP_HEAD;
    }
    laneY.push(y + laneH / 2);
    y += laneH;
    groups[groups.length - 1].y1 = y;
    prev = n.group;
  }
  return {
    width,
    // Never shorter than the lanes: too many lanes for the height grow the plot rather than lose lanes.
    height: Math.max(laneHeight === undefined ? (height ?? 0) : 0, y + 8),
    plotX0: GUTTER,
    plotX1: Math.max(GUTTER + 40, width - RIGHT_PAD),
    axisH: AXIS_H,
    laneH,
    laneY,
    groups,
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
