import { eventsOf } from "../sim/event-reader";
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
  /** A put: the leader epoch the record was written in. A truncate: the epoch it truncated to. */
  epoch: number;
}

export interface LogRecord {
  offset: number;
  write: number;
  key: string;
  op: string;
  value: string | number;
  /** The leader epoch in which the record was first written. */
  epoch: number;
}

/** A record that a broker cut from its log (KIP-101): kept on show, struck through. */
export interface TruncatedRecord extends LogRecord {
  /** The brokers that cut it, and when the first of them did. */
  brokers: string[];
  t: number;
  /** The leader epoch the broker truncated to (whose leader did not have the record). */
  toEpoch: number;
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
  /** Records some broker truncated at or before the playhead, by offset. */
  truncated: TruncatedRecord[];
  /**
   * Records another broker holds where the holder's log has none or another
   * record: written by an old leader, not (yet) truncated — at risk.
   */
  elsewhere: Array<LogRecord & { brokers: string[] }>;
  /** The in-sync replicas, sorted; after an offline election, the ISR it kept. */
  isr: string[];
  /** The current leader epoch (0 for the first leader). */
  epoch: number;
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
  /** [partition] -> in-sync replica set series (sorted broker ids). */
  isr: StepSeries<string[]>[];
  /** [partition] -> leader epoch series. */
  epochs: StepSeries<number>[];
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
    isr: perPartition(() => emptySeries<string[]>()),
    epochs: perPartition(() => emptySeries<number>()),
    hw: perPartition(() => emptySeries<number>()),
    logs: new Map(brokers.map((b) => [b, perPartition((): LogChange[] => [])])),
    commits: new Map(consumers.map((c) => [c, perPartition(() => emptySeries<number>())])),
    writes: new Map(trace.writes.map((w) => [w.id, w])),
  };
  // The controller's first leader of partition p is broker (p mod n) + 1, without an event.
  // Every replica starts in the ISR, at epoch 0.
  for (let p = 0; p < partitions; p++) {
    if (brokers.length > 0) pushStep(index.leaders[p], 0, brokers[p % brokers.length]);
    pushStep(index.isr[p], 0, [...brokers].sort());
    pushStep(index.epochs[p], 0, 0);
  }
  const epochNow = perPartition(() => 0);
  /** (write, partition) -> the epoch of its latest append, for the replicas that copy it. */
  const appendedIn = new Map<number, number>();
  const events = eventsOf(trace);
  for (let i = 0; i < events.length; i++) {
    const p = events.partition(i);
    if (p === undefined || p < 0 || p >= partitions) continue;
    const type = events.type(i);
    switch (type) {
      case "append":
      case "replicate": {
        const offset = events.offset(i);
        const write = events.write(i);
        if (offset !== undefined && write !== undefined) {
          // A number, not a string: one key per append and replica, made for every record.
          const key = write * partitions + p;
          if (type === "append") appendedIn.set(key, epochNow[p]);
          const epoch = appendedIn.get(key) ?? epochNow[p];
          index.logs
            .get(events.node(i))
            ?.[p].push({ t: events.t(i), kind: "put", offset, write, epoch });
        }
        break;
      }
      case "truncate": {
        const offset = events.offset(i);
        if (offset !== undefined)
          index.logs.get(events.node(i))?.[p].push({
            t: events.t(i),
            kind: "truncate",
            offset,
            write: -1,
            epoch: epochOf(events.detail(i)) ?? epochNow[p],
          });
        break;
      }
      case "isr-change":
        pushStep(index.isr[p], events.t(i), listOf(events.detail(i) ?? ""));
        break;
      case "hw-advance": {
        const offset = events.offset(i);
        if (offset !== undefined) pushStep(index.hw[p], events.t(i), offset);
        break;
      }
      case "elect": {
        const t = events.t(i);
        const detail = events.detail(i);
        pushStep(index.leaders[p], t, detail?.startsWith("epoch") ? events.node(i) : null);
        pushStep(index.offline[p], t, offlineSpell(index.offline[p], t, detail));
        const epoch = epochOf(detail);
        if (epoch !== null) {
          epochNow[p] = epoch;
          pushStep(index.epochs[p], t, epoch);
        }
        const isr = detail?.match(/; isr (.*)$/)?.[1];
        if (isr !== undefined) pushStep(index.isr[p], t, listOf(isr));
        break;
      }
      case "commit-offset": {
        const offset = events.offset(i);
        if (offset !== undefined) {
          const series = index.commits.get(events.node(i))?.[p];
          if (series !== undefined) pushStep(series, events.t(i), offset);
        }
        break;
      }
      default:
        break;
    }
  }
  return index;
}

