import type { Facts } from "./facts";
import type { Anomaly, AnomalyKind } from "./types";

export interface Draft {
  kind: AnomalyKind;
  key: string;
  writes: number[];
  /** Indices into `trace.events`. */
  eventIdx: number[];
  stores: string[];
  detectedAt: number;
  healedAt?: number;
  /**
   * `at-detection`: a fact that cannot be undone (an effect applied twice, a
   * read already returned). `at-end`: a state that holds at quiescence.
   */
  settles: "at-detection" | "at-end";
  explanation: string;
  /** Distinguishes repeated episodes of the same kind, key and stores. */
  idSuffix?: string;
}

/** Turns a draft into an anomaly: states, span, and event indices into seqs. */
export function finish(f: Facts, d: Draft): Anomaly {
  const events = f.events;
  const idx = [...new Set(d.eventIdx)].sort((a, b) => a - b);
  let confirmedAt: number | undefined;
  if (d.healedAt === undefined) {
    if (d.settles === "at-detection") confirmedAt = d.detectedAt;
    else if (f.quiesced) confirmedAt = f.end;
  }
  const state =
    d.healedAt !== undefined ? "healed" : confirmedAt !== undefined ? "confirmed" : "suspected";
  let from = d.detectedAt;
  for (const i of idx) from = Math.min(from, events.get(i).t);
  const to = d.healedAt ?? confirmedAt ?? d.detectedAt;
  const anomaly: Anomaly = {
    id: `${d.kind}:${d.key}:${d.stores.join("+")}:${[...new Set(d.writes)].join("+")}${d.idSuffix ?? ""}`,
    kind: d.kind,
    key: d.key,
    writes: [...new Set(d.writes)],
    events: idx.map((i) => events.get(i).seq),
    stores: d.stores,
    detectedAt: d.detectedAt,
    span: { from, to: Math.max(from, to) },
    state,
    explanation: d.explanation,
  };
  if (confirmedAt !== undefined) anomaly.confirmedAt = confirmedAt;
  if (d.healedAt !== undefined) anomaly.healedAt = d.healedAt;
  return anomaly;
}
