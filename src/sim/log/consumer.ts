import type { LogRecord, Message } from "../messages";
import type { StoreState } from "../store";
import type { LogOptions } from "../types";
import type { Actor, World } from "../world";
import { FETCH_TIMEOUT_MS } from "./broker";
import type { Controller } from "./controller";

/** Time to apply one record to the store: the window in which a crash splits apply from commit. */
export const APPLY_MS = 2;

/**
 * A consumer feeding one store from the log, from its committed offset.
 * `before-apply` commits a batch's end before applying it (at most once),
 * `after-apply` commits after applying it (at least once), `atomic` stores the
 * offset with the store's own state, so a restart resumes exactly there.
 */
export class Consumer implements Actor {
  /** Committed offsets live in the group coordinator and survive the consumer. */
  readonly committed: number[] = [];
  readonly position: number[] = [];
  private readonly busy: boolean[] = [];
  private readonly fetchSentAt: number[] = [];

  constructor(
    readonly id: string,
    private readonly world: World,
    private readonly options: LogOptions,
    private readonly controller: Controller,
    readonly store: StoreState,
  ) {
    for (let p = 0; p < options.partitions; p++) {
      this.committed.push(0);
      this.position.push(0);
      this.busy.push(false);
      this.fetchSentAt.push(-1);
    }
  }

  start(): void {
    for (let p = 0; p < this.position.length; p++) {
      this.position[p] = this.resumeOffset(p);
      this.busy[p] = false;
      this.fetchSentAt[p] = -1;
      this.tick(p);
    }
  }

  private resumeOffset(p: number): number {
    return this.options.commit === "atomic" ? (this.store.offsets[p] ?? 0) : this.committed[p];
  }

  /** True when this consumer has applied everything the partition's leader holds. */
  caughtUp(logEnd: (p: number) => number): boolean {
    for (let p = 0; p < this.position.length; p++) {
      if (this.busy[p] || this.position[p] < logEnd(p)) return false;
    }
    return true;
  }

  private storeUp(): boolean {
    return this.world.isUp(this.store.name);
  }

  /** The periodic fetch loop: one per partition per incarnation. */
  private tick(p: number): void {
    this.fetch(p);
    this.world.timer(this.id, this.options.fetchIntervalMs, () => this.tick(p));
  }

  private fetch(p: number): void {
    const leader = this.controller.leaderOf(p);
    const sent = this.fetchSentAt[p];
    const stale = sent >= 0 && this.world.now - sent > FETCH_TIMEOUT_MS;
    if (!this.busy[p] && leader !== null && this.storeUp() && (sent < 0 || stale)) {
      this.fetchSentAt[p] = this.world.now;
      this.world.send(this.id, leader, {
        kind: "fetch",
        partition: p,
        offset: this.position[p],
        lastEpoch: -1,
        replica: false,
      });
    }
  }

  onMessage(_from: string, msg: Message): void {
    if (msg.kind !== "fetch-resp") return;
    const p = msg.partition;
    if (msg.offset !== this.position[p] || this.busy[p]) return;
    this.fetchSentAt[p] = -1;
    if (msg.logEnd < this.position[p]) {
      // The log was truncated under us (unclean election): its offsets will be reused.
      this.position[p] = msg.logEnd;
      return;
    }
    if (msg.records.length === 0) return;
    this.world.emit("poll", this.id, {
      partition: p,
      offset: msg.offset,
      value: msg.records.length,
    });
    this.process(p, msg.offset, msg.records);
  }

  private commit(p: number, offset: number): void {
    this.committed[p] = offset;
    this.world.emit("commit-offset", this.id, { partition: p, offset });
  }

  private process(p: number, start: number, records: LogRecord[]): void {
    this.busy[p] = true;
    const end = start + records.length;
    if (this.options.commit === "before-apply") this.commit(p, end);
    const step = (i: number): void => {
      if (i === records.length || !this.storeUp()) {
        if (i === records.length && this.options.commit === "after-apply") this.commit(p, end);
        this.busy[p] = false;
        this.fetch(p);
        return;
      }
      const r = records[i];
      const offset = start + i;
      this.store.apply(
        { write: r.write, key: r.key, op: r.op, value: r.value },
        { offset, partition: p },
      );
      this.position[p] = offset + 1;
      if (this.options.commit === "atomic") {
        this.store.offsets[p] = offset + 1;
        this.commit(p, offset + 1);
      }
      this.world.timer(this.id, APPLY_MS, () => step(i + 1));
    };
    this.world.timer(this.id, APPLY_MS, () => step(0));
  }

  onCrash(): void {
    this.busy.fill(false);
  }

  onRestart(): void {
    this.start();
  }

  /** The store behind this consumer came back; a cache came back empty. */
  onStoreRestart(): void {
    if (this.options.commit === "atomic") {
      for (let p = 0; p < this.position.length; p++) this.position[p] = this.resumeOffset(p);
    }
  }
}
