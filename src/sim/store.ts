import type { Message, WalEntry } from "./messages";
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

/**
 * A data store's contents. `db` and `search` are durable; `cache` forgets
 * everything on crash. Last arrival wins unless versioned writes are on.
 */
export class StoreState {
  readonly cells = new Map<string, Cell>();
  /** The db's commit log, which a CDC connector tails. */
  readonly wal: WalEntry[] = [];
  /** Per partition, the next log offset to apply (the "atomic" commit policy stores it here). */
  readonly offsets: number[] = [];

  constructor(
    readonly name: StoreName,
    private readonly world: World,
    private readonly versioned: boolean,
  ) {}

  get durable(): boolean {
    return this.name !== "cache";
  }

  /** Applies a change and traces it; returns false if a versioned store rejected it. */
  apply(change: Change, extra?: { offset?: number; partition?: number }): boolean {
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
    if (this.name === "db") this.wal.push({ write: change.write, key: change.key, value });
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
      undefined,
      change.op,
    );
    return true;
  }

  read(key: string): Cell | undefined {
    return this.cells.get(key);
  }

  forget(): void {
    this.cells.clear();
    this.offsets.length = 0;
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
 * the same transaction; there a retried transaction is recognised by its id.
 */
export class StoreNode implements Actor {
  readonly id: string;
  private readonly committedTx = new Set<number>();

  constructor(
    private readonly world: World,
    readonly state: StoreState,
    /** The db's indexes and views that change in the same transaction (single-db only). */
    private readonly views: () => StoreState[] = () => [],
  ) {
    this.id = state.name;
  }

  onMessage(from: string, msg: Message): void {
    const w = this.world;
    switch (msg.kind) {
      case "write": {
        const { op } = msg;
        if (op.op !== "read")
          this.state.apply({ write: op.id, key: op.key, op: op.op, value: op.value });
        w.send(this.id, from, { kind: "write-ack", write: op.id });
        return;
      }
      case "tx": {
        const { op } = msg;
        if (op.op !== "read" && !this.committedTx.has(op.id)) {
          this.committedTx.add(op.id);
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
