/**
 * Anomaly marks that point, not paint: each kind drawn where it lives, from
 * the checker's own report (what it calls an anomaly and nothing else; normal
 * lag is never one). Pure geometry in time and lane, then in pixels; the plot
 * draws from it, hit-tests it and puts one label per anomaly with the shared
 * placement function (label-place.ts).
 *
 * - isolation: each write's applies joined across the stores, so the two
 *   joins cross where the stores applied them in opposite orders;
 * - consistency: a bar on the diverging store's lane only, from the
 *   divergence to its repair (healed) or to the playhead;
 * - atomicity: a ghost of the write on the lane of each store that never got it;
 * - durability: from the acknowledgement to the event that lost the write;
 * - duplicate: the two applies of one write joined;
 * - stale read, false failure: the anomaly's own events joined in time order.
 */
import type { AcidLetter, Anomaly, AnomalyKind, AnomalyState } from "../../check/types";
import type { TraceEvent } from "../../sim/types";
import type { Geometry } from "./geometry";
import type { Layout } from "./layout";

/** A join between two events (any lanes). */
export interface LinkPrim {
  kind: "link";
  t1: number;
  lane1: number;
  t2: number;
  lane2: number;
}
/** A bar along one lane. */
export interface BarPrim {
  kind: "bar";
  lane: number;
  from: number;
  to: number;
}
/** Where a write should be and is not. */
export interface GhostPrim {
  kind: "ghost";
  lane: number;
  t: number;
}
/** Two events on one lane joined under it. */
export interface BracketPrim {
  kind: "bracket";
  lane: number;
  from: number;
  to: number;
}
/** The event that lost a write. */
export interface LossPrim {
  kind: "loss";
  lane: number;
  t: number;
}
export type AnomalyPrim = LinkPrim | BarPrim | GhostPrim | BracketPrim | LossPrim;

/** The legend's name for an anomaly's mark: one per way of drawing it. */
export type AnomalyMarkKind =
  | "anomaly-isolation"
  | "anomaly-consistency"
  | "anomaly-atomicity"
  | "anomaly-durability"
  | "anomaly-duplicate"
  | "anomaly-link";

export const ANOMALY_MARK_OF: Record<AnomalyKind, AnomalyMarkKind> = {
  isolation: "anomaly-isolation",
  consistency: "anomaly-consistency",
  atomicity: "anomaly-atomicity",
  durability: "anomaly-durability",
  duplicate: "anomaly-duplicate",
  "stale-read": "anomaly-link",
  "false-failure": "anomaly-link",
};

export interface AnomalyShape {
  prims: AnomalyPrim[];
  /** Where its label's leader line points. */
  anchor: { t: number; lane: number };
}

type Ev = TraceEvent & { lane: number };

function eventsOn(g: Geometry, a: Anomaly): Ev[] {
  const out: Ev[] = [];
  for (const seq of a.events) {
    const e = g.eventBySeq(seq);
    const lane = e ? g.laneOf.get(e.node) : undefined;
    if (e && lane !== undefined) out.push({ ...e, lane });
  }
  return out.sort((x, y) => x.t - y.t || x.seq - y.seq);
}

/** Consecutive events (time order) joined: a link across lanes, a bracket along one. */
function chain(evs: readonly Ev[]): AnomalyPrim[] {
  const out: AnomalyPrim[] = [];
  for (let i = 1; i < evs.length; i++) {
    const [p, q] = [evs[i - 1], evs[i]];
    out.push(
      p.lane === q.lane
        ? { kind: "bracket", lane: p.lane, from: p.t, to: q.t }
        : { kind: "link", t1: p.t, lane1: p.lane, t2: q.t, lane2: q.lane },
    );
  }
  return out;
}

/**
 * The marks of one anomaly as known at `t` (pass the anomaly as `anomaliesAt`
 * gives it: its state and `healedAt` are those known then). Null when none of
 * its stores or events has a lane.
 */
