import { Connector } from "./cdc";
import { Client, type Performer, StorePerformer } from "./client";
import { Broker } from "./log/broker";
import { Consumer } from "./log/consumer";
import { Controller } from "./log/controller";
import { Producer } from "./log/producer";
import type { Message } from "./messages";
import { assertNever, entryLast, scheduleEntry } from "./schedule";
import { StoreNode, StoreState } from "./store";
import { STORE_TRAITS } from "./store-traits";
import { strategyOf } from "./strategy";
import { brokerId, clientId, consumedStores, consumerId, runNodes, storesOf } from "./topology";
import type { TraceColumns } from "./trace-columns";
import type {
  EventReader,
  NodeInfo,
  Scenario,
  StoreName,
  Trace,
  TraceEvent,
  WriteOp,
} from "./types";
import { generateWorkload } from "./workload";
import { World } from "./world";

/** How often, once everything scheduled has happened, the run checks whether it has settled. */
const QUIESCENCE_PROBE_MS = 5;

/** The `log` client: appends each write to the log; reads still go to a store. */
class LogPerformer implements Performer {
  constructor(
    private readonly producer: Producer,
    private readonly reads: StorePerformer,
  ) {}

  perform(
    op: WriteOp,
    done: (ok: boolean, detail?: string, value?: string | number) => void,
  ): void {
    if (op.op === "read") {
      this.reads.perform(op, done);
      return;
    }
    this.producer.send({ write: op.id, key: op.key, op: op.op, value: op.value }, (ok, detail) =>
      done(ok, detail),
    );
  }

  onMessage(from: string, msg: Message): void {
    if (msg.kind === "produce-resp") this.producer.onMessage(msg);
    else this.reads.onMessage(from, msg);
  }

  busy(): boolean {
    return this.producer.pending > 0 || this.reads.busy();
  }

  onCrash(): void {
    this.producer.onCrash();
    this.reads.onCrash();
  }
}

interface Assembly {
  world: World;
  clients: Client[];
  stores: Map<StoreName, StoreState>;
  storeNodes: Map<StoreName, StoreNode>;
  consumers: Map<StoreName, Consumer>;
  controller: Controller | null;
  brokers: Broker[];
  connector: Connector | null;
  nodes: NodeInfo[];
  /** Stores taking writes now; a late store joins through an `add-store` entry. */
  active: Set<StoreName>;
}

function assemble(s: Scenario, world: World): Assembly {
  const nodes = runNodes(s);
  const a: Assembly = {
    world,
    clients: [],
    stores: new Map(),
    storeNodes: new Map(),
    consumers: new Map(),
    controller: null,
    brokers: [],
    connector: null,
    nodes,
    active: new Set<StoreName>(s.stores),
  };
  const dedupe = s.dedupe === true;
  const allStores = storesOf(s);
  const active = a.active;
  for (const name of allStores) a.stores.set(name, new StoreState(name, world, s.versionedWrites));

  const way = strategyOf(s.strategy);
  if (way.usesLog) {
    const ids = Array.from({ length: s.log.brokers }, (_, i) => brokerId(i + 1));
    const controller = new Controller(world, s.log, ids);
    a.controller = controller;
    a.brokers = ids.map((id) => new Broker(id, world, s.log, controller));
    const byId = new Map(a.brokers.map((b) => [b.id, b]));
    controller.view = {
      logLength: (b, p) => byId.get(b)?.logs[p].length ?? 0,
      knownHw: (b, p) => byId.get(b)?.hw[p] ?? 0,
      onElected: (p, state) => byId.get(state.leader)?.onElected(p, state),
    };
  }

  const targets = (): StoreName[] => allStores.filter((n) => active.has(n));
  const readTargets = allStores.filter((n) => STORE_TRAITS[n].readTarget);
  const readFrom = (): StoreName =>
    (!way.transaction && readTargets.find((n) => active.has(n))) || "db";
  for (let i = 1; i <= s.clients; i++) {
    const id = clientId(i);
    const client = new Client(id, world);
    const direct = (only: () => StoreName[], tx: boolean) =>
      new StorePerformer(world, id, s.dualWrite, only, readFrom, tx);
    switch (way.clientWrites) {
      case "every-store":
        client.performer = direct(targets, false);
        break;
      case "db":
        client.performer = direct(() => ["db"], way.transaction);
        break;
      case "log": {
        if (a.controller === null) break;
        const producer = new Producer(world, id, s.log, a.controller, s.log.retries, dedupe);
        client.performer = new LogPerformer(
          producer,
          direct(() => ["db"], false),
        );
        break;
      }
      default:
        assertNever(way.clientWrites);
    }
    a.clients.push(client);
    world.register(client);
  }

  const db = a.stores.get("db");
  for (const [name, state] of a.stores) {
    const views = () =>
      way.transaction && name === "db"
        ? [...a.stores.values()].filter((v) => v !== state && active.has(v.name))
        : [];
    if (way.transaction && name !== "db") continue;
    const node = new StoreNode(world, state, views, dedupe);
    a.storeNodes.set(name, node);
    world.register(node);
  }

  for (const b of a.brokers) world.register(b);
  if (a.controller !== null) {
    for (const name of consumedStores(s.strategy, allStores)) {
      const state = a.stores.get(name);
      if (state === undefined) continue;
      const consumer = new Consumer(consumerId(name), world, s.log, a.controller, state, dedupe);
      a.consumers.set(name, consumer);
      world.register(consumer);
    }
    if (way.capturesDb && db !== undefined) {
      a.connector = new Connector(world, s.log, a.controller, db, dedupe);
      world.register(a.connector);
    }
  }
  return a;
}

