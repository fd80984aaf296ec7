import type { LogRecord, Message } from "../messages";
import type { LogOptions } from "../types";
import type { Actor, World } from "../world";
import type { Controller, LeaderState } from "./controller";

/** How long a leader parks a fetch that has nothing to return (fetch.max.wait.ms, scaled down). */
export const FETCH_MAX_WAIT_MS = 100;
/** A fetch unanswered for this long is presumed lost and sent again. */
export const FETCH_TIMEOUT_MS = 2 * FETCH_MAX_WAIT_MS;
const MAX_BATCH = 100;

interface Parked {
  req: number;
  from: string;
  offset: number;
  replica: boolean;
}

/**
 * A log broker. Its log survives a process crash (the page cache outlives the
 * process); what loses records is leadership moving to a replica that never
 * fetched them, after which the old leader truncates on its return (KIP-101).
 */
export class Broker implements Actor {
  readonly logs: LogRecord[][] = [];
  readonly hw: number[] = [];
  /** The outstanding fetch per partition (-1: none). */
  private readonly fetchReq: number[] = [];
  private nextReq = 0;
  private readonly parked: Parked[][] = [];

  constructor(
    readonly id: string,
    private readonly world: World,
    private readonly options: LogOptions,
    private readonly controller: Controller,
  ) {
    for (let p = 0; p < options.partitions; p++) {
      this.logs.push([]);
      this.hw.push(0);
      this.fetchReq.push(-1);
      this.parked.push([]);
    }
  }

  start(): void {
    for (let p = 0; p < this.logs.length; p++) {
      this.fetchReq[p] = -1;
      this.parked[p] = [];
      this.fetch(p);
    }
    this.checkIsr();
  }

  onRestart(): void {
    this.start();
  }

  onCrash(): void {
    for (const parked of this.parked) parked.length = 0;
  }

  private lead(partition: number): LeaderState | null {
    const state = this.controller.leaders[partition];
    return state !== null && state.leader === this.id ? state : null;
  }

  // ---- follower side ----

  /**
   * Fetches from the leader. Each answer, or the fetch's timeout, leads to the
   * next fetch, so there is exactly one fetch loop per partition per incarnation.
   */
  private fetch(partition: number): void {
    const w = this.world;
    const leader = this.controller.leaderOf(partition);
    if (leader === null || leader === this.id) {
      // Nothing to follow now; look again later, as leadership may move.
      this.fetchReq[partition] = -1;
      w.timer(this.id, FETCH_MAX_WAIT_MS, () => this.fetch(partition));
      return;
    }
    const req = ++this.nextReq;
    this.fetchReq[partition] = req;
    const log = this.logs[partition];
    w.send(this.id, leader, {
      kind: "fetch",
      req,
      partition,
      offset: log.length,
      lastEpoch: log.length > 0 ? log[log.length - 1].epoch : -1,
      replica: true,
    });
    w.timer(this.id, FETCH_TIMEOUT_MS, () => {
      if (this.fetchReq[partition] === req) this.fetch(partition);
    });
  }

  private onFetchResponse(msg: Extract<Message, { kind: "fetch-resp" }>): void {
    const p = msg.partition;
    const log = this.logs[p];
    if (this.fetchReq[p] !== msg.req) return;
    this.fetchReq[p] = -1;
    if (msg.truncateTo !== undefined && msg.truncateTo < log.length) {
      log.length = msg.truncateTo;
      this.hw[p] = Math.min(this.hw[p], log.length);
      this.world.emit("truncate", this.id, {
        partition: p,
        offset: log.length,
        detail: `to leader epoch ${msg.epoch}`,
      });
      this.fetch(p);
      return;
    }
    if (msg.offset !== log.length) {
      this.fetch(p);
      return;
    }
    for (let i = 0; i < msg.records.length; i++) {
      const r = msg.records[i];
      log.push(r);
      this.world.emit("replicate", this.id, {
        partition: p,
        offset: log.length - 1,
        write: r.write,
        key: r.key,
      });
    }
    this.hw[p] = Math.min(msg.hw, log.length);
    if (msg.records.length > 0) this.fetch(p);
    else this.world.timer(this.id, this.options.fetchIntervalMs, () => this.fetch(p));
  }

  // ---- leader side ----

