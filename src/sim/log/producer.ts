import type { LogRecord, Message } from "../messages";
import { hashString } from "../prng";
import type { LogOptions } from "../types";
import type { World } from "../world";
import type { Controller } from "./controller";

const RETRY_BACKOFF_MS = 20;

export function partitionFor(key: string, partitions: number): number {
  return hashString(key) % partitions;
}

interface InFlight {
  record: Omit<LogRecord, "epoch">;
  partition: number;
  attempt: number;
  done: (ok: boolean, detail: string, offset: number) => void;
}

/**
 * A Kafka producer. Without idempotence a request whose reply is lost is
 * resent and may be appended twice. With it (enable.idempotence) each record
 * carries the producer's id and a per-partition sequence number, and the
 * leader acknowledges a repeat without appending it again; a crash starts a
 * new producer session (a new id), as without a transactional.id. acks=0
 * counts a record as sent once it leaves; acks=1 waits for the leader;
 * acks=all for the in-sync replicas.
 */
export class Producer {
  private nextReq = 1;
  private readonly inFlight = new Map<number, InFlight>();
  private session = 0;
  private readonly nextSeq: number[] = [];

  constructor(
    private readonly world: World,
    private readonly node: string,
    private readonly options: LogOptions,
    private readonly controller: Controller,
    /** Attempts before giving up; the CDC connector retries for ever (bounded by the run's caps). */
    private readonly retries: number,
    private readonly idempotent = false,
  ) {}

  get pending(): number {
    return this.inFlight.size;
  }

  send(
    record: Omit<LogRecord, "epoch">,
    done: (ok: boolean, detail: string, offset: number) => void,
  ): void {
    const partition = partitionFor(record.key, this.options.partitions);
    if (this.idempotent) {
      const seq = this.nextSeq[partition] ?? 0;
      this.nextSeq[partition] = seq + 1;
      record = { ...record, producer: `${this.node}#${this.session}`, seq };
    }
    this.attempt({ record, partition, attempt: 0, done });
  }

  private attempt(entry: InFlight): void {
    const w = this.world;
    const leader = this.controller.leaderOf(entry.partition);
    if (leader === null) {
      this.retryLater(entry, "no leader");
      return;
    }
    const req = this.nextReq++;
    w.send(this.node, leader, {
      kind: "produce",
      req,
      partition: entry.partition,
      record: entry.record,
    });
    if (this.options.acks === 0) {
      entry.done(true, "acks=0", -1);
      return;
    }
    this.inFlight.set(req, entry);
    w.timer(this.node, this.options.requestTimeoutMs, () => {
      if (this.inFlight.get(req) !== entry) return;
      this.inFlight.delete(req);
      w.emit("timeout", this.node, {
        write: entry.record.write,
        peer: leader,
        key: entry.record.key,
      });
      this.retryLater(entry, "timeout");
    });
  }

  private retryLater(entry: InFlight, reason: string): void {
    const w = this.world;
    if (entry.attempt >= this.retries) {
      entry.done(false, reason, -1);
      return;
    }
    entry.attempt++;
    w.timer(this.node, RETRY_BACKOFF_MS, () => {
      w.emit("retry", this.node, {
        write: entry.record.write,
        key: entry.record.key,
        detail: `attempt ${entry.attempt + 1}: ${reason}`,
      });
      this.attempt(entry);
    });
  }

  onMessage(msg: Message): void {
    if (msg.kind !== "produce-resp") return;
    const entry = this.inFlight.get(msg.req);
    if (entry === undefined) return;
    this.inFlight.delete(msg.req);
    if (msg.error === undefined) entry.done(true, `offset ${msg.offset}`, msg.offset);
    // NotEnoughReplicasAfterAppend too: the record is in the log, and the retry appends it again.
    else this.retryLater(entry, msg.error);
  }

  onCrash(): void {
    this.inFlight.clear();
    this.session++;
    this.nextSeq.length = 0;
  }
}