/** The time after which nothing more is scheduled to happen. */
function horizon(s: Scenario, ops: WriteOp[]): number {
  let h = ops.length > 0 ? ops[ops.length - 1].at : 0;
  for (const e of s.schedule) h = Math.max(h, entryLast(e));
  return h;
}

function settled(a: Assembly): boolean {
  const w = a.world;
  if (w.inFlightData > 0) return false;
  for (const c of a.clients) if (w.isUp(c.id) && !c.idle) return false;
  const controller = a.controller;
  if (controller === null) return true;
  const leaderEnd = (p: number): number => {
    const leader = controller.leaderOf(p);
    return a.brokers.find((b) => b.id === leader)?.logs[p].length ?? 0;
  };
  for (let p = 0; p < controller.meta.length; p++) {
    const leader = controller.leaderOf(p);
    if (leader === null) continue;
    const end = leaderEnd(p);
    const lb = a.brokers.find((b) => b.id === leader);
    if (lb === undefined || lb.hw[p] < end) return false;
    const last = lb.logs[p][end - 1];
    for (const b of a.brokers) {
      if (!w.isUp(b.id)) continue;
      const log = b.logs[p];
      // Same length is not enough: a returning old leader may hold a diverged record it must truncate.
      if (log.length !== end || (end > 0 && log[end - 1].epoch !== last.epoch)) return false;
    }
  }
  for (const [name, consumer] of a.consumers) {
    if (!a.active.has(name) || !w.isUp(consumer.id) || !w.isUp(name)) continue;
    if (!consumer.caughtUp(leaderEnd)) return false;
  }
  if (a.connector !== null && w.isUp(a.connector.id) && !a.connector.caughtUp) return false;
  return true;
}

export interface SimulateOptions {
  /**
   * A budget the caller enforces (e.g. wall-clock time in a worker): asked every
   * few thousand steps; returning true stops the run, marked `capped: budget`.
   * Pure as long as the caller's answer is: a run that finishes is unaffected.
   */
  shouldStop?: () => boolean;
}

