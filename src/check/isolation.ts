import type { IdTable } from "./id-table";

/** An order inversion between one store and its source of truth on one key. */
export interface IsolationFinding {
  store: string;
  key: string;
  /** Event index of the apply that first left the source's order. */
  detectedIdx: number;
  /** Simulated ms from which the trace shows the inversion: both orders exist by then. */
  detectedAt: number;
  /** Event index of the apply (or crash) that brought the store back on the source's path; absent if it held to the end. */
  healedIdx?: number;
  /** `[earlier, later]` in the source's order; the store applied `earlier` after `later`. */
  writes: [number, number];
  /** Event indices of the applies that show the pair, in both the source and the store. */
  events: number[];
}

/**
 * A key's history in its source of truth, position by position: the db's
 * applies (re-applies of a retried write included), or the log's records in
 * offset order.
 */
export class SourceHistory {
  readonly writes: number[] = [];
  /** When the source reached each position (0 for the log: its order is known from the append on). */
  readonly times: number[] = [];
  /** The source's event for each position (-1 for the log). */
  readonly idx: number[] = [];
  private readonly positions = new Map<number, number[]>();

  push(write: number, t: number, idx: number): void {
    const list = this.positions.get(write);
    if (list === undefined) this.positions.set(write, [this.writes.length]);
    else list.push(this.writes.length);
    this.writes.push(write);
    this.times.push(t);
    this.idx.push(idx);
  }

  holds(write: number): boolean {
    return this.positions.has(write);
  }

  /** The first position of `write` after `pos`, or -1. */
  after(write: number, pos: number): number {
    for (const p of this.positions.get(write) ?? []) if (p > pos) return p;
    return -1;
  }

  /** The last position of `write` before `pos`, or -1. */
  before(write: number, pos: number): number {
    let out = -1;
    for (const p of this.positions.get(write) ?? []) if (p < pos) out = p;
    return out;
  }
}

interface Walk {
  /** The source position of the store's latest apply of this key (-1: none yet). */
  pos: number;
  /** While off the path: the position the store had reached when it left it. */
  leftAt?: number;
  finding?: Omit<IsolationFinding, "store" | "key">;
}

/**
 * The one rule for order, for every strategy: a store follows its source of
 * truth when its applies of a key read, in order, as a walk along the source's
 * history of that key — a subsequence of it (a store may miss a write, which
 * the atomicity check reports, or lag behind, which is no anomaly at all).
 * Applying a write that the source holds only *before* the store's current
 * position leaves the path: an inversion. The store is back on the path once
 * it reaches the position it left from. Writes the source never held are
 * orphans (atomicity), not inversions. Applies that carry their own source
 * position (a consumer of the log, or of the db's commit log under cdc) are
 * the source's order by construction: they only move the store to that
 * position (`onPositioned`), from which its other applies are judged.
 */
export class IsolationTracker {
  private readonly walks = new Map<string, Map<string, Walk>>();

  /**
   * `history`: each key's source history, complete (built before the main pass).
   * `lastApply`: per store, each write's latest apply event index (kept current by the caller).
   */
  constructor(
    private readonly history: Map<string, SourceHistory>,
    private readonly lastApply: Map<string, IdTable>,
  ) {}

  onApply(store: string, write: number, key: string, idx: number, t: number): void {
    const h = this.history.get(key);
    if (h === undefined || !h.holds(write)) return;
    const walk = this.walkOf(store, key);
    // The write the store already stands on, again (a duplicated message): the state does not move.
    if (walk.pos >= 0 && h.writes[walk.pos] === write) return;
    const next = h.after(write, walk.pos);
    if (next >= 0) {
      walk.pos = next;
      if (walk.leftAt !== undefined && next >= walk.leftAt) this.heal(walk, idx);
      return;
    }
    // The source holds `write` only before where the store already is.
    const back = h.before(write, walk.pos);
    if (walk.leftAt === undefined) {
      walk.leftAt = walk.pos;
      if (walk.finding === undefined) {
        const later = h.writes[walk.pos];
        const own = this.lastApply.get(store)?.get(later);
        walk.finding = {
          detectedIdx: idx,
          detectedAt: Math.max(t, h.times[walk.pos], h.times[back]),
          writes: [write, later],
          events: [idx, h.idx[back], h.idx[walk.pos], ...(own === undefined ? [] : [own])]
            .filter((i) => i >= 0)
            .sort((a, b) => a - b),
        };
      } else walk.finding.healedIdx = undefined;
    }
    walk.pos = back;
  }

  /**
   * The store applied the source's entry at `pos` of the key's history, by its
   * own position (a consumer): the source's order by construction, wherever
   * the store stood (a replay goes back). Later unpositioned applies (a
   * cache-aside fill) are judged from here.
   */
  onPositioned(store: string, key: string, pos: number, idx: number): void {
    const walk = this.walkOf(store, key);
    walk.pos = pos;
    if (walk.leftAt !== undefined && pos >= walk.leftAt) this.heal(walk, idx);
  }

  /** The store forgot everything (a cache crash): it starts its walk afresh. */
  onForget(store: string, idx: number): void {
    for (const walk of this.walks.get(store)?.values() ?? []) {
      if (walk.leftAt !== undefined) this.heal(walk, idx);
      walk.pos = -1;
    }
  }

  findings(): IsolationFinding[] {
    const out: IsolationFinding[] = [];
    for (const [store, byKey] of this.walks) {
      for (const [key, walk] of byKey) {
        if (walk.finding !== undefined) out.push({ store, key, ...walk.finding });
      }
    }
    return out;
  }

  private walkOf(store: string, key: string): Walk {
    let byKey = this.walks.get(store);
    if (byKey === undefined) {
      byKey = new Map();
      this.walks.set(store, byKey);
    }
    let walk = byKey.get(key);
    if (walk === undefined) {
      walk = { pos: -1 };
      byKey.set(key, walk);
    }
    return walk;
  }

  private heal(walk: Walk, idx: number): void {
    walk.leftAt = undefined;
    if (walk.finding !== undefined) walk.finding.healedIdx = idx;
  }
}
