import { usesLog } from "../sim/topology";
import type { Trace, WriteOp } from "../sim/types";
import { emptySeries, lastAtOrBefore, pushStep, type StepSeries, valueAt } from "./step-series";

/** One broker's changes to one partition's log, in trace order. */
interface LogChange {
  t: number;
  /** Append/replicate put `write` at `offset`; truncate cuts the log to `offset` records. */
  kind: "put" | "truncate";
  offset: number;
  write: number;
}

export interface LogRecord {
  offset: number;
  write: number;
  key: string;
  op: string;
  value: string | number;
}

/** A partition with no leader: since when, and the replica whose return brings it back. */
export interface OfflineSpell {
  since: number;
  waitingFor: string | null;
}

export interface PartitionView {
  partition: number;
  leader: string | null;
  /** Set while the partition has no leader (its records are unavailable, not lost). */
  offline: OfflineSpell | null;
  /**
   * The log of the broker that holds the partition's data: the leader's, or
   * while offline the replica it waits for (as `trace.final.log`).
   */
  records: LogRecord[];
  /** Whose log `records` is: the leader, the awaited replica, or null. */
  holder: string | null;
  highWatermark: number;
  /** Log end offset per broker. */
  brokerEnds: { broker: string; end: number }[];
  /** Committed offset (next to read) per consumer. */
  consumers: { consumer: string; committed: number }[];
}

export interface LogIndex {
  partitions: number;
  brokers: string[];
  consumers: string[];
  /** [partition] -> leader series. */
  leaders: StepSeries<string | null>[];
  /** [partition] -> offline spell series (null while it has a leader). */
  offline: StepSeries<OfflineSpell | null>[];
  /** [partition] -> high watermark series. */
  hw: StepSeries<number>[];
  /** broker -> [partition] -> its log changes. */
  logs: Map<string, LogChange[][]>;
  /** consumer -> [partition] -> committed offset series. */
  commits: Map<string, StepSeries<number>[]>;
  writes: Map<number, WriteOp>;
}

export function buildLogIndex(trace: Trace): LogIndex | null {
  if (!usesLog(trace.scenario.strategy)) return null;
  const partitions = trace.scenario.log.partitions;
  const brokers = trace.nodes.filter((n) => n.kind === "broker").map((n) => n.id);
  const consumers = trace.nodes.filter((n) => n.kind === "consumer").map((n) => n.id);
  const perPartition = <V>(make: () => V): V[] => Array.from({ length: partitions }, make);
  const index: LogIndex = {
    partitions,
    brokers,
    consumers,
    leaders: perPartition(() => emptySeries<string | null>()),
    offline: perPartition(() => emptySeries<OfflineSpell | null>()),
    hw: perPartition(() => emptySeries<number>()),
    logs: new Map(brokers.map((b) => [b, perPartition((): LogChange[] => [])])),
    commits: new Map(consumers.map((c) => [c, perPartition(() => emptySeries<number>())])),
    writes: new Map(trace.writes.map((w) => [w.id, w])),
  };
  // The controller's first leader of partition p is broker (p mod n) + 1, without an event.
  for (let p = 0; p < partitions; p++)
    if (brokers.length > 0) pushStep(index.leaders[p], 0, brokers[p % brokers.length]);
  for (const e of trace.events) {
    const p = e.partition;
    if (p === undefined || p < 0 || p >= partitions) continue;
    switch (e.type) {
      case "append":
      case "replicate":
        if (e.offset !== undefined && e.write !== undefined)
          index.logs
            .get(e.node)
            ?.[p].push({ t: e.t, kind: "put", offset: e.offset, write: e.write });
        break;
      case "truncate":
        if (e.offset !== undefined)
          index.logs
            .get(e.node)
            ?.[p].push({ t: e.t, kind: "truncate", offset: e.offset, write: -1 });
        break;
      case "hw-advance":
        if (e.offset !== undefined) pushStep(index.hw[p], e.t, e.offset);
        break;
      case "elect":
        pushStep(index.leaders[p], e.t, e.detail?.startsWith("epoch") ? e.node : null);
        pushStep(index.offline[p], e.t, offlineSpell(index.offline[p], e.t, e.detail));
        break;
      case "commit-offset":
        if (e.offset !== undefined) {
          const series = index.commits.get(e.node)?.[p];
          if (series !== undefined) pushStep(series, e.t, e.offset);
        }
        break;
      default:
        break;
    }
  }
  return index;
}

const WAITING = "; waiting for ";

/**
 * The spell an `elect` event starts or ends: "offline: …; waiting for broker-K"
 * starts one (or carries on the current one, from its first time), any other
 * election ends it.
 */
function offlineSpell(
  series: StepSeries<OfflineSpell | null>,
  t: number,
  detail: string | undefined,
): OfflineSpell | null {
  if (detail === undefined || !detail.startsWith("offline")) return null;
  const at = detail.indexOf(WAITING);
  const waitingFor = at < 0 ? null : detail.slice(at + WAITING.length);
  const current = valueAt(series, t, null);
  return { since: current?.since ?? t, waitingFor };
}

/** Replays one broker's own changes (not the whole trace) up to t. */
function brokerLogAt(changes: LogChange[], t: number): number[] {
  const log: number[] = [];
  const n = lastAtOrBefore(
    changes.map((c) => c.t),
    t,
  );
  for (let i = 0; i <= n; i++) {
    const c = changes[i];
    if (c.kind === "truncate") log.length = Math.min(log.length, c.offset);
    else log[c.offset] = c.write;
  }
  return log;
}

export function partitionAt(index: LogIndex, partition: number, t: number): PartitionView {
  const leader = valueAt(index.leaders[partition], t, null);
  const brokerLogs = index.brokers.map((b) => ({
    broker: b,
    log: brokerLogAt(index.logs.get(b)?.[partition] ?? [], t),
  }));
  const offline = valueAt(index.offline[partition], t, null);
  const holder = leader ?? offline?.waitingFor ?? null;
  const held = brokerLogs.find((l) => l.broker === holder)?.log ?? [];
  const records: LogRecord[] = [];
  held.forEach((write, offset) => {
    const op = index.writes.get(write);
    records.push({
      offset,
      write,
      key: op?.key ?? "?",
      op: op?.op ?? "set",
      value: op?.value ?? "?",
    });
  });
  return {
    partition,
    leader,
    offline,
    records,
    holder,
    highWatermark: valueAt(index.hw[partition], t, 0),
    brokerEnds: brokerLogs.map((l) => ({ broker: l.broker, end: l.log.length })),
    consumers: index.consumers.map((c) => ({
      consumer: c,
      committed: valueAt(index.commits.get(c)?.[partition] ?? emptySeries<number>(), t, 0),
    })),
  };
}
