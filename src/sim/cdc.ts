import type { Controller } from "./log/controller";
import { Producer } from "./log/producer";
import type { Message, WalEntry } from "./messages";
import type { StoreState } from "./store";
import type { LogOptions } from "./types";
import type { Actor, World } from "./world";

/** Kafka Connect flushes source offsets periodically (offset.flush.interval.ms, scaled down). */
const FLUSH_EVERY_TICKS = 10;

/**
 * A CDC connector (Debezium-like): tails the db's commit log and produces each
 * change, in commit order, as the row's new value. Its position is flushed
 * periodically, so after a crash it re-emits what it sent since the last
 * flush: at least once.
 */
export class Connector implements Actor {
  readonly id = "cdc";
  private readonly producer: Producer;
  /** Next WAL index to fetch, and next to have been acknowledged by the log. */
  private fetched = 0;
  private acked = 0;
  private flushed = 0;
  private buffer: WalEntry[] = [];
  private sending = false;
  private fetchSentAt = -1;
  private ticks = 0;

  constructor(
    private readonly world: World,
    private readonly options: LogOptions,
    controller: Controller,
    private readonly db: StoreState,
    dedupe = false,
  ) {
    this.producer = new Producer(
      world,
      this.id,
      options,
      controller,
      Number.MAX_SAFE_INTEGER,
      dedupe,
    );
  }

  get caughtUp(): boolean {
    return !this.sending && this.buffer.length === 0 && this.acked >= this.db.wal.length;
  }

  start(): void {
    this.fetched = this.flushed;
    this.acked = this.flushed;
    this.buffer = [];
    this.sending = false;
    this.fetchSentAt = -1;
    this.tick();
  }

  private tick(): void {
    const w = this.world;
    if (++this.ticks % FLUSH_EVERY_TICKS === 0) this.flushed = this.acked;
    const stale = this.fetchSentAt >= 0 && w.now - this.fetchSentAt > this.options.requestTimeoutMs;
    if (!this.sending && this.buffer.length === 0 && (this.fetchSentAt < 0 || stale)) {
      this.fetchSentAt = w.now;
      w.send(this.id, "db", { kind: "wal-fetch", from: this.fetched });
    }
    w.timer(this.id, this.options.fetchIntervalMs, () => this.tick());
  }

  onMessage(_from: string, msg: Message): void {
    if (msg.kind === "produce-resp") {
      this.producer.onMessage(msg);
      return;
    }
    if (msg.kind !== "wal-resp" || msg.from !== this.fetched) return;
    this.fetchSentAt = -1;
    if (msg.entries.length === 0) return;
    this.fetched += msg.entries.length;
    this.buffer.push(...msg.entries);
    this.sendNext();
  }

  /** One change in flight at a time keeps the log in commit order. */
  private sendNext(): void {
    const entry = this.buffer.shift();
    if (entry === undefined) {
      this.sending = false;
      return;
    }
    this.sending = true;
    this.producer.send(
      { write: entry.write, key: entry.key, op: "set", value: entry.value, lsn: entry.lsn },
      () => {
        this.acked++;
        this.sendNext();
      },
    );
  }

  onCrash(): void {
    this.producer.onCrash();
    this.buffer = [];
    this.sending = false;
  }

  onRestart(): void {
    this.start();
  }
}
