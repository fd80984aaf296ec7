import type { Message, WalEntry } from "./messages";
import { STORE_TRAITS } from "./store-traits";
import type { OpKind, StoreName } from "./types";
import type { Actor, World } from "./world";

interface Cell {
  value: string | number;
  /** The write that produced the value. Op ids grow with time, so it doubles as a version. */
  version: number;
}

export interface Change {
  write: number;
  key: string;
  op: Exclude<OpKind, "read">;
  value: string | number;
}

/** Where an applied change sits in its source: a log position, and under cdc the db's commit-log position. */
export interface SourcePosition {
  offset?: number;
  partition?: number;
  lsn?: number;
  /** How the change arrived when it is not the op itself: `fill` for a cache-aside fill. */
  detail?: string;
}

/**
 * A data store's contents. `db` and `search` are durable; `cache` forgets
 * everything on crash. Last arrival wins unless versioned writes are on.
 */
export class StoreState {
  readonly cells = new Map<string, Cell>();
  /** The db's commit log, which a CDC connector tails. */
  readonly wal: WalEntry[] = [];
  /** Per partition, the next log offset to apply (the "atomic" commit policy and dedupe store it here). */
  readonly offsets: number[] = [];
  /** The highest commit-log position applied (cdc dedupe by source position). */
  appliedLsn = 0;
  /** Idempotency keys (op ids) of the requests applied (dedupe only). */
  readonly seen = new Set<number>();

  constructor(
    readonly name: StoreName,
    private readonly world: World,
    private readonly versioned: boolean,
  ) {}

  get durable(): boolean {
    return STORE_TRAITS[this.name].durable;
  }

  /** Applies a change and traces it; returns false if a versioned store rejected it. */
  apply(change: Change, extra?: SourcePosition): boolean {
    const cell = this.cells.get(change.key);
    if (
      this.versioned &&
      change.op === "set" &&
      cell !== undefined &&
      cell.version > change.write
    ) {
      this.world.emit("reject", this.name, {
        write: change.write,
        key: change.key,
        detail: "stale-version",
      });
      return false;
    }
    const value =
      change.op === "incr" ? Number(cell?.value ?? 0) + Number(change.value) : change.value;
    this.cells.set(change.key, { value, version: change.write });
    if (STORE_TRAITS[this.name].systemOfRecord)
      this.wal.push({ lsn: this.wal.length + 1, write: change.write, key: change.key, value });
    if (extra?.lsn !== undefined) this.appliedLsn = Math.max(this.appliedLsn, extra.lsn);
    this.world.record(
      "apply",
      this.name,
      undefined,
      undefined,
      change.write,
      change.key,
      value,
      extra?.offset,
      extra?.partition,
      extra?.lsn,
      extra?.detail ?? change.op,
    );
    return true;
  }

  read(key: string): Cell | undefined {
    return this.cells.get(key);
  }

  forget(): void {
    this.cells.clear();
    this.offsets.length = 0;
    this.appliedLsn = 0;
    this.seen.clear();
  }

  snapshot(): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const key of [...this.cells.keys()].sort()) out[key] = this.cells.get(key)?.value ?? "";
    return out;
  }
}

/**
 * A store as a network node: applies writes sent to it and answers reads. In
 * `single-db` it is the whole database, whose views (cache, search) change in
 * the same transaction. A resent request is applied again — a timeout is
 * ambiguous, and a database applies a retried increment twice too — unless
 * `dedupe` is on: then the store records each request's idempotency key (the
 * op id) with the change, and a repeat is acknowledged without applying.
 */
export class StoreNode implements Actor {
  readonly id: string;

  constructor(
    private readonly world: World,
    readonly state: StoreState,
    /** The db's indexes and views that change in the same transaction (single-db only). */
    private readonly views: () => StoreState[] = () => [],
    private readonly dedupe = false,
  ) {
    this.id = state.name;
  }

  /** Whether a request with this idempotency key was applied already (and records it). */
  private repeated(op: number): boolean {
    if (!this.dedupe) return false;
    if (this.state.seen.has(op)) return true;
    this.state.seen.add(op);
    return false;
  }

  onMessage(from: string, msg: Message): void {
    const w = this.world;
    switch (msg.kind) {
      case "write": {
        const { op } = msg;
        if (op.op !== "read" && !this.repeated(op.id))
          this.state.apply({ write: op.id, key: op.key, op: op.op, value: op.value });
        w.send(this.id, from, { kind: "write-ack", write: op.id });
        return;
      }
      case "tx": {
        const { op } = msg;
        if (op.op !== "read" && !this.repeated(op.id)) {
          const change: Change = { write: op.id, key: op.key, op: op.op, value: op.value };
          this.state.apply(change);
          for (const view of this.views()) view.apply(change);
        }
        w.send(this.id, from, { kind: "tx-ack", write: op.id });
        return;
      }
      case "read": {
        const cell = this.state.read(msg.op.key);
        w.emit("read", this.id, {
          write: msg.op.id,
          key: msg.op.key,
          value: cell?.value,
          ref: cell?.version ?? 0,
        });
        w.send(this.id, from, {
          kind: "read-resp",
          write: msg.op.id,
          value: cell?.value,
          ref: cell?.version ?? 0,
        });
        return;
      }
      case "fill":
        this.state.apply(
          { write: msg.write, key: msg.key, op: "set", value: msg.value },
          { detail: "fill" },
        );
        return;
      case "wal-fetch": {
        const entries = this.state.wal.slice(msg.from, msg.from + 50);
        w.send(this.id, from, { kind: "wal-resp", from: msg.from, entries });
        return;
      }
      default:
        return;
    }
  }

  onCrash(): void {
    if (!this.state.durable) this.state.forget();
  }
}
