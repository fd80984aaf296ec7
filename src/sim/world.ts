import { EventHeap } from "./heap";
import { isDataMessage, type Message, messageWrite } from "./messages";
import { createRng, type Rng } from "./prng";
import { TraceColumns } from "./trace-columns";
import type { CapKind, Caps, EventType, LinkOptions, NetworkOptions, TraceEvent } from "./types";

/** A node of the simulated system: reacts to messages, and to its own crash and restart. */
export interface Actor {
  readonly id: string;
  onMessage(from: string, msg: Message): void;
  onCrash?(): void;
  onRestart?(): void;
}

interface Partition {
  a: ReadonlySet<string>;
  b: ReadonlySet<string>;
  oneWay: boolean;
}

interface Link {
  options: LinkOptions;
  rng: Rng;
  /**
   * When the latest in-order message on this connection arrives: a later one
   * is held behind it (TCP delivers in send order), never delivered before it.
   */
  inOrderUntil: number;
}

export type EventFields = Omit<TraceEvent, "t" | "seq" | "type" | "node">;

const NO_FIELDS: EventFields = {};

interface Task {
  run(): void;
}

/** One message in flight: a single object per message instead of a closure and its wrapper. */
class Delivery implements Task {
  constructor(
    private readonly world: World,
    private readonly from: string,
    private readonly to: string,
    private readonly msg: Message,
    private readonly id: number,
    private readonly lost: boolean,
    private readonly data: boolean,
  ) {}

  run(): void {
    this.world.deliver(this.from, this.to, this.msg, this.id, this.lost, this.data);
  }
}

/** A timer bound to one incarnation of a node: a crash or restart silently cancels it. */
class NodeTask implements Task {
  constructor(
    private readonly world: World,
    private readonly node: string,
    private readonly incarnation: number,
    private readonly fn: () => void,
  ) {}

  run(): void {
    if (this.world.alive(this.node, this.incarnation)) this.fn();
  }
}

/**
 * The discrete-event kernel: simulated time, the network, crashes and the
 * trace. Everything random draws from a stream forked off the seed by name,
 * and faults are checked at delivery time, so a fault scheduled at t changes
 * nothing that happens before t.
 */
export class World {
  now = 0;
  /** The trace, recorded column by column (see `TraceColumns`). */
  readonly trace = new TraceColumns();
  /** Messages carrying work that are still on the wire. */
  inFlightData = 0;
  stopped = false;
  capped: null | { cap: CapKind; at: number } = null;

  private readonly heap = new EventHeap<Task>();
  private heapSeq = 0;
  private msgSeq = 0;
  private readonly actors = new Map<string, Actor>();
  private readonly crashed = new Set<string>();
  private readonly incarnations = new Map<string, number>();
  private readonly links = new Map<string, Map<string, Link>>();
  private partitions: Partition[] = [];
  private readonly rootRng: Rng;

  constructor(
    seed: number,
    private readonly network: NetworkOptions,
    private readonly caps: Caps,
  ) {
    this.rootRng = createRng(seed);
  }

  rng(name: string): Rng {
    return this.rootRng.fork(name);
  }

  register(actor: Actor): void {
    this.actors.set(actor.id, actor);
    this.incarnations.set(actor.id, 0);
  }

  isUp(node: string): boolean {
    return !this.crashed.has(node);
  }

  /** Runs `fn` at absolute time `time` (a global happening: workload, schedule, controller). */
  at(time: number, fn: () => void): void {
    this.heap.push(time, this.heapSeq++, { run: fn });
  }

  /** Runs `fn` after `delayMs` on `node`, unless the node crashes or restarts meanwhile. */
  timer(node: string, delayMs: number, fn: () => void): void {
    this.heap.push(
      this.now + delayMs,
      this.heapSeq++,
      new NodeTask(this, node, this.incarnations.get(node) ?? 0, fn),
    );
  }

  /** Whether a timer set in `incarnation` of `node` may still fire. */
  alive(node: string, incarnation: number): boolean {
    return !this.crashed.has(node) && this.incarnations.get(node) === incarnation;
  }

  emit(type: EventType, node: string, fields?: EventFields): void {
    const f = fields ?? NO_FIELDS;
    this.record(
      type,
      node,
      f.peer,
      f.msg,
      f.write,
      f.key,
      f.value,
      f.offset,
      f.partition,
      f.ref,
      f.detail,
    );
  }

  /**
   * `emit` with positional fields: the network's hot path calls it directly, so
   * no per-call fields object of varying shape is read (every event has one
   * fixed shape, which keeps V8 on its fast path).
   */
  record(
    type: EventType,
    node: string,
    peer: string | undefined,
    msg: number | undefined,
    write: number | undefined,
    key: string | undefined,
    value: string | number | undefined,
    offset: number | undefined,
    partition: number | undefined,
    ref: number | undefined,
    detail: string | undefined,
  ): void {
    // Past the cap the run is over; the handler still finishing is not traced.
    if (this.capped !== null) return;
    const trace = this.trace;
    trace.push(this.now, type, node, peer, msg, write, key, value, offset, partition, ref, detail);
    if (trace.length >= this.caps.maxEvents) {
      this.capped = { cap: "maxEvents", at: this.now };
      this.stopped = true;
    }
  }

  /** A message event (send, deliver, drop): the same fields every time, positionally. */
  private recordMessage(
    type: EventType,
    node: string,
    peer: string,
    msg: number,
    write: number | undefined,
    detail: string,
  ): void {
    this.record(
      type,
      node,
      peer,
      msg,
      write,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      detail,
    );
  }