/** A run is a pure function of its scenario: the same scenario gives the same trace, anywhere. */
export function simulate(
  scenario: Scenario,
  options: SimulateOptions = {},
): Trace & { readonly columns: EventReader } {
  const s = scenario;
  const world = new World(s.seed, s.network, s.caps);
  const ops = generateWorkload(s);
  const a = assemble(s, world);

  world.at(0, () => {
    a.controller?.start();
    for (const b of a.brokers) b.start();
    for (const [name, c] of a.consumers) if (a.active.has(name)) c.start();
    a.connector?.start();
  });
  for (const op of ops) world.at(op.at, () => a.clients[op.client - 1]?.submit(op));
  scheduleFaults(s, a);

  let quiescedAt: number | null = null;
  const probe = (): void => {
    if (settled(a)) {
      quiescedAt = world.now;
      world.emit("quiesce", "network");
      world.stop();
      return;
    }
    world.at(world.now + QUIESCENCE_PROBE_MS, probe);
  };
  world.at(horizon(s, ops) + 1, probe);
  world.run(options.shouldStop);

  const final: Trace["final"] = { stores: {}, log: [], offline: [] };
  for (const [name, state] of a.stores) final.stores[name] = state.snapshot();
  if (a.controller !== null) {
    for (let p = 0; p < a.controller.meta.length; p++) {
      const holder = a.controller.leaderOf(p) ?? a.controller.awaitedReplica(p);
      const broker = a.brokers.find((b) => b.id === holder);
      final.log.push(broker?.logs[p].map((r) => r.write) ?? []);
      final.offline.push(a.controller.leaderOf(p) === null);
    }
  }
  return new SimulatedTrace(
    {
      scenario: s,
      nodes: a.nodes,
      writes: ops,
      quiescedAt,
      capped: world.capped,
      endTime: world.now,
      traceHash: world.hash(),
      final,
    },
    world.trace,
  );
}

function scheduleFaults(s: Scenario, a: Assembly): void {
  const w = a.world;
  const crash = (node: string) => {
    w.crash(node);
    if (a.brokers.some((b) => b.id === node)) a.controller?.onBrokerCrash(node);
  };
  const restart = (node: string) => {
    w.restart(node);
    if (a.brokers.some((b) => b.id === node)) a.controller?.onBrokerRestart(node);
    const consumer = a.consumers.get(node as StoreName);
    consumer?.onStoreRestart();
  };
  const addStore = (store: StoreName) => {
    if (a.active.has(store)) return;
    a.active.add(store);
    w.emit("add-store", store);
    if (strategyOf(s.strategy).transaction) backfill(a, store);
    a.consumers.get(store)?.start();
  };
  const effects = {
    at: (t: number, fn: () => void) => w.at(t, fn),
    partition: (x: string[], y: string[], oneWay: boolean) => w.partition(x, y, oneWay),
    heal: (p?: ReturnType<World["partition"]>) => w.heal(p),
    crash,
    restart,
    addStore,
  };
  for (const e of s.schedule) scheduleEntry(e, effects);
}

/** single-db: a new index or view is built from the table's rows, in the same database (CREATE INDEX). */
function backfill(a: Assembly, store: StoreName): void {
  const db = a.stores.get("db");
  const view = a.stores.get(store);
  if (db === undefined || view === undefined || view === db) return;
  for (const [key, cell] of [...db.cells].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    view.apply({ write: cell.version, key, op: "set", value: cell.value });
  }
}

/**
 * The run's result. `events` is made from the columns the first time
 * something reads it, then kept. It is a getter on the class, so spreading or
 * JSON-serialising a trace leaves it out (nothing does). With the getter in an
 * object literal instead, each small run's trace outlived the next minor
 * collections (seen with --trace-gc) and small runs went 2.5 times slower.
 */
export class SimulatedTrace implements Trace {
  readonly scenario: Scenario;
  readonly nodes: NodeInfo[];
  readonly writes: WriteOp[];
  readonly columns: TraceColumns;
  readonly quiescedAt: number | null;
  readonly capped: Trace["capped"];
  readonly endTime: number;
  readonly traceHash: string;
  readonly final: Trace["final"];
  #events: TraceEvent[] | undefined = undefined;

  constructor(rest: Omit<Trace, "events" | "columns">, columns: TraceColumns) {
    this.scenario = rest.scenario;
    this.nodes = rest.nodes;
    this.writes = rest.writes;
    this.columns = columns;
    this.quiescedAt = rest.quiescedAt;
    this.capped = rest.capped;
    this.endTime = rest.endTime;
    this.traceHash = rest.traceHash;
    this.final = rest.final;
  }

  get events(): TraceEvent[] {
    this.#events ??= this.columns.toEvents();
    return this.#events;
  }
}
