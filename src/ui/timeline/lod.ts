import { ARROW_DROP, type Geometry, lowerBound, upperBound } from "./geometry";

/**
 * Level of detail for zoomed-out views (Perfetto's approach): bucket time at
 * about two buckets per pixel, with bucket sizes snapped to powers of two so a
 * pan or a small zoom reuses the same buckets, and cache the result by a
 * rounded viewport key. Aggregates are in time, not pixels, so a cached entry
 * stays valid while the view slides across it.
 */

export interface ArrowAgg {
  n: number;
  /** Representative arrow of each bucket (the first one): its real times and lanes. */
  sendT: Float64Array;
  endT: Float64Array;
  from: Int16Array;
  to: Int16Array;
  count: Uint32Array;
  /** bit 0: some arrow in the bucket was dropped; bit 1: some was a duplicate. */
  flags: Uint8Array;
}

export interface MarkAgg {
  n: number;
  t: Float64Array;
  lane: Int16Array;
  count: Uint32Array;
  /** Type code of the first mark in the bucket, to keep its colour. */
  type: Uint8Array;
}

export interface Aggregate {
  key: string;
  bucketMs: number;
  t0: number;
  t1: number;
  arrows: ArrowAgg;
  marks: MarkAgg;
}

/** About two buckets per pixel, snapped to a power of two (so nearby zoom levels share a cache entry). */
export function bucketFor(msPerPx: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(msPerPx / 2, 1e-6)));
}

/** The cached window covers three visible widths, aligned to a grid, so panning rarely misses. */
export function aggregateKey(bucketMs: number, t0: number, t1: number): [string, number, number] {
  const span = bucketMs * 2 ** Math.ceil(Math.log2(Math.max(1, (t1 - t0) / bucketMs)));
  const start = Math.floor(t0 / span) * span - span;
  return [`${bucketMs}:${start}`, start, start + 3 * span];
}

const ARROW_BUCKETS = 8;

export class AggregateCache {
  private entries = new Map<string, Aggregate>();
  constructor(
    private g: Geometry,
    private limit = 8,
  ) {}

  get(msPerPx: number, t0: number, t1: number): Aggregate {
    const bucketMs = bucketFor(msPerPx);
    const [key, w0, w1] = aggregateKey(bucketMs, t0, t1);
    const hit = this.entries.get(key);
    if (hit) return hit;
    const agg = aggregate(this.g, bucketMs, w0, w1, key);
    this.entries.set(key, agg);
    // Oldest first out: Map keeps insertion order.
    if (this.entries.size > this.limit) {
      const first = this.entries.keys().next().value;
      if (first !== undefined) this.entries.delete(first);
    }
    return agg;
  }
}

/**
 * One representative arrow per (sender lane, receiver lane, send bucket) and one
 * mark per (lane, bucket). Inputs are sorted by time, so "same bucket as the
 * last one kept for this pair" is a single typed-array lookup: no maps, no
 * allocation per element, a few ms for tens of thousands of arrows.
 */
export function aggregate(
  g: Geometry,
  bucketMs: number,
  w0: number,
  w1: number,
  key: string,
): Aggregate {
  const a = g.arrows;
  const L = Math.max(1, g.nodes.length);
  const lo = lowerBound(a.sendT, w0 - a.maxFlight, a.n);
  const hi = upperBound(a.sendT, w1, a.n);
  // Arrows between one pair of lanes are merged over ~4 px (8 buckets): at that
  // density single arrows cannot be told apart anyway, and it quarters the lines.
  const arrowBucketMs = bucketMs * ARROW_BUCKETS;
  const lastBucket = new Float64Array(L * L).fill(Number.NaN);
  const lastRow = new Int32Array(L * L);
  const rows = new Int32Array(hi - lo);
  const counts = new Uint32Array(hi - lo);
  const flags = new Uint8Array(hi - lo);
  let n = 0;
  for (let i = lo; i < hi; i++) {
    if (a.endT[i] < w0) continue;
    const sb = Math.floor(a.sendT[i] / arrowBucketMs);
    const pair = a.from[i] * L + a.to[i];
    const f = (a.kind[i] === ARROW_DROP ? 1 : 0) | (a.dup[i] ? 2 : 0);
    if (lastBucket[pair] === sb) {
      const at = lastRow[pair];
      counts[at]++;
      flags[at] |= f;
      continue;
    }
    lastBucket[pair] = sb;
    lastRow[pair] = n;
    rows[n] = i;
    counts[n] = 1;
    flags[n] = f;
    n++;
  }
  const arrows: ArrowAgg = {
    n,
    sendT: new Float64Array(n),
    endT: new Float64Array(n),
    from: new Int16Array(n),
    to: new Int16Array(n),
    count: counts.slice(0, n),
    flags: flags.slice(0, n),
  };
  for (let j = 0; j < n; j++) {
    const i = rows[j];
    arrows.sendT[j] = a.sendT[i];
    arrows.endT[j] = a.endT[i];
    arrows.from[j] = a.from[i];
    arrows.to[j] = a.to[i];
  }

  const m = g.marks;
  const mlo = lowerBound(m.t, w0, m.n);
  const mhi = upperBound(m.t, w1, m.n);
  const laneBucket = new Float64Array(L).fill(Number.NaN);
  const laneRow = new Int32Array(L);
  const mrows = new Int32Array(mhi - mlo);
  const mcounts = new Uint32Array(mhi - mlo);
  let mn = 0;
  for (let i = mlo; i < mhi; i++) {
    const b = Math.floor(m.t[i] / bucketMs);
    const lane = m.lane[i];
    if (laneBucket[lane] === b) {
      mcounts[laneRow[lane]]++;
      continue;
    }
    laneBucket[lane] = b;
    laneRow[lane] = mn;
    mrows[mn] = i;
    mcounts[mn] = 1;
    mn++;
  }
  const marks: MarkAgg = {
    n: mn,
    t: new Float64Array(mn),
    lane: new Int16Array(mn),
    count: mcounts.slice(0, mn),
    type: new Uint8Array(mn),
  };
  for (let j = 0; j < mn; j++) {
    const i = mrows[j];
    marks.t[j] = m.t[i];
    marks.lane[j] = m.lane[i];
    marks.type[j] = m.type[i];
  }
  return { key, bucketMs, t0: w0, t1: w1, arrows, marks };
}