/** "epoch 3 unclean; isr …" or "to leader epoch 3" -> 3. */
function epochOf(detail: string | undefined): number | null {
  const m = detail?.match(/epoch (\d+)/);
  return m === undefined || m === null ? null : Number(m[1]);
}

/** "broker-2,broker-3" -> sorted ids; "" -> none. */
function listOf(detail: string): string[] {
  return detail
    .split(",")
    .map((b) => b.trim())
    .filter((b) => b !== "")
    .sort();
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

interface Entry {
  write: number;
  epoch: number;
}

interface Cut extends Entry {
  offset: number;
  t: number;
  toEpoch: number;
}

/** Replays one broker's own changes (not the whole trace) up to t: its log, and what it cut. */
function brokerLogAt(changes: LogChange[], t: number): { log: Entry[]; cut: Cut[] } {
  const log: Entry[] = [];
  const cut: Cut[] = [];
  const n = lastAtOrBefore(
    changes.map((c) => c.t),
    t,
  );
  for (let i = 0; i <= n; i++) {
    const c = changes[i];
    if (c.kind === "truncate") {
      for (let o = c.offset; o < log.length; o++)
        cut.push({ ...log[o], offset: o, t: c.t, toEpoch: c.epoch });
      log.length = Math.min(log.length, c.offset);
    } else log[c.offset] = { write: c.write, epoch: c.epoch };
  }
  return { log, cut };
}

function recordOf(index: LogIndex, offset: number, entry: Entry): LogRecord {
  const op = index.writes.get(entry.write);
  return {
    offset,
    write: entry.write,
    key: op?.key ?? "?",
    op: op?.op ?? "set",
    value: op?.value ?? "?",
    epoch: entry.epoch,
  };
}

export function partitionAt(index: LogIndex, partition: number, t: number): PartitionView {
  const leader = valueAt(index.leaders[partition], t, null);
  const brokerLogs = index.brokers.map((b) => ({
    broker: b,
    log: brokerLogAt(index.logs.get(b)?.[partition] ?? [], t),
  }));
  const offline = valueAt(index.offline[partition], t, null);
  const holder = leader ?? offline?.waitingFor ?? null;
  const held = brokerLogs.find((l) => l.broker === holder)?.log.log ?? [];
  const records: LogRecord[] = [];
  held.forEach((entry, offset) => {
    records.push(recordOf(index, offset, entry));
  });
  // One row per cut record (offset and write), however many brokers cut it.
  const truncated = new Map<string, TruncatedRecord>();
  for (const { broker, log } of brokerLogs)
    for (const c of log.cut) {
      // Cut and fetched again from the leader: not lost, nothing to show.
      if (held[c.offset]?.write === c.write) continue;
      const key = `${c.offset}:${c.write}:${c.epoch}`;
      const seen = truncated.get(key);
      if (seen === undefined)
        truncated.set(key, {
          ...recordOf(index, c.offset, c),
          brokers: [broker],
          t: c.t,
          toEpoch: c.toEpoch,
        });
      else if (!seen.brokers.includes(broker)) {
        seen.brokers.push(broker);
        seen.t = Math.min(seen.t, c.t);
      }
    }
  const elsewhere = new Map<string, LogRecord & { brokers: string[] }>();
  for (const { broker, log } of brokerLogs) {
    if (broker === holder || holder === null) continue;
    log.log.forEach((entry, offset) => {
      if (held[offset]?.write === entry.write) return;
      const key = `${offset}:${entry.write}:${entry.epoch}`;
      const seen = elsewhere.get(key);
      if (seen === undefined)
        elsewhere.set(key, { ...recordOf(index, offset, entry), brokers: [broker] });
      else seen.brokers.push(broker);
    });
  }
  return {
    partition,
    leader,
    offline,
    records,
    holder,
    elsewhere: [...elsewhere.values()].sort((a, b) => a.offset - b.offset),
    truncated: [...truncated.values()].sort((a, b) => a.offset - b.offset || a.t - b.t),
    isr: valueAt(index.isr[partition], t, []),
    epoch: valueAt(index.epochs[partition], t, 0),
    highWatermark: valueAt(index.hw[partition], t, 0),
    brokerEnds: brokerLogs.map((l) => ({ broker: l.broker, end: l.log.log.length })),
    consumers: index.consumers.map((c) => ({
      consumer: c,
      committed: valueAt(index.commits.get(c)?.[partition] ?? emptySeries<number>(), t, 0),
    })),
  };
}
