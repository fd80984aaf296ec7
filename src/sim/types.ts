/**
 * The contract between the simulation core, the checkers, the URL layer and
 * the UI. A scenario is plain JSON (it is what a shared link carries); a trace
 * is what `simulate(scenario)` returns. Units go last in names.
 */

export const STRATEGIES = ["single-db", "dual-write", "log", "cdc"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STORE_NAMES = ["db", "cache", "search"] as const;
/** `db` is the system of record; `cache` forgets everything on crash; `search` is an index. */
export type StoreName = (typeof STORE_NAMES)[number];

/** The fault model of one directed link. Every field is a per-message probability or a bound. */
export interface LinkOptions {
  /** Smallest one-way delay of a message, simulated ms. */
  delayMsMin: number;
  /** Largest one-way delay of a message (uniform between min and max), simulated ms. */
  delayMsMax: number;
  /** Probability that a message is lost. */
  dropRate: number;
  /** Probability that a message is delivered twice (the copy takes its own delay). */
  duplicateRate: number;
  /** Probability that a message takes an extra delay spike of `reorderSpikeMs`, so later ones overtake it. */
  reorderRate: number;
  /** Size of the reorder spike, simulated ms. */
  reorderSpikeMs: number;
}

export interface NetworkOptions {
  default: LinkOptions;
  /** Per-link overrides keyed `"from->to"`, e.g. `"client-1->search"`. */
  links: Record<string, Partial<LinkOptions>>;
}

export interface DualWriteOptions {
  /** `sequential`: db first, then each derived store after the previous acked. `parallel`: all at once. */
  order: "sequential" | "parallel";
  /** How many times a write to one store is resent after a timeout. */
  retries: number;
  timeoutMs: number;
  /**
   * When the application tells its caller the write is done: after every store
   * accepted it (`all`), or after the first one did while the rest go on in the
   * background (`first`, write-behind) — which can acknowledge a write the db never gets.
   * Absent means `all`: the field came after v1's links, which keep their meaning.
   */
  ackAfter?: "all" | "first";
}

export type Acks = 0 | 1 | "all";
export type CommitPolicy = "before-apply" | "after-apply" | "atomic";

export interface LogOptions {
  brokers: number;
  partitions: number;
  acks: Acks;
  minInsyncReplicas: number;
  uncleanLeaderElection: boolean;
  /** When a consumer stores its offset relative to applying a record. */
  commit: CommitPolicy;
  /** A follower that has not caught up for this long leaves the ISR (replica.lag.time.max.ms). */
  replicaLagMs: number;
  /** How often followers and consumers fetch from the leader. */
  fetchIntervalMs: number;
  /** How long the controller takes to notice a dead leader and elect another. */
  electionDelayMs: number;
  /** Producer request timeout before a retry. */
  requestTimeoutMs: number;
  /** Producer retries on timeout or retriable error. */
  retries: number;
}

export type OpKind = "set" | "incr" | "read";

export interface ScriptOp {
  at: number;
  /** 1-based client number. */
  client: number;
  op: OpKind;
  key: string;
  /** For `set` the new value, for `incr` the amount; ignored for `read`. */
  value?: string | number;
}

export type Workload =
  | {
      kind: "generated";
      writes: number;
      keys: number;
      ratePerSec: number;
      op: "set" | "incr";
      /** Fraction of operations that are reads, 0..1. */
      readRate: number;
      startMs: number;
    }
  | { kind: "script"; ops: ScriptOp[] };

export type ScheduleEntry =
  | {
      at: number;
      kind: "partition";
      a: string[];
      b: string[];
      /** When the partition heals; absent = at the next `heal`, or never. */
      until?: number;
      /** Only messages from `a` to `b` are cut. */
      oneWay?: boolean;
    }
  | { at: number; kind: "heal" }
  | { at: number; kind: "crash"; node: string; restartAt?: number }
  | { at: number; kind: "restart"; node: string }
  /** A derived store joins the system late (it was not in `stores` at the start). */
  | { at: number; kind: "add-store"; store: StoreName };

/** `budget`: the caller's own limit (e.g. wall-clock time in the UI) stopped the run. */
export type CapKind = "maxEvents" | "maxTimeMs" | "budget";

export interface Caps {
  maxEvents: number;
  maxTimeMs: number;
}

export interface Scenario {
  v: 1;
  name?: string;
  description?: string;
  seed: number;
  strategy: Strategy;
  stores: StoreName[];
  clients: number;
  /** Reject writes older than the version a store already holds (last-writer-wins by version, not arrival). */
  versionedWrites: boolean;
  /**
   * Deduplicate retries and replays, everywhere at once: stores record each
   * request's idempotency key (the op id) and apply it once; the log's producer
   * is idempotent (enable.idempotence: the leader drops a repeated producer
   * sequence number); consumers skip records whose source position (log offset,
   * or the db's commit-log position under cdc) their store has already applied.
   * Absent means off: the field came after v1's links, which keep their meaning.
   */
  dedupe?: boolean;
  dualWrite: DualWriteOptions;
  log: LogOptions;
  network: NetworkOptions;
  workload: Workload;
  schedule: ScheduleEntry[];
  caps: Caps;
}

/** One client operation of the workload. Identical across strategies for the same seed. */
export interface WriteOp {
  /** 1-based id, in order of `at`. */
  id: number;
  at: number;
  client: number;
  op: OpKind;
  key: string;
  value: string | number;
}

export const EVENT_TYPES = [
  "invoke", // client starts an operation (write = op id)
  "send",
  "deliver",
  "drop",
  "duplicate",
  "apply", // a store applies a write (value = resulting value)
  "reject", // a store refuses a write (versioned writes, or not enough replicas)
  "ack", // the client's operation completed successfully
  "fail", // the client gave up on an operation (or one store of it)
  "timeout",
  "retry",
  "read", // a store answered a read; value = what was read, ref = write id that produced it
  "crash",
  "restart",
  "partition",
  "heal",
  "append", // a broker appends a record (offset, partition, write)
  "replicate", // a follower copies a record
  "hw-advance", // offset = new high watermark
  "isr-change", // detail = the new in-sync replica set
  "elect", // node = new leader; detail = epoch
  "truncate", // node cut its log to `offset` records
  "poll", // a consumer fetched records
  "commit-offset", // a consumer stored its position (offset = next to read)
  "add-store",
  "quiesce",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface TraceEvent {
  /** Simulated ms. */
  t: number;
  /** Global order; unique and increasing. */
  seq: number;
  type: EventType;
  node: string;
  peer?: string;
  /** Network message id (send, deliver, drop, duplicate). */
  msg?: number;
  /** The workload operation this event serves. */
  write?: number;
  key?: string;
  value?: string | number;
  offset?: number;
  partition?: number;
  /** Related id: the original message of a duplicate, the write a read observed. */
  ref?: number;
  /** Short machine-readable detail (message kind, drop reason, epoch, ISR list). */
  detail?: string;
}

export interface NodeInfo {
  id: string;
  kind: "client" | "store" | "broker" | "consumer" | "connector";
  /** Lane group for the timeline. */
  group: "clients" | "stores" | "log" | "consumers";
}

/**
 * The one way to read a trace's events (`eventsOf(trace)` in
 * `event-reader.ts`): field by field, event `i` at a time, without making
 * every `TraceEvent` object. A simulated trace keeps its events in columns
 * (`TraceColumns`) and answers from them; a hand-built trace's array answers
 * the same questions. Events are in time order, so a time window is two
 * binary searches over `t` (`event-reader.ts`). Make an object with `get`
 * only for an event a view shows.
 */
export interface EventReader {
  readonly length: number;
  /** Event `i` (a fresh object on each call for columns): for the few events a view shows. */
  get(i: number): TraceEvent;
  /** The fields of event `i`, without making the event. */
  type(i: number): EventType;
  t(i: number): number;
  seq(i: number): number;
  node(i: number): string;
  peer(i: number): string | undefined;
  msg(i: number): number | undefined;
  write(i: number): number | undefined;
  key(i: number): string | undefined;
  value(i: number): string | number | undefined;
  offset(i: number): number | undefined;
  partition(i: number): number | undefined;
  ref(i: number): number | undefined;
  detail(i: number): string | undefined;
}

/**
 * What a trace's `columns` must answer at least. A simulated trace's
 * (`TraceColumns`) answers every field; for a cut-down one a test builds,
 * `eventsOf` reads the other fields through `get`.
 */
export type EventSource = Pick<EventReader, "length" | "get" | "type">;

export interface Trace {
  scenario: Scenario;
  nodes: NodeInfo[];
  writes: WriteOp[];
  /**
   * Every event, in order, as objects. Hand-built traces (tests) give it; on a
   * simulated trace it is made from `columns` the first time it is read, which
   * the page never does: read a trace through `eventsOf(trace)` instead.
   */
  events: TraceEvent[];
  /** The same events in columns, read one at a time through `eventsOf` (absent on hand-built traces). */
  columns?: EventSource;
  /** Simulated time at which nothing was in flight and every consumer had caught up; null if a cap hit first. */
  quiescedAt: number | null;
  /** Which cap stopped the run, if any. */
  capped: null | { cap: CapKind; at: number };
  endTime: number;
  /** Stable hash of the event list (hex). */
  traceHash: string;
  /** Final state, for convenience; checkers must agree with a replay of `apply` events. */
  final: {
    stores: Record<string, Record<string, string | number>>;
    /**
     * Per partition, the write ids in the log that holds the partition's data, in
     * offset order: the current leader's, or for an offline partition the log of
     * the in-sync replica it waits for (empty for strategies without a log).
     */
    log: number[][];
    /** Per partition, true when it has no leader at the end (offline: unavailable, not lost). */
    offline: boolean[];
  };
}