  /** The run's identity: every field of every event, hashed in order once the run is over. */
  hash(): string {
    return this.trace.hash();
  }

  /** Puts a message on the wire. Four draws per send, always, so each link's stream stays aligned. */
  send(from: string, to: string, msg: Message): void {
    const link = this.link(from, to);
    const { options, rng } = link;
    const lost = rng.next() < options.dropRate;
    const duplicated = rng.next() < options.duplicateRate;
    const spiked = rng.next() < options.reorderRate;
    const delayMs =
      rng.int(options.delayMsMin, options.delayMsMax) + (spiked ? options.reorderSpikeMs : 0);
    const id = ++this.msgSeq;
    const write = messageWrite(msg);
    this.recordMessage("send", from, to, id, write, msg.kind);
    // One connection per directed link: in send order. Only the explicit faults
    // step out of it — a reorder spike (a retry on another connection overtaken
    // by later messages) and a duplicate's copy (a resend).
    let arriveAt = this.now + delayMs;
    if (!spiked) {
      arriveAt = Math.max(arriveAt, link.inOrderUntil);
      link.inOrderUntil = arriveAt;
    }
    this.transmit(from, to, msg, id, arriveAt - this.now, lost);
    if (duplicated) {
      const copy = ++this.msgSeq;
      const copyDelayMs = rng.int(options.delayMsMin, options.delayMsMax);
      this.emit("duplicate", from, { peer: to, msg: copy, ref: id, write, detail: msg.kind });
      this.transmit(from, to, msg, copy, copyDelayMs, false);
    }
  }

  private transmit(
    from: string,
    to: string,
    msg: Message,
    id: number,
    delayMs: number,
    lost: boolean,
  ): void {
    const data = isDataMessage(msg);
    if (data) this.inFlightData++;
    this.heap.push(
      this.now + delayMs,
      this.heapSeq++,
      new Delivery(this, from, to, msg, id, lost, data),
    );
  }

  /** A message reaching the end of its link: faults are judged now, at delivery time. */
  deliver(from: string, to: string, msg: Message, id: number, lost: boolean, data: boolean): void {
    if (data) this.inFlightData--;
    const write = messageWrite(msg);
    const reason = lost
      ? "loss"
      : this.partitions.length > 0 && this.isCut(from, to)
        ? "partition"
        : this.crashed.has(to)
          ? "crashed"
          : null;
    if (reason !== null) {
      this.recordMessage("drop", to, from, id, write, reason);
      return;
    }
    this.recordMessage("deliver", to, from, id, write, msg.kind);
    this.actors.get(to)?.onMessage(from, msg);
  }

  private link(from: string, to: string): Link {
    let byTo = this.links.get(from);
    if (byTo === undefined) {
      byTo = new Map();
      this.links.set(from, byTo);
    }
    let link = byTo.get(to);
    if (link === undefined) {
      const name = `${from}->${to}`;
      link = {
        options: { ...this.network.default, ...this.network.links[name] },
        rng: this.rootRng.fork(`link:${name}`),
        inOrderUntil: 0,
      };
      byTo.set(to, link);
    }
    return link;
  }

  isCut(from: string, to: string): boolean {
    for (const p of this.partitions) {
      if (p.a.has(from) && p.b.has(to)) return true;
      if (!p.oneWay && p.b.has(from) && p.a.has(to)) return true;
    }
    return false;
  }

  partition(a: string[], b: string[], oneWay: boolean): Partition {
    const p: Partition = { a: new Set(a), b: new Set(b), oneWay };
    this.partitions.push(p);
    this.emit("partition", "network", {
      detail: `${a.join(",")}${oneWay ? " -> " : " | "}${b.join(",")}`,
    });
    return p;
  }

  heal(p?: Partition): void {
    if (p === undefined) this.partitions = [];
    else this.partitions = this.partitions.filter((q) => q !== p);
    this.emit("heal", "network", {});
  }

  crash(node: string): void {
    if (!this.actors.has(node) || this.crashed.has(node)) return;
    this.crashed.add(node);
    this.incarnations.set(node, (this.incarnations.get(node) ?? 0) + 1);
    this.emit("crash", node);
    this.actors.get(node)?.onCrash?.();
  }

  restart(node: string): void {
    if (!this.crashed.has(node)) return;
    this.crashed.delete(node);
    this.incarnations.set(node, (this.incarnations.get(node) ?? 0) + 1);
    this.emit("restart", node);
    this.actors.get(node)?.onRestart?.();
  }

  /**
   * Runs until the queue empties, `stop()` is called, or a cap is hit.
   * `shouldStop` is the caller's budget (the core itself never reads a clock),
   * asked every `checkEvery` steps.
   */
  run(shouldStop?: () => boolean, checkEvery = 4096): void {
    const heap = this.heap;
    const maxTimeMs = this.caps.maxTimeMs;
    let steps = 0;
    while (heap.size > 0 && !this.stopped) {
      if (shouldStop !== undefined && ++steps % checkEvery === 0 && shouldStop()) {
        this.capped = { cap: "budget", at: this.now };
        break;
      }
      const t = heap.peekTime();
      if (t > maxTimeMs) {
        this.capped = { cap: "maxTimeMs", at: maxTimeMs };
        this.now = maxTimeMs;
        break;
      }
      this.now = t;
      heap.pop().run();
    }
  }

  stop(): void {
    this.stopped = true;
  }
}
