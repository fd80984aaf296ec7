import type { EventReader, NodeInfo, TraceEvent } from "../sim/types";
import type { IdTable } from "./id-table";
import type { LagSeries, LagStats, MessageCounts, Metrics } from "./types";

/** Message counts and consumer lag, fed one event at a time. */
export class MetricsAccumulator {
  readonly messages: MessageCounts = {
    sent: 0,
    delivered: 0,
    dropped: 0,
    duplicated: 0,
    droppedByReason: {},
  };
  readonly consumerLag: Record<string, LagSeries> = {};
  private readonly hw: number[] = [];
  private readonly committed = new Map<string, number[]>();

  constructor(nodes: NodeInfo[]) {
    for (const n of nodes) {
      if (n.kind !== "consumer") continue;
      this.committed.set(n.id, []);
      this.consumerLag[n.id] = { t: [], lag: [] };
    }
  }

  onEvent(e: TraceEvent): void {
    switch (e.type) {
      case "send":
        this.messages.sent++;
        return;
      case "deliver":
        this.messages.delivered++;
        return;
      case "duplicate":
        this.messages.duplicated++;
        return;
      case "drop": {
        this.messages.dropped++;
        const reason = e.detail ?? "unknown";
        this.messages.droppedByReason[reason] = (this.messages.droppedByReason[reason] ?? 0) + 1;
        return;
      }
      case "hw-advance":
        if (e.offset === undefined) return;
        this.hw[e.partition ?? 0] = e.offset;
        for (const consumer of this.committed.keys()) this.sample(consumer, e.t);
        return;
      case "commit-offset": {
        const offsets = this.committed.get(e.node);
        if (offsets === undefined || e.offset === undefined) return;
        offsets[e.partition ?? 0] = e.offset;
        this.sample(e.node, e.t);
        return;
      }
      default:
        return;
    }
  }

  private sample(consumer: string, t: number): void {
    const offsets = this.committed.get(consumer) ?? [];
    let lag = 0;
    for (let p = 0; p < this.hw.length; p++)
      lag += Math.max(0, (this.hw[p] ?? 0) - (offsets[p] ?? 0));
    const series = this.consumerLag[consumer];
    const n = series.lag.length;
    if (n > 0 && series.lag[n - 1] === lag) return;
    series.t.push(t);
    series.lag.push(lag);
  }
}

export function lagStats(values: number[]): LagStats {
  if (values.length === 0) return { count: 0, minMs: 0, medianMs: 0, maxMs: 0 };
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    count: sorted.length,
    minMs: sorted[0],
    medianMs: median,
    maxMs: sorted[sorted.length - 1],
  };
}

/** Per store: for each write it applied, the time from the write's invoke to its first apply there. */
export function propagationLag(
  events: EventReader,
  invokeIdx: IdTable,
  firstApply: Map<string, IdTable>,
  stores: string[],
): Record<string, LagStats> {
  const out: Record<string, LagStats> = {};
  for (const store of stores) {
    const lags: number[] = [];
    firstApply.get(store)?.forEach((i, write) => {
      const inv = invokeIdx.get(write);
      if (inv !== undefined) lags.push(events.get(i).t - events.get(inv).t);
    });
    out[store] = lagStats(lags);
  }
  return out;
}

export function buildMetrics(
  acc: MetricsAccumulator,
  propagation: Record<string, LagStats>,
  quiescedAt: number | null,
): Metrics {
  return {
    propagationLagMs: propagation,
    consumerLag: acc.consumerLag,
    messages: acc.messages,
    quiescedAt,
  };
}
