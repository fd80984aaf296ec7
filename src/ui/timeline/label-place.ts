/**
 * Where text labels go on the plot, as boxes: one pure function for every
 * label the timeline draws over its marks (anomaly labels in the label rows
 * under the lanes, value labels above each lane's marks). Both back ends draw
 * these labels from the boxes it returns, and click targets are the same boxes.
 *
 * The promise, tested for random inputs: no two placed boxes overlap, no
 * placed box overlaps an obstacle, every box stays within [x0, x1], and every
 * item is either placed or counted exactly once in another's "+N" (or, with
 * `cluster: false`, skipped).
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelItem {
  /** Returned with the placement. */
  id: string;
  /** Where the label wants its left edge (px); it moves right (or left at the plot's end) to find room. */
  want: number;
  /** Width of the label's text (px). */
  w: number;
  /** Which of `rows` it may use (default: all, the nearest first). */
  rows?: readonly number[];
}

export interface PlaceOptions {
  /** Plot's horizontal extent: no box leaves it. */
  x0: number;
  x1: number;
  /** Top of each row (px) and the rows' height. */
  rowY: readonly number[];
  rowH: number;
  /** Horizontal space kept between two labels of a row. */
  gap: number;
  /** How far right of `want` a label may move (a leader line shows where it belongs); 0: stays put. */
  maxShift: number;
  /** Boxes no label may cover (value labels, other text). */
  obstacles?: readonly Box[];
  /**
   * true: an item that finds no room is counted as "+N" on the nearest placed
   * label (whose box was sized for it from the start, so it never grows into
   * a neighbour). false: it is skipped.
   */
  cluster: boolean;
  /** Width of one character (px): sizes the room kept for " +N". */
  charW: number;
}

export interface Placed {
  id: string;
  /** null: counted by `host`'s "+N" (cluster) or skipped. */
  box: Box | null;
  /** Items this label counts as "+N" (0: none). */
  more: number;
  /** The item whose label counts this one, when it was clustered. */
  host: string | null;
}

export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The first x ≥ `from` where `[x, x + w]` fits between the row's taken spans (sorted by x). */
function firstFree(spans: readonly Box[], from: number, w: number, gap: number): number {
  let x = from;
  for (const s of spans) {
    if (x + w + gap <= s.x) break;
    if (s.x + s.w + gap > x) x = s.x + s.w + gap;
  }
  return x;
}

/** Inserts keeping x order. */
function insert(spans: Box[], b: Box): void {
  let i = spans.length;
  while (i > 0 && spans[i - 1].x > b.x) i--;
  spans.splice(i, 0, b);
}

/**
 * Places labels greedily in `items` order (callers sort by anchor): each goes
 * to the row where it can sit nearest to its wanted x, within `maxShift`.
 */
export function placeLabels(items: readonly LabelItem[], o: PlaceOptions): Placed[] {
  const rows = o.rowY.length;
  // Per row, the spans taken so far (labels and the obstacles that reach into the row), in x order.
  const taken: Box[][] = o.rowY.map((y) =>
    (o.obstacles ?? [])
      .filter((b) => b.y < y + o.rowH && y < b.y + b.h)
      .map((b) => ({ ...b }))
      .sort((a, b) => a.x - b.x),
  );
  // Room for " +N" kept on every label when clustering: N can be at most the number of items.
  const suffixW = o.cluster ? Math.ceil((2 + String(items.length).length) * o.charW) : 0;
  const out: Placed[] = items.map((it) => ({ id: it.id, box: null, more: 0, host: null }));
  const placedIdx: number[] = [];
  const reserved: number[] = items.map(() => 0);
  const orphans: number[] = [];
  const room = o.x1 - o.x0;
  for (const [i, it] of items.entries()) {
    const w = Math.min(it.w, room);
    const reserve = Math.min(w + suffixW, room);
    const want = Math.max(o.x0, Math.min(it.want, o.x1 - reserve));
    let best: { row: number; x: number } | null = null;
    for (const row of it.rows ?? o.rowY.keys()) {
      if (row < 0 || row >= rows) continue;
      const x = firstFree(taken[row], want, reserve, o.gap);
      if (x + reserve > o.x1 || x - want > o.maxShift) continue;
      if (best === null || x < best.x) best = { row, x };
      if (x === want) break;
    }
    if (best !== null && w > 0) {
      const box = { x: best.x, y: o.rowY[best.row], w, h: o.rowH };
      insert(taken[best.row], { ...box, w: reserve });
      out[i].box = box;
      reserved[i] = reserve;
      placedIdx.push(i);
      continue;
    }
    if (o.cluster) orphans.push(i);
  }
  // Each label that found no room is counted by the placed label whose wanted spot is nearest.
  for (const i of placedIdx.length > 0 ? orphans : []) {
    let host = placedIdx[0];
    for (const p of placedIdx)
      if (Math.abs(items[p].want - items[i].want) < Math.abs(items[host].want - items[i].want))
        host = p;
    out[host].more++;
    out[i].host = items[host].id;
  }
  // A host's box takes its " +N" (inside the room kept for it).
  for (const [i, p] of out.entries()) {
    if (p.box !== null && p.more > 0)
      p.box.w = Math.min(reserved[i], p.box.w + Math.ceil((2 + String(p.more).length) * o.charW));
  }
  return out;
}

/** The text a placed label shows: its own, plus " +N" when it counts others. */
export function withMore(text: string, more: number): string {
  return more > 0 ? `${text} +${more}` : text;
}
