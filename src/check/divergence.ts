import { mayMiss } from "../sim/store-traits";

type Value = string | number | undefined;

/** The stretches of time during which one store's value for one key differed from the db's. */
export interface Episodes {
  starts: number[];
  /** `ends[i]` closes `starts[i]`; the last start has no end while `open` is set. */
  ends: number[];
  /** Every change of what the store and the db held during each episode: `[t, store, db]`, from its start. */
  held: Array<Array<[number, Value, Value]>>;
  /** Start of the episode still running at the end of the trace. */
  open?: number;
}

/**
 * Follows, per store and key, whether the store agrees with the db. Ordinary
 * replication lag makes short episodes all the time; the caller reports only
 * those that an anomaly explains or that last to the end. A key absent from
 * the cache is a miss, not a divergence.
 */
export class DivergenceTracker {
  private readonly episodes = new Map<string, Map<string, Episodes>>();
  private readonly joined = new Set<string>();

  constructor(
    private readonly ref: string,
    private readonly valueIn: (store: string, key: string) => Value,
    private readonly keys: Iterable<string>,
  ) {}

  /** From now on `store` takes part (at the start, or when it is added late). */
  join(store: string, t: number): void {
    if (store === this.ref || this.joined.has(store)) return;
    this.joined.add(store);
    this.episodes.set(store, new Map());
    for (const key of this.keys) this.update(store, key, t);
  }

  /** `store`'s value for `key` may have changed at time t. */
  onChange(store: string, key: string, t: number): void {
    if (store !== this.ref) {
      if (this.joined.has(store)) this.update(store, key, t);
      return;
    }
    for (const other of this.joined) this.update(other, key, t);
  }

  of(store: string, key: string): Episodes | undefined {
    return this.episodes.get(store)?.get(key);
  }

  private update(store: string, key: string, t: number): void {
    const mine = this.valueIn(store, key);
    const ref = this.valueIn(this.ref, key);
    const differs = !(mayMiss(store) && mine === undefined) && mine !== ref;
    const byKey = this.episodes.get(store);
    if (byKey === undefined) return;
    let ep = byKey.get(key);
    if (ep === undefined) {
      if (!differs) return;
      ep = { starts: [], ends: [], held: [] };
      byKey.set(key, ep);
    }
    if (differs && ep.open === undefined) {
      ep.open = t;
      ep.starts.push(t);
      ep.held.push([[t, mine, ref]]);
    } else if (differs) {
      const changes = ep.held[ep.held.length - 1];
      const last = changes[changes.length - 1];
      if (last[1] !== mine || last[2] !== ref) changes.push([t, mine, ref]);
    } else if (!differs && ep.open !== undefined) {
      ep.ends.push(t);
      ep.open = undefined;
    }
  }
}
