/**
 * Every kind of mark the timeline draws, with the legend's words for it, and
 * which of them a view shows. The plot tags what it draws with these names
 * (`data-mark`), the legend lists them, and the timeline's root carries the
 * kinds on screen (`data-marks`) so a test can hold one against the other.
 */

import type { EventType } from "../../sim/types";
import { ANOMALY_MARK_OF, type AnomalyMarkKind } from "./anomaly-marks";
import {
  ARROW_DROP,
  ARROW_LOST,
  type Geometry,
  lowerBound,
  TYPE_NAMES,
  upperBound,
} from "./geometry";
import { markStyle } from "./marks";
import { oncePer } from "./once-per";
import type { View } from "./view";

export type ArrowKind = "message" | "dropped" | "duplicate-message" | "in-flight";
export type BandKind = "down" | "partitioned";
/** Not a mark of its own: how every anomaly mark shows its state (listed whenever one is drawn). */
export const ANOMALY_STATES = "anomaly-states";
export type MarkKind = EventType | ArrowKind | BandKind | AnomalyMarkKind | typeof ANOMALY_STATES;

export interface KindInfo {
  kind: MarkKind;
  label: string;
  /** The hover/focus definition: what the mark means, in a sentence. */
  definition: string;
}

const OTHER_KINDS: KindInfo[] = [
  {
    kind: "message",
    label: "message",
    definition:
      "A message from one node to another, sent at the tail and delivered at the arrowhead.",
  },
  {
    kind: "in-flight",
    label: "in flight",
    definition: "A message sent but not delivered yet at the playhead.",
  },
  {
    kind: "dropped",
    label: "dropped",
    definition: "A message the network lost (or a partition or crash cut): it never arrives.",
  },
  {
    kind: "duplicate-message",
    label: "duplicate",
    definition: "A second copy of a message the network delivered again.",
  },
  { kind: "down", label: "node down", definition: "The node is crashed for this stretch of time." },
  {
    kind: "partitioned",
    label: "partitioned",
    definition: "The network cuts these nodes off from the others for this stretch of time.",
  },
  {
    kind: "anomaly-isolation",
    label: "isolation: crossing applies",
    definition:
      "Each write's applies joined across the stores: the joins cross because the stores applied the writes in opposite orders.",
  },
  {
    kind: "anomaly-consistency",
    label: "consistency: store differs",
    definition:
      "A bar under the diverging store's lane, from when it differs from the reference until it is repaired (or the playhead).",
  },
  {
    kind: "anomaly-atomicity",
    label: "atomicity: never arrived",
    definition: "A ghost where a store should have got the write and never did.",
  },
  {
    kind: "anomaly-durability",
    label: "durability: acked then lost",
    definition: "From the acknowledgement the client was given to the event that lost the write.",
  },
  {
    kind: "anomaly-duplicate",
    label: "duplicate: applied twice",
    definition: "The two applies of one write on the same store, joined.",
  },
  {
    kind: ANOMALY_STATES,
    label: "anomaly: suspected / confirmed / healed",
    definition:
      "Every anomaly mark is dashed while the anomaly is only suspected (it could still heal), solid once confirmed, and faded once a later event repaired it.",
  },
  {
    kind: "anomaly-link",
    label: "anomaly: events joined",
    definition: "A stale read or a false failure: the events that show it, joined in time order.",
  },
];

const ARROW_KINDS: ArrowKind[] = ["message", "in-flight", "dropped", "duplicate-message"];

/** Every kind, in legend order: messages, event marks, bands, anomaly marks. */
export const KINDS: KindInfo[] = [
  ...OTHER_KINDS.filter((k) => (ARROW_KINDS as MarkKind[]).includes(k.kind)),
  ...TYPE_NAMES.flatMap((t) => {
    const { label, definition } = markStyle(t);
    return definition === undefined ? [] : [{ kind: t, label, definition }];
  }),
  ...OTHER_KINDS.filter((k) => !(ARROW_KINDS as MarkKind[]).includes(k.kind)),
];

/** Per mark type code, the sorted times of its marks: "any in [t0, t1]?" is two binary searches. */
export interface KindIndex {
  markTimes: Float64Array[];
}

export function kindIndex(g: Geometry): KindIndex {
  const counts = new Array<number>(TYPE_NAMES.length).fill(0);
  for (let i = 0; i < g.marks.n; i++) counts[g.marks.type[i]]++;
  const markTimes = counts.map((n) => new Float64Array(n));
  const fill = new Array<number>(TYPE_NAMES.length).fill(0);
  for (let i = 0; i < g.marks.n; i++) {
    const c = g.marks.type[i];
    markTimes[c][fill[c]++] = g.marks.t[i];
  }
  return { markTimes };
}

/** Arrows examined at most per view for the arrow kinds (a big run's window can hold millions). */
const ARROW_SCAN = 20_000;

/**
 * The kinds of mark the view draws: the marks and arrows in the visible
 * window up to the playhead (all of it with `showFuture`), the bands that
 * reach into it, and the anomaly marks drawn.
 */
export function kindsOnScreen(
  v: View,
  ix: KindIndex,
  anomalyKinds: readonly AnomalyMarkKind[],
): MarkKind[] {
  const { g, x, layout: L, playhead, showFuture } = v;
  const t0 = x.invert(L.plotX0);
  const t1 = x.invert(L.plotX1);
  const end = showFuture ? t1 : Math.min(t1, playhead);
  const on = new Set<MarkKind>();
  if (end >= t0) {
    for (const [c, times] of ix.markTimes.entries())
      if (
        times.length > 0 &&
        upperBound(times, end, times.length) > lowerBound(times, t0, times.length)
      )
        on.add(TYPE_NAMES[c]);
    const a = g.arrows;
    const lo = lowerBound(a.sendT, t0 - a.maxFlight, a.n);
    const hi = Math.min(upperBound(a.sendT, end, a.n), lo + ARROW_SCAN);
    for (let i = lo; i < hi; i++) {
      if (a.endT[i] < t0) continue;
      if (a.kind[i] === ARROW_LOST || (a.endT[i] > playhead && !showFuture)) on.add("in-flight");
      else if (a.kind[i] === ARROW_DROP) on.add("dropped");
      else on.add(a.dup[i] === 1 ? "duplicate-message" : "message");
      if (a.dup[i] === 1) on.add("duplicate-message");
    }
    const inView = (b: { from: number; to: number }) => b.from <= end && b.to >= t0;
    if (g.crashes.some(inView)) on.add("down");
    if (g.partitions.some(inView)) on.add("partitioned");
  }
  for (const k of anomalyKinds) on.add(k);
  if (anomalyKinds.length > 0) on.add(ANOMALY_STATES);
  return KINDS.filter((k) => on.has(k.kind)).map((k) => k.kind);
}

export { ANOMALY_MARK_OF };

/** `kindIndex`, once per geometry. */
export const kindIndexOf = oncePer(kindIndex);
