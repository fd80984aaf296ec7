import { defaultScenario } from "../sim/defaults";
import { losesStateOnCrash } from "../sim/store-traits";
import { clientId, runNodes } from "../sim/topology";
import type {
  EventType,
  NodeInfo,
  OpKind,
  Scenario,
  StoreName,
  Strategy,
  Trace,
  TraceEvent,
  WriteOp,
} from "../sim/types";

type Fields = Omit<TraceEvent, "t" | "seq" | "type" | "node">;

interface Cell {
  value: string | number;
  version: number;
}

/**
 * Hand-builds traces for tests, event by event, with the engine's semantics:
 * `apply` computes the store's new value, `read` answers from the store's
 * state, a cache crash forgets everything. Time only moves forward via `at`.
 */
export class TraceBuilder {
  readonly scenario: Scenario;
  private t = 0;
  private readonly events: TraceEvent[] = [];
  private readonly writes: WriteOp[] = [];
  private readonly cells = new Map<string, Map<string, Cell>>();
  private nextMsg = 1;

  constructor(opts: { strategy?: Strategy; stores?: StoreName[]; clients?: number } = {}) {
    const base = defaultScenario();
    this.scenario = {
      ...base,
      strategy: opts.strategy ?? "dual-write",
      stores: opts.stores ?? ["db", "cache", "search"],
      clients: opts.clients ?? 2,
      workload: { kind: "script", ops: [] },
    };
  }

  at(t: number): this {
    if (t < this.t) throw new Error(`time goes backwards: ${t} < ${this.t}`);
    this.t = t;
    return this;
  }

  emit(type: EventType, node: string, fields: Fields = {}): TraceEvent {
    const e: TraceEvent = { t: this.t, seq: this.events.length + 1, type, node, ...fields };
    this.events.push(e);
    return e;
  }

  /** A client starts an operation; returns its op id. */
  op(client: number, op: OpKind, key: string, value: string | number = 0): number {
    const id = this.writes.length + 1;
    this.writes.push({ id, at: this.t, client, op, key, value });
    if (this.scenario.workload.kind === "script") {
      this.scenario.workload.ops.push({ at: this.t, client, op, key, value });
    }
    this.emit("invoke", clientId(client), { write: id, key, value, detail: op });
    return id;
  }

  apply(store: string, write: number, extra: { offset?: number; partition?: number } = {}): this {
    const op = this.writeOp(write);
    const cells = this.cellsOf(store);
    const prev = cells.get(op.key)?.value;
    const value = op.op === "incr" ? Number(prev ?? 0) + Number(op.value) : op.value;
    cells.set(op.key, { value, version: write });
    this.emit("apply", store, { write, key: op.key, value, detail: op.op, ...extra });
    return this;
  }

  reject(node: string, write: number, detail = "stale-version"): this {
    this.emit("reject", node, { write, key: this.writeOp(write).key, detail });
    return this;
  }

  ack(write: number): this {
    const op = this.writeOp(write);
    this.emit("ack", clientId(op.client), { write, key: op.key });
    return this;
  }

  fail(write: number, detail = "gave-up"): this {
    const op = this.writeOp(write);
    this.emit("fail", clientId(op.client), { write, key: op.key, detail });
    return this;
  }

  timeout(write: number, peer: string): this {
    const op = this.writeOp(write);
    this.emit("timeout", clientId(op.client), { write, peer, key: op.key });
    return this;
  }

  /** Returns the message id. */
  send(from: string, to: string, write?: number, kind = "write"): number {
    const msg = this.nextMsg++;
    this.emit("send", from, { peer: to, msg, write, detail: kind });
    return msg;
  }

  deliver(msg: number): this {
    const s = this.sendOf(msg);
    this.emit("deliver", s.peer ?? "", { peer: s.node, msg, write: s.write, detail: s.detail });
    return this;
  }

  drop(msg: number, reason: "loss" | "partition" | "crashed" = "loss"): this {
    const s = this.sendOf(msg);
    this.emit("drop", s.peer ?? "", { peer: s.node, msg, write: s.write, detail: reason });
    return this;
  }

  /** Returns the copy's message id. */
  duplicate(msg: number): number {
    const s = this.sendOf(msg);
    const copy = this.nextMsg++;
    this.emit("duplicate", s.node, { peer: s.peer, msg: copy, ref: msg, write: s.write });
    return copy;
  }

  read(store: string, readOp: number): this {
    const op = this.writeOp(readOp);
    const cell = this.cellsOf(store).get(op.key);
    this.emit("read", store, {
      write: readOp,
      key: op.key,
      value: cell?.value,
      ref: cell?.version ?? 0,
    });
    return this;
  }

  crash(node: string): this {
    if (losesStateOnCrash(node)) this.cells.delete(node);
    this.emit("crash", node);
    return this;
  }

  /** A full dual write of one op by its client: every listed store applies it, then the ack. */
  writeAll(
    client: number,
    op: OpKind,
    key: string,
    value: string | number,
    stores: string[],
  ): number {
    const id = this.op(client, op, key, value);
    for (const s of stores) this.apply(s, id);
    this.ack(id);
    return id;
  }

  build(opts: { log?: number[][]; offline?: boolean[]; quiescedAt?: number | null } = {}): Trace {
    const quiescedAt = opts.quiescedAt === undefined ? this.t : opts.quiescedAt;
    if (quiescedAt !== null) this.emit("quiesce", "network");
    const stores: Record<string, Record<string, string | number>> = {};
    for (const [store, cells] of this.cells) {
      stores[store] = {};
      for (const [key, cell] of cells) stores[store][key] = cell.value;
    }
    return {
      scenario: this.scenario,
      nodes: this.nodes(),
      writes: this.writes,
      events: this.events,
      quiescedAt,
      capped: quiescedAt === null ? { cap: "maxTimeMs", at: this.t } : null,
      endTime: this.t,
      traceHash: "test",
      final: {
        stores,
        log: opts.log ?? [[]],
        offline: opts.offline ?? (opts.log ?? [[]]).map(() => false),
      },
    };
  }

  /** The nodes a run of this scenario has (the engine's own list). */
  private nodes(): NodeInfo[] {
    return runNodes(this.scenario);
  }

  private writeOp(id: number): WriteOp {
    const op = this.writes[id - 1];
    if (op === undefined) throw new Error(`no op #${id}`);
    return op;
  }

  private sendOf(msg: number): TraceEvent {
    const s = this.events.find(
      (e) => (e.type === "send" || e.type === "duplicate") && e.msg === msg,
    );
    if (s === undefined) throw new Error(`no message ${msg}`);
    return s;
  }

  private cellsOf(store: string): Map<string, Cell> {
    let cells = this.cells.get(store);
    if (cells === undefined) {
      cells = new Map();
      this.cells.set(store, cells);
    }
    return cells;
  }
}
