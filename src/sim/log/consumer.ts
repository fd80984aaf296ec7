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
  /** The outstanding fetch per partition (-1: none). */
  private readonly fetchReq: number[] = [];
  private nextReq = 0;

  constructor(
    readonly id: string,
    private readonly world: World,
    private readonly options: LogOptions,
    private readonly controller: Controller,
    readonly store: StoreState,
    /** Skip records whose source position the store has already applied (dedupe). */
    private readonly dedupe = false,
  ) {
    for (let p = 0; p < options.partitions; p++) {
      this.committed.push(0);
      this.position.push(0);
      this.busy.push(false);
      this.fetchReq.push(-1);
    }
  }

  start(): void {
    for (let p = 0; p < this.position.length; p++) {
      this.position[p] = this.resumeOffset(p);
      this.busy[p] = false;
      this.fetchReq[p] = -1;
      this.fetch(p);
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

  /**
   * Fetches the next records. An answer, or the fetch's timeout, leads to the
   * next fetch: one loop per partition per incarnation, paused while the store is down.
   */
  private fetch(p: number): void {
    const w = this.world;
    const leader = this.controller.leaderOf(p);
    this.fetchReq[p] = -1;
    if (leader === null || !this.storeUp()) {
      w.timer(this.id, this.options.fetchIntervalMs, () => this.fetch(p));
      return;
    }
    const req = ++this.nextReq;
    this.fetchReq[p] = req;
    w.send(this.id, leader, {
      kind: "fetch",
      req,
      partition: p,
      offset: this.position[p],
      lastEpoch: -1,
      replica: false,
    });
    w.timer(this.id, FETCH_TIMEOUT_MS, () => {
      if (this.fetchReq[p] === req) this.fetch(p);
    });
  }

  onMessage(_from: string, msg: Message): void {
    if (msg.kind !== "fetch-resp") return;
    const p = msg.partition;
    if (this.fetchReq[p] !== msg.req) return;
    this.fetchReq[p] = -1;
    if (msg.logEnd < this.position[p]) {
      // The log was truncated under us (unclean election): its offsets will be reused.
      this.position[p] = msg.logEnd;
    }
    if (msg.records.length === 0 || msg.offset !== this.position[p]) {
      this.world.timer(this.id, this.options.fetchIntervalMs, () => this.fetch(p));
      return;
    }
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
      if (!this.alreadyApplied(p, offset, r)) {
        this.store.apply(
          { write: r.write, key: r.key, op: r.op, value: r.value },
          { offset, partition: p, lsn: r.lsn },
        );
        if (this.dedupe) this.store.offsets[p] = offset + 1;
      }
      this.position[p] = offset + 1;
      if (this.options.commit === "atomic") {
        this.store.offsets[p] = offset + 1;
        this.commit(p, offset + 1);
      }
      this.world.timer(this.id, APPLY_MS, () => step(i + 1));
    };
    this.world.timer(this.id, APPLY_MS, () => step(0));
  }

  /**
   * Dedupe by source position, stored with the store's state: the log offset,
   * or under cdc the change's position in the db's commit log, which a
   * restarted connector re-publishes at new offsets.
   */
  private alreadyApplied(p: number, offset: number, r: LogRecord): boolean {
    if (!this.dedupe) return false;
    if (r.lsn !== undefined) return r.lsn <= this.store.appliedLsn;
    return offset < (this.store.offsets[p] ?? 0);
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