  onMessage(from: string, msg: Message): void {
    switch (msg.kind) {
      case "produce":
        this.onProduce(from, msg);
        return;
      case "fetch":
        this.onFetch(from, msg);
        return;
      case "fetch-resp":
        this.onFetchResponse(msg);
        return;
      default:
        return;
    }
  }

  private onProduce(from: string, msg: Extract<Message, { kind: "produce" }>): void {
    const w = this.world;
    const p = msg.partition;
    const state = this.lead(p);
    const reply = (
      offset: number,
      error?: "not-leader" | "not-enough-replicas" | "not-enough-replicas-after-append",
    ) => w.send(this.id, from, { kind: "produce-resp", req: msg.req, partition: p, offset, error });
    if (state === null) {
      reply(-1, "not-leader");
      return;
    }
    const isr = this.controller.meta[p].isr;
    if (this.options.acks === "all" && isr.size < this.options.minInsyncReplicas) {
      w.emit("reject", this.id, {
        write: msg.record.write,
        key: msg.record.key,
        partition: p,
        detail: "not-enough-replicas",
      });
      reply(-1, "not-enough-replicas");
      return;
    }
    const log = this.logs[p];
    const earlier = this.appendedBefore(p, msg.record);
    if (earlier >= 0) {
      // The idempotent producer's repeat: acknowledge the first append, append nothing.
      if (this.options.acks === 1 || earlier < state.hw) reply(earlier);
      else if (this.options.acks === "all")
        state.waiting.push({ offset: earlier, respond: (error) => reply(earlier, error) });
      return;
    }
    const offset = log.length;
    log.push({ ...msg.record, epoch: state.epoch });
    w.emit("append", this.id, {
      partition: p,
      offset,
      write: msg.record.write,
      key: msg.record.key,
      value: msg.record.value,
    });
    if (this.options.acks === 1) reply(offset);
    else if (this.options.acks === "all")
      state.waiting.push({ offset, respond: (error) => reply(offset, error) });
    this.advanceHw(p, state);
    this.serveParked(p);
  }

  /**
   * The offset at which this producer's record with the same sequence number
   * already sits, or -1. The producer has one record in flight per partition,
   * so its latest record in the log is the only one to compare with.
   */
  private appendedBefore(p: number, record: Omit<LogRecord, "epoch">): number {
    if (record.producer === undefined || record.seq === undefined) return -1;
    const log = this.logs[p];
    for (let i = log.length - 1; i >= 0; i--) {
      if (log[i].producer !== record.producer) continue;
      return (log[i].seq ?? -1) >= record.seq ? i : -1;
    }
    return -1;
  }

  private onFetch(from: string, msg: Extract<Message, { kind: "fetch" }>): void {
    const p = msg.partition;
    const state = this.lead(p);
    if (state === null) return;
    const log = this.logs[p];
    const request: Parked = { req: msg.req, from, offset: msg.offset, replica: msg.replica };
    if (msg.replica) {
      // KIP-101: where did the follower's last epoch end in my log? Anything past it diverged.
      const end = this.endOffsetForEpoch(p, msg.lastEpoch);
      if (msg.offset > end) {
        this.respond(request, p, [], state, end);
        return;
      }
      state.followerLeo.set(from, msg.offset);
      this.updateFetchState(state, from, msg.offset, log.length);
      const isr = this.controller.meta[p].isr;
      if (!isr.has(from) && msg.offset >= state.hw) this.controller.setIsr(p, [...isr, from]);
      this.advanceHw(p, state);
    }
    const limit = msg.replica ? log.length : state.hw;
    if (msg.offset < limit || msg.offset > log.length) {
      this.respondWithRecords(request, p, state);
      return;
    }
    // Long poll (fetch.max.wait.ms): answer when there is something new, or when the wait is over.
    this.parked[p].push(request);
    this.world.timer(this.id, FETCH_MAX_WAIT_MS, () => {
      const parked = this.parked[p];
      const i = parked.indexOf(request);
      if (i < 0) return;
      parked.splice(i, 1);
      const lead = this.lead(p);
      if (lead !== null) this.respondWithRecords(request, p, lead);
    });
  }

