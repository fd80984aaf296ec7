import type { Message } from "./messages";
import { STORE_TRAITS } from "./store-traits";
import { type DualWriteOptions, STORE_NAMES, type StoreName, type WriteOp } from "./types";
import type { Actor, World } from "./world";

/** How a client carries out one operation; calls `done` exactly once unless the client crashes. */
export interface Performer {
  perform(op: WriteOp, done: (ok: boolean, detail?: string, value?: string | number) => void): void;
  onMessage(from: string, msg: Message): void;
  onCrash?(): void;
  /** Work still going on behind an operation already answered (write-behind, retries). */
  busy?(): boolean;
}

/**
 * An application process. It handles one operation at a time, in arrival
 * order; an operation that arrives while it is down is never issued.
 */
export class Client implements Actor {
  private readonly queue: WriteOp[] = [];
  private current: WriteOp | null = null;
  performer: Performer | null = null;

  constructor(
    readonly id: string,
    private readonly world: World,
  ) {}

  get idle(): boolean {
    return this.current === null && this.queue.length === 0 && this.performer?.busy?.() !== true;
  }

  submit(op: WriteOp): void {
    if (!this.world.isUp(this.id)) {
      this.world.emit("fail", this.id, { write: op.id, key: op.key, detail: "client-down" });
      return;
    }
    this.queue.push(op);
    if (this.current === null) this.next();
  }

  private next(): void {
    const op = this.queue.shift();
    if (op === undefined) return;
    this.current = op;
    const w = this.world;
    w.emit("invoke", this.id, { write: op.id, key: op.key, value: op.value, detail: op.op });
    this.performer?.perform(op, (ok, detail, value) => {
      if (this.current !== op) return;
      if (ok) w.emit("ack", this.id, { write: op.id, key: op.key, value, detail });
      else w.emit("fail", this.id, { write: op.id, key: op.key, detail });
      this.current = null;
      this.next();
    });
  }

  onMessage(from: string, msg: Message): void {
    this.performer?.onMessage(from, msg);
  }

  onCrash(): void {
    for (const op of this.queue) {
      this.world.emit("fail", this.id, { write: op.id, key: op.key, detail: "client-crashed" });
    }
    this.queue.length = 0;
    this.current = null;
    this.performer?.onCrash?.();
  }
}

/** One number per (store, operation): no string built per request on the hot path. */
function requestKey(store: string, op: number): number {
  const i = STORE_NAMES.indexOf(store as StoreName);
  return op * 4 + (i < 0 ? 3 : i);
}

interface Pending {
  op: WriteOp;
  store: string;
  attempt: number;
  settle: (ok: boolean) => void;
}

/**
 * Writes and reads stores directly over the network: the `dual-write` client
 * (each store in turn, or all at once), the `cdc` client (db only) and the
 * `single-db` client (one transaction). A request that times out is resent up
 * to `retries` times — and a resent increment may be applied twice.
 */
