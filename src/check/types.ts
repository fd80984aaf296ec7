/**
 * What the checkers report about one trace. Everything here is plain JSON so a
 * report can be saved, diffed, or sent from a worker to the UI unchanged.
 */

export const ANOMALY_KINDS = [
  "atomicity",
  "isolation",
  "consistency",
  "durability",
  "duplicate",
  "stale-read",
  "false-failure",
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export type AcidLetter = "A" | "C" | "I" | "D";

/**
 * The ACID property each kind breaks. Three are not ACID letters in the strict
 * sense and are filed under the nearest one: a duplicate effect is a write that
 * did not take effect exactly once, so it sits with atomicity (A); a false
 * failure is a write the caller was told failed that took effect anyway — the
 * caller sees "nothing" where "all" happened — so it sits with atomicity too;
 * a stale read is a read that does not see the reader's own earlier write, an
 * ordering/visibility failure, so it sits with isolation (I).
 */
export const ACID_LETTER: Record<AnomalyKind, AcidLetter> = {
  atomicity: "A",
  isolation: "I",
  consistency: "C",
  durability: "D",
  duplicate: "A",
  "stale-read": "I",
  "false-failure": "A",
};

/**
 * `suspected`: the trace shows it but it could still heal (the run goes on).
 * `confirmed`: it can no longer heal (it held at quiescence, or it is a fact
 * that cannot be undone, like an increment applied twice or a read already returned).
 * `healed`: a later event undid it before quiescence.
 */
export type AnomalyState = "suspected" | "confirmed" | "healed";

export interface Anomaly {
  /** Stable within a report: kind, key, stores and writes (plus time for repeated episodes). */
  id: string;
  kind: AnomalyKind;
  key: string;
  /** Workload op ids involved (for a stale read: the read op first, then the write it should have seen). */
  writes: number[];
  /** `seq` of the trace events that show the anomaly, in trace order. */
  events: number[];
  /** Store names involved; `log` stands for the log itself where it is the reference. */
  stores: string[];
  /** Simulated ms at which the trace first shows it. Never before the evidence exists. */
  detectedAt: number;
  /** From the earliest involved event to the moment it settled (healed or confirmed), or to its detection. */
  span: { from: number; to: number };
  /** The state at the end of the run; use `anomaliesAt` for the state at an earlier time. */
  state: AnomalyState;
  confirmedAt?: number;
  healedAt?: number;
  /** One plain-English sentence naming stores, keys and values. */
  explanation: string;
}

export interface LagStats {
  count: number;
  minMs: number;
  medianMs: number;
  maxMs: number;
}

/** A step function sampled where it changes: `lag[i]` holds from `t[i]` on. */
export interface LagSeries {
  t: number[];
  lag: number[];
}

export interface MessageCounts {
  sent: number;
  delivered: number;
  dropped: number;
  duplicated: number;
  /** Drops by reason (`loss`, `partition`, `crashed`). */
  droppedByReason: Record<string, number>;
}

export interface Metrics {
  /** Per store: time from a write's invoke to its first apply in that store. */
  propagationLagMs: Record<string, LagStats>;
  /** Per consumer: high watermark minus committed offset (summed over partitions), in records. */
  consumerLag: Record<string, LagSeries>;
  messages: MessageCounts;
  quiescedAt: number | null;
}

/**
 * A log partition with no leader at the end of the run: its records sit on a
 * crashed in-sync replica's disk. Unavailable, not lost — nothing in it is
 * reported as a durability anomaly, and stores behind it are only lagging.
 */
export interface OfflinePartition {
  partition: number;
  /** When the partition lost its last leader (simulated ms). */
  since: number;
  /** The replica whose return brings the partition back. */
  waitingFor: string | null;
  /** Writes the partition holds that no store fed by it has applied yet. */
  writes: number[];
  explanation: string;
}

export interface Report {
  /** Sorted by `detectedAt`, then `id`. */
  anomalies: Anomaly[];
  /** Partitions offline at the end (empty when every partition has a leader). */
  offline: OfflinePartition[];
  metrics: Metrics;
  quiescedAt: number | null;
}
