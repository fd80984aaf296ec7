import type { IdTable } from "./id-table";
import { OrderPair } from "./order-pair";

/** An order inversion between one store and the reference on one key. */
export interface IsolationFinding {
  store: string;
  key: string;
  /** Event index of the apply that first made an inversion visible. */
  detectedIdx: number;
  /** Event index of the apply (or crash) that removed the last inversion; absent if it held to the end. */
  healedIdx?: number;
  /** The first inverted pair seen, `[earlier, later]` in the reference's order; the store applied `later` last-but-one. */
  writes: [number, number];
  /** Event indices of the applies that show the pair, in both stores. */
  events: number[];
}

interface PairState {
  pair: OrderPair;
  detectedIdx?: number;
  healedIdx?: number;
  writes?: [number, number];
  events?: number[];
}

/**
 * Follows, apply by apply, whether each store orders each key's writes like
 * the reference. The reference is the db (its apply order) or the final log
 * (its offset order, known up front: a record's offset is in the trace from
 * its append on, before any consumer can apply it).
 */
export class IsolationTracker {
  private readonly pairs = new Map<string, Map<string, PairState>>();
  private readonly refCount = new Map<string, number>();
  private storePos = 0;

  /**
   * `capacity`: per key, how many reference positions there will be.
   * `logPos`: for a log reference, each write's 1-based position among its key's records.
   * `lastApply`: per store, each write's latest apply event index (kept current by the caller).
   */
  constructor(
    private readonly ref: string,
    stores: string[],
    capacity: Map<string, number>,
    logPos: Map<number, { key: string; pos: number }> | null,
    private readonly lastApply: Map<string, IdTable>,
  ) {
    for (const store of stores) {
      if (store === ref) continue;
      const byKey = new Map<string, PairState>();
      for (const [key, size] of capacity)
        if (size > 0) byKey.set(key, { pair: new OrderPair(size) });
      this.pairs.set(store, byKey);
    }
    if (logPos !== null) {
      for (const byKey of this.pairs.values()) {
        for (const [write, { key, pos }] of logPos) byKey.get(key)?.pair.placeRef(write, pos);
      }
    }
  }

  onApply(store: string, write: number, key: string, idx: number): void {
    if (store === this.ref) {
      const pos = (this.refCount.get(key) ?? 0) + 1;
      this.refCount.set(key, pos);
      for (const [other, byKey] of this.pairs) {
        const state = byKey.get(key);
        if (state === undefined) continue;
        const before = state.pair.inverted;
        state.pair.placeRef(write, pos);
        this.transition(other, state, before, idx);
      }
      return;
    }
    const state = this.pairs.get(store)?.get(key);
    if (state === undefined) return;
    const before = state.pair.inverted;
    state.pair.placeStore(write, ++this.storePos);
    this.transition(store, state, before, idx);
  }

  /** The store forgot everything: its order no longer disagrees with anything. */
  onForget(store: string, idx: number): void {
    for (const state of this.pairs.get(store)?.values() ?? []) {
      const before = state.pair.inverted;
      state.pair.clearStore();
      this.transition(store, state, before, idx);
    }
  }

  findings(): IsolationFinding[] {
    const out: IsolationFinding[] = [];
    for (const [store, byKey] of this.pairs) {
      for (const [key, state] of byKey) {
        if (state.detectedIdx === undefined || state.writes === undefined) continue;
        out.push({
          store,
          key,
          detectedIdx: state.detectedIdx,
          healedIdx: state.pair.inverted ? undefined : state.healedIdx,
          writes: state.writes,
          events: state.events ?? [],
        });
      }
    }
    return out;
  }

  private transition(store: string, state: PairState, before: boolean, idx: number): void {
    const after = state.pair.inverted;
    if (!before && after) {
      if (state.detectedIdx === undefined && state.pair.witness !== null) {
        state.detectedIdx = idx;
        state.writes = state.pair.witness;
        state.events = this.eventsOf(store, state.pair.witness);
      }
      state.healedIdx = undefined;
    } else if (before && !after) {
      state.healedIdx = idx;
    }
  }

  private eventsOf(store: string, writes: [number, number]): number[] {
    const out: number[] = [];
    for (const s of [this.ref, store]) {
      for (const w of writes) {
        const i = this.lastApply.get(s)?.get(w);
        if (i !== undefined) out.push(i);
      }
    }
    return out.sort((a, b) => a - b);
  }
}