export class StorePerformer implements Performer {
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly world: World,
    private readonly clientId: string,
    private readonly options: DualWriteOptions,
    private readonly targets: () => StoreName[],
    private readonly readFrom: () => StoreName,
    private readonly transactional: boolean,
  ) {}

  perform(
    op: WriteOp,
    done: (ok: boolean, detail?: string, value?: string | number) => void,
  ): void {
    if (op.op === "read") {
      this.read(op, this.readFrom(), done);
      return;
    }
    const stores = this.targets();
    // Write-behind: answer the caller after the first store, the rest follow in the background.
    const ackFirst = this.options.ackAfter === "first" && !this.transactional;
    let answered = false;
    const answer = (ok: boolean, detail?: string) => {
      if (answered) return;
      answered = true;
      done(ok, detail);
    };
    if (this.options.order === "parallel" && !this.transactional) {
      let left = stores.length;
      let failed: string | null = null;
      for (const store of stores) {
        this.request(op, store, (ok) => {
          if (!ok && failed === null) failed = store;
          if (ok && ackFirst)
            answer(true, `${store} accepted first; the rest go on in the background`);
          if (--left === 0)
            answer(failed === null, failed === null ? undefined : `${failed} unreachable`);
        });
      }
      return;
    }
    const step = (i: number): void => {
      if (i === stores.length) {
        answer(true);
        return;
      }
      this.request(op, stores[i], (ok) => {
        if (ok && ackFirst && i === 0)
          answer(true, `${stores[i]} accepted; the rest go on in the background`);
        if (ok) step(i + 1);
        // Like `db.write(); cache.write(); search.write()`: an error aborts the rest.
        else answer(false, `${stores[i]} unreachable`);
      });
    };
    step(0);
  }

  /**
   * Cache-aside: a miss in the cache reads the db, then puts the db's value
   * into the cache. A write that changes the cache between the db read and
   * the fill is overwritten by the older value: the classic cache-aside race.
   */
  private read(
    op: WriteOp,
    store: StoreName,
    done: (ok: boolean, detail?: string, value?: string | number) => void,
  ): void {
    this.request(
      op,
      store,
      (ok) => {
        if (!ok) done(false, `no answer from ${store}`);
      },
      (value) => {
        if (!STORE_TRAITS[store].readTarget || value !== undefined) {
          done(true, "read", value);
          return;
        }
        this.request(
          op,
          "db",
          (ok) => {
            if (!ok) done(false, "no answer from db after a cache miss");
          },
          (dbValue, dbVersion) => {
            if (dbValue !== undefined && dbVersion > 0)
              this.world.send(this.clientId, store, {
                kind: "fill",
                write: dbVersion,
                key: op.key,
                value: dbValue,
              });
            done(true, "read from db after a cache miss", dbValue);
          },
        );
      },
    );
  }

  private request(
    op: WriteOp,
    store: string,
    settle: (ok: boolean) => void,
    onValue?: (v: string | number | undefined, version: number) => void,
  ): void {
    const key = requestKey(store, op.id);
    const entry: Pending = { op, store, attempt: 0, settle };
    this.pending.set(key, entry);
    if (onValue) this.valueSinks.set(key, onValue);
    this.attempt(key, entry);
  }

  private readonly valueSinks = new Map<
    number,
    (v: string | number | undefined, version: number) => void
  >();

  private attempt(key: number, entry: Pending): void {
    const w = this.world;
    const { op, store } = entry;
    const msg: Message =
      op.op === "read"
        ? { kind: "read", op }
        : this.transactional
          ? { kind: "tx", op }
          : { kind: "write", op, attempt: entry.attempt };
    w.send(this.clientId, store, msg);
    const attempt = entry.attempt;
    w.timer(this.clientId, this.options.timeoutMs, () => {
      if (this.pending.get(key) !== entry || entry.attempt !== attempt) return;
      w.emit("timeout", this.clientId, { write: op.id, peer: store, key: op.key });
      if (entry.attempt < this.options.retries) {
        entry.attempt++;
        w.emit("retry", this.clientId, {
          write: op.id,
          peer: store,
          key: op.key,
          detail: `attempt ${entry.attempt + 1}`,
        });
        this.attempt(key, entry);
      } else {
        this.pending.delete(key);
        this.valueSinks.delete(key);
        entry.settle(false);
      }
    });
  }

  onMessage(from: string, msg: Message): void {
    if (msg.kind !== "write-ack" && msg.kind !== "tx-ack" && msg.kind !== "read-resp") return;
    const key = requestKey(from, msg.write);
    const entry = this.pending.get(key);
    if (entry === undefined) return;
    this.pending.delete(key);
    const sink = this.valueSinks.get(key);
    this.valueSinks.delete(key);
    entry.settle(true);
    if (msg.kind === "read-resp") sink?.(msg.value, msg.ref);
  }

  busy(): boolean {
    return this.pending.size > 0;
  }

  onCrash(): void {
    this.pending.clear();
    this.valueSinks.clear();
  }
}
