import type { AnomalyKind } from "../../check/types";
import type { SweepPoint } from "../../workshop/sweep";

/**
 * What a sweep's chart counts as a run "with" a kind: one whose anomaly did
 * not heal by the run's end (`confirmed`), or any, healed ones too (`any`).
 */
export type SweepCount = "confirmed" | "any";

export const COUNT_LABEL: Record<SweepCount, string> = {
  confirmed: "confirmed only (did not heal)",
  any: "confirmed or healed",
};

export interface Counted {
  k: number;
  interval: [number, number];
  witness: number | undefined;
}

/** A point's count, interval and witness for one kind under one way of counting. */
export function counted(p: SweepPoint, kind: AnomalyKind, count: SweepCount): Counted {
  return count === "confirmed"
    ? {
        k: p.confirmed[kind],
        interval: p.confirmedIntervals[kind],
        witness: p.confirmedWitnesses[kind],
      }
    : { k: p.counts[kind], interval: p.intervals[kind], witness: p.witnesses[kind] };
}

/** Runs that showed the kind only healed. */
export const healedOnly = (p: SweepPoint, kind: AnomalyKind): number =>
  p.counts[kind] - p.confirmed[kind];