export function anomalyShape(g: Geometry, a: Anomaly, t: number): AnomalyShape | null {
  const evs = eventsOn(g, a).filter((e) => e.t <= Math.max(t, a.detectedAt));
  const last = evs[evs.length - 1];
  const laneOf = (s: string) => g.laneOf.get(s);
  switch (a.kind) {
    case "isolation": {
      // Per write, its applies in time order joined across stores: two writes applied in
      // opposite orders give two joins that cross.
      const prims: AnomalyPrim[] = [];
      for (const w of a.writes) prims.push(...chain(evs.filter((e) => e.write === w)));
      if (prims.length === 0) prims.push(...chain(evs));
      return last ? { prims, anchor: { t: last.t, lane: last.lane } } : null;
    }
    case "consistency": {
      // The reference (db or the log) comes first; the stores after it diverge from it.
      const to = a.state === "healed" && a.healedAt !== undefined ? a.healedAt : t;
      const from = Math.min(a.detectedAt, to);
      const lanes = a.stores.slice(1).flatMap((s) => laneOf(s) ?? []);
      if (lanes.length === 0) return null;
      return {
        prims: lanes.map((lane) => ({ kind: "bar", lane, from, to: Math.max(from, to) })),
        anchor: { t: from, lane: lanes[0] },
      };
    }
    case "atomicity": {
      // Stores listed after those that applied the write never got it: a ghost on each.
      const applied = new Set(
        evs
          .filter((e) => e.type === "apply" && a.writes.includes(e.write ?? -1))
          .map((e) => e.node),
      );
      const at = evs.filter((e) => e.type === "apply").at(-1)?.t ?? a.detectedAt;
      const lanes = a.stores.filter((s) => !applied.has(s)).flatMap((s) => laneOf(s) ?? []);
      if (lanes.length === 0) return null;
      return {
        prims: lanes.map((lane) => ({ kind: "ghost", lane, t: at })),
        anchor: { t: at, lane: lanes[0] },
      };
    }
    case "durability": {
      // From the acknowledgement (the promise) to the event that broke it.
      const ack = evs.find((e) => e.type === "ack") ?? evs[0];
      if (!ack || !last) return null;
      const prims: AnomalyPrim[] = [];
      if (last !== ack)
        prims.push(
          last.lane === ack.lane
            ? { kind: "bracket", lane: ack.lane, from: ack.t, to: last.t }
            : { kind: "link", t1: ack.t, lane1: ack.lane, t2: last.t, lane2: last.lane },
        );
      prims.push({ kind: "loss", lane: last.lane, t: last.t });
      return { prims, anchor: { t: last.t, lane: last.lane } };
    }
    default: {
      // duplicate (two applies of one write), stale read, false failure: the events joined.
      if (!last) return null;
      const prims = chain(evs);
      return { prims, anchor: { t: last.t, lane: last.lane } };
    }
  }
}

/** An anomaly known at the playhead, with its marks. */
export interface AnomalyBand {
  anomaly: Anomaly;
  state: AnomalyState;
  letter: AcidLetter;
  markKind: AnomalyMarkKind;
  shape: AnomalyShape;
}

/** A primitive in pixels: a path's data, and points for hit testing. */
export interface PixelPrim {
  kind: AnomalyPrim["kind"];
  d: string;
  /** Segments (x1, y1, x2, y2) a click near which selects the anomaly. */
  segs: number[];
}

const GHOST_R = 6;

/** The marks in pixels (`x` maps time to px; bars and brackets are clipped to the plot). */
export function primsInPx(
  prims: readonly AnomalyPrim[],
  x: (t: number) => number,
  L: Layout,
  /** Bars drawn earlier on the same lane over the same times: this one goes below them. */
  nest = 0,
): PixelPrim[] {
  const clip = (px: number) => Math.max(L.plotX0 - 4, Math.min(L.plotX1 + 4, px));
  const below = Math.max(5, Math.round(L.laneH * 0.28));
  return prims.map((p) => {
    switch (p.kind) {
      case "link": {
        const [x1, y1, x2, y2] = [x(p.t1), L.laneY[p.lane1], x(p.t2), L.laneY[p.lane2]];
        return { kind: p.kind, d: `M${x1},${y1}L${x2},${y2}`, segs: [x1, y1, x2, y2] };
      }
      case "bar": {
        const y = L.laneY[p.lane] + below + Math.min(nest, 2) * 4;
        const [x1, x2] = [clip(x(p.from)), clip(x(p.to))];
        const x2w = Math.max(x2, x1 + 3);
        return { kind: p.kind, d: `M${x1},${y}H${x2w}`, segs: [x1, y, x2w, y] };
      }
      case "bracket": {
        const y = L.laneY[p.lane];
        const [x1, x2] = [clip(x(p.from)), clip(x(p.to))];
        return {
          kind: p.kind,
          d: `M${x1},${y + 3}V${y + below}H${x2}V${y + 3}`,
          segs: [x1, y + below, x2, y + below],
        };
      }
      case "ghost": {
        const [cx, cy] = [x(p.t), L.laneY[p.lane]];
        const r = GHOST_R;
        return {
          kind: p.kind,
          d: `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`,
          segs: [cx - r, cy, cx + r, cy],
        };
      }
      default: {
        // loss
        const [cx, cy] = [x(p.t), L.laneY[p.lane]];
        const r = GHOST_R;
        return {
          kind: p.kind,
          d: `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0M${cx - 0.7 * r},${cy + 0.7 * r}L${cx + 0.7 * r},${cy - 0.7 * r}`,
          segs: [cx - r, cy, cx + r, cy],
        };
      }
    }
  });
}

/** Squared distance from (px, py) to the segment (x1, y1)–(x2, y2). */
function dist2(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const [dx, dy] = [x2 - x1, y2 - y1];
  const len = dx * dx + dy * dy;
  const k = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
  const [qx, qy] = [x1 + k * dx - px, y1 + k * dy - py];
  return qx * qx + qy * qy;
}

/** Is (px, py) within `tol` px of any of the prims' segments? */
export function nearPrims(prims: readonly PixelPrim[], px: number, py: number, tol = 6): boolean {
  for (const p of prims)
    for (let i = 0; i < p.segs.length; i += 4)
      if (dist2(px, py, p.segs[i], p.segs[i + 1], p.segs[i + 2], p.segs[i + 3]) <= tol * tol)
        return true;
  return false;
}
