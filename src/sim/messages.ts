import type { WriteOp } from "./types";

/** A record in a partition of the log. `epoch` is the leader epoch it was appended in (KIP-101). */
export interface LogRecord {
  write: number;
  key: string;
  op: "set" | "incr";
  value: string | number;
  epoch: number;
  /** Under cdc: the change's 1-based position in the db's commit log (its LSN). */
  lsn?: number;
  /** The idempotent producer's identity and per-partition sequence number (dedupe only). */
  producer?: string;
  seq?: number;
}

/** One committed change in the db's own commit log (its WAL), as a CDC connector reads it. */
export interface WalEntry {
  /** 1-based position in the commit log. */
  lsn: number;
  write: number;
  key: string;
  /** The row's value after the change (Debezium's after-image). */
  value: string | number;
}

export type ProduceError =
  | "not-leader"
  | "not-enough-replicas"
  | "not-enough-replicas-after-append";

/** Every message that crosses the simulated network. */
export type Message =
  | { kind: "write"; op: WriteOp; attempt: number }
  | { kind: "write-ack"; write: number }
  | { kind: "tx"; op: WriteOp }
  | { kind: "tx-ack"; write: number }
  | { kind: "read"; op: WriteOp }
  | { kind: "read-resp"; write: number; value: string | number | undefined; ref: number }
  /** Cache-aside: after a miss the client puts the db's value (of write `write`) into the cache. */
  | { kind: "fill"; write: number; key: string; value: string | number }
  | { kind: "produce"; req: number; partition: number; record: Omit<LogRecord, "epoch"> }
  | { kind: "produce-resp"; req: number; partition: number; offset: number; error?: ProduceError }
  | {
      kind: "fetch";
      req: number;
      partition: number;
      offset: number;
      lastEpoch: number;
      replica: boolean;
    }
  | {
      kind: "fetch-resp";
      /** Echoes the fetch's `req`, so a late answer to a fetch given up on is recognised. */
      req: number;
      partition: number;
      offset: number;
      records: LogRecord[];
      hw: number;
      logEnd: number;
      epoch: number;
      /** Set when the follower's log diverged from the leader's: cut it to this length first. */
      truncateTo?: number;
    }
  | { kind: "wal-fetch"; from: number }
  | { kind: "wal-resp"; from: number; entries: WalEntry[] };

/** The write a message carries, for the trace. */
export function messageWrite(m: Message): number | undefined {
  switch (m.kind) {
    case "write":
    case "tx":
    case "read":
      return m.op.id;
    case "write-ack":
    case "tx-ack":
    case "read-resp":
      return m.write;
    case "produce":
      return m.record.write;
    case "fill":
      return m.write;
    default:
      return undefined;
  }
}

/**
 * Whether a message carries work that quiescence must wait for. Idle polls
 * (fetches, empty fetch responses) run forever and do not count.
 */
export function isDataMessage(m: Message): boolean {
  switch (m.kind) {
    case "fetch":
    case "wal-fetch":
      return false;
    case "fetch-resp":
      return m.records.length > 0 || m.truncateTo !== undefined;
    case "wal-resp":
      return m.entries.length > 0;
    default:
      return true;
  }
}
