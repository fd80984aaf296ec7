import type { LogOptions } from "../types";
import type { World } from "../world";

/** What the controller knows of one partition. Metadata reaches every node instantly (a simplification). */
export interface PartitionMeta {
  leader: string | null;
  epoch: number;
  isr: Set<string>;
  /** Assignment order; the preferred leader comes first. */
  replicas: string[];
}

/** Leader-side bookkeeping for one partition; thrown away when leadership moves. */
export interface LeaderState {
  leader: string;
  epoch: number;
  hw: number;
  followerLeo: Map<string, number>;
  /**
   * Kafka's lastCaughtUpTimeMs per follower: the latest time at which the
   * follower's fetch offset had reached the leader's log end (see `Broker.onFetch`).
   */
  caughtUpAt: Map<string, number>;
  /** The leader's log end, and the time, at each follower's previous fetch. */
  lastFetch: Map<string, { leo: number; at: number }>;
  /** acks=all produce requests waiting for the high watermark to pass their offset. */
  waiting: Array<{ offset: number; respond: (error?: "not-enough-replicas-after-append") => void }>;
}

export interface LogView {
  logLength(broker: string, partition: number): number;
  knownHw(broker: string, partition: number): number;
  onElected(partition: number, state: LeaderState): void;
}

/**
 * The controller: notices dead brokers after `electionDelayMs`, shrinks ISRs,
 * and elects leaders — cleanly from the ISR, or (if allowed) uncleanly from
 * any live replica, whose log then becomes the truth.
 */
export class Controller {
  readonly meta: PartitionMeta[];
  readonly leaders: (LeaderState | null)[];
  view: LogView | null = null;

  constructor(
    private readonly world: World,
    private readonly options: LogOptions,
    readonly brokerIds: string[],
  ) {
    this.meta = [];
    this.leaders = [];
    for (let p = 0; p < options.partitions; p++) {
      const n = brokerIds.length;
      const replicas = brokerIds.map((_, i) => brokerIds[(p + i) % n]);
      this.meta.push({ leader: replicas[0], epoch: 0, isr: new Set(replicas), replicas });
      this.leaders.push(null);
    }
  }

  start(): void {
    for (let p = 0; p < this.meta.length; p++) {
      const m = this.meta[p];
      if (m.leader !== null) this.install(p, m.leader);
    }
  }

  leaderOf(partition: number): string | null {
    return this.meta[partition]?.leader ?? null;
  }

  /**
   * For an offline partition, the replica whose return brings it back: the
   * in-sync replica it kept (unclean election off), whose log holds its data.
   */
  awaitedReplica(partition: number): string | null {
    const m = this.meta[partition];
    return m.replicas.find((b) => m.isr.has(b)) ?? m.replicas[0] ?? null;
  }

  onBrokerCrash(broker: string): void {
    this.world.at(this.world.now + this.options.electionDelayMs, () => {
      if (this.world.isUp(broker)) return;
      for (let p = 0; p < this.meta.length; p++) {
        const m = this.meta[p];
        if (m.leader === broker) this.elect(p);
        else if (m.isr.has(broker))
          this.setIsr(
            p,
            [...m.isr].filter((b) => b !== broker),
          );
      }
    });
  }

  onBrokerRestart(broker: string): void {
    for (let p = 0; p < this.meta.length; p++) {
      const m = this.meta[p];
      if (m.leader === null && (m.isr.has(broker) || this.options.uncleanLeaderElection))
        this.elect(p);
    }
  }

  setIsr(partition: number, isr: string[]): void {
    const m = this.meta[partition];
    m.isr = new Set(isr);
    const node = m.leader ?? isr[0] ?? "controller";
    this.world.emit("isr-change", node, { partition, detail: [...m.isr].sort().join(",") });
  }

  private elect(partition: number): void {
    const m = this.meta[partition];
    const up = (b: string) => this.world.isUp(b);
    const oldLeader = m.leader;
    const clean = m.replicas.find((b) => b !== oldLeader && m.isr.has(b) && up(b));
    const cleanSelf =
      oldLeader !== null && up(oldLeader) && m.isr.has(oldLeader) ? oldLeader : undefined;
    const unclean = this.options.uncleanLeaderElection ? m.replicas.find(up) : undefined;
    const next = clean ?? cleanSelf ?? unclean ?? null;
    const survivors = [...m.isr].filter((b) => b !== oldLeader && up(b));
    this.leaders[partition] = null;
    if (next === null) {
      m.leader = null;
      // The last ISR member stays in the ISR so that its return brings the partition back.
      m.isr = new Set(m.isr.size > 0 ? [...m.isr] : []);
      const awaited = this.awaitedReplica(partition);
      this.world.emit("elect", oldLeader ?? "controller", {
        partition,
        detail: `offline: no in-sync replica is alive${awaited === null ? "" : `; waiting for ${awaited}`}`,
      });
      return;
    }
    const wasClean = m.isr.has(next);
    m.leader = next;
    m.epoch += 1;
    m.isr = new Set(wasClean ? [next, ...survivors.filter((b) => b !== next)] : [next]);
    this.world.emit("elect", next, {
      partition,
      detail: `epoch ${m.epoch}${wasClean ? "" : " unclean"}; isr ${[...m.isr].sort().join(",")}`,
    });
    this.install(partition, next);
  }

  private install(partition: number, leader: string): void {
    const m = this.meta[partition];
    const view = this.view;
    if (view === null) return;
    const state: LeaderState = {
      leader,
      epoch: m.epoch,
      hw: Math.min(view.knownHw(leader, partition), view.logLength(leader, partition)),
      followerLeo: new Map(),
      caughtUpAt: new Map(),
      lastFetch: new Map(),
      waiting: [],
    };
    // As Kafka's resetReplicaState: ISR members count as caught up now, others not at all.
    const leo = view.logLength(leader, partition);
    for (const b of m.isr) {
      state.caughtUpAt.set(b, this.world.now);
      state.lastFetch.set(b, { leo, at: this.world.now });
    }
    this.leaders[partition] = state;
    view.onElected(partition, state);
  }
}