  private serveParked(p: number): void {
    const state = this.lead(p);
    if (state === null) return;
    const log = this.logs[p];
    const keep: Parked[] = [];
    for (const x of this.parked[p]) {
      const limit = x.replica ? log.length : state.hw;
      if (x.offset < limit) this.respondWithRecords(x, p, state);
      else keep.push(x);
    }
    this.parked[p] = keep;
  }

  private respondWithRecords(request: Parked, p: number, state: LeaderState): void {
    const log = this.logs[p];
    const { offset } = request;
    const limit = request.replica ? log.length : state.hw;
    const records = offset < limit ? log.slice(offset, Math.min(limit, offset + MAX_BATCH)) : [];
    this.respond(request, p, records, state);
  }

  private respond(
    request: Parked,
    p: number,
    records: LogRecord[],
    state: LeaderState,
    truncateTo?: number,
  ): void {
    this.world.send(this.id, request.from, {
      kind: "fetch-resp",
      req: request.req,
      partition: p,
      offset: request.offset,
      records,
      hw: state.hw,
      logEnd: this.logs[p].length,
      epoch: state.epoch,
      truncateTo,
    });
  }

  /**
   * Kafka's `Replica.updateFetchState`: a fetch that reaches the leader's end
   * now makes the follower caught up now; one that reaches the end the leader
   * had at the follower's previous fetch makes it caught up as of that fetch.
   * So a follower that is always one round trip behind under steady writes
   * stays in sync; only one that stops fetching, or falls further behind for
   * the whole lag time, leaves the ISR.
   */
  private updateFetchState(
    state: LeaderState,
    follower: string,
    offset: number,
    leo: number,
  ): void {
    const now = this.world.now;
    const prev = state.lastFetch.get(follower);
    const caughtUp = state.caughtUpAt.get(follower) ?? 0;
    if (offset >= leo) state.caughtUpAt.set(follower, Math.max(caughtUp, now));
    else if (prev !== undefined && offset >= prev.leo)
      state.caughtUpAt.set(follower, Math.max(caughtUp, prev.at));
    state.lastFetch.set(follower, { leo: Math.max(leo, prev?.leo ?? 0), at: now });
  }

  /** Epochs never decrease along a log, so scan back from the end: O(1) when nothing diverged. */
  private endOffsetForEpoch(p: number, epoch: number): number {
    const log = this.logs[p];
    let i = log.length;
    while (i > 0 && log[i - 1].epoch > epoch) i--;
    return i;
  }

  private advanceHw(p: number, state: LeaderState): void {
    const log = this.logs[p];
    let hw = log.length;
    for (const b of this.controller.meta[p].isr) {
      if (b !== this.id) hw = Math.min(hw, state.followerLeo.get(b) ?? 0);
    }
    if (hw <= state.hw) return;
    state.hw = hw;
    this.hw[p] = hw;
    this.world.emit("hw-advance", this.id, { partition: p, offset: hw });
    const short = this.controller.meta[p].isr.size < this.options.minInsyncReplicas;
    const still: LeaderState["waiting"] = [];
    for (const x of state.waiting) {
      if (x.offset < hw) x.respond(short ? "not-enough-replicas-after-append" : undefined);
      else still.push(x);
    }
    state.waiting = still;
    this.serveParked(p);
  }

  /** A follower that is behind and has not caught up for replicaLagMs leaves the ISR (replica.lag.time.max.ms). */
  private checkIsr(): void {
    for (let p = 0; p < this.logs.length; p++) {
      const state = this.lead(p);
      if (state === null) continue;
      const isr = this.controller.meta[p].isr;
      const leo = this.logs[p].length;
      const lagging = [...isr].filter((b) => {
        if (b === this.id) return false;
        const behind = (state.followerLeo.get(b) ?? 0) < leo;
        return (
          behind && this.world.now - (state.caughtUpAt.get(b) ?? 0) > this.options.replicaLagMs
        );
      });
      if (lagging.length > 0) {
        this.controller.setIsr(
          p,
          [...isr].filter((b) => !lagging.includes(b)),
        );
        this.advanceHw(p, state);
      }
    }
    this.world.timer(this.id, Math.max(1, Math.floor(this.options.replicaLagMs / 2)), () =>
      this.checkIsr(),
    );
  }

  onElected(p: number, state: LeaderState): void {
    this.hw[p] = state.hw;
    this.parked[p] = [];
    this.advanceHw(p, state);
  }
}
