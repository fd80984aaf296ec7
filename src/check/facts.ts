import type { StrategyDescriptor } from "../sim/strategy";
import type { EventReader, Strategy, Trace, WriteOp } from "../sim/types";
import type { DivergenceTracker } from "./divergence";
import type { IdTable } from "./id-table";
import type { IsolationTracker } from "./isolation";
import type { MetricsAccumulator } from "./metrics";

/** An increment one store applied more than once (on the same state: a cache crash starts afresh). */
export interface DuplicateFinding {
  store: string;
  write: number;
  /** Event indices of every apply of the write in that store since its state was last lost. */
  applies: number[];
}

export interface StaleReadFinding {
  readIdx: number;
  readOp: number;
  /** The reader's own latest acknowledged write to the key, which the read should have seen. */
  expected: number;
  /** `missing`: the store had not applied it. `older`: a write finished before it began overwrote it. */
  reason: "missing" | "older";
}

/**
 * Everything the checkers need, gathered in one pass over the trace. Event
 * references are indices into `trace.events` (turned into `seq` on output).
 */
export interface Facts {
  trace: Trace;
  /** The trace's events, read one at a time (see `eventsOf`); indices below point into it. */
  events: EventReader;
  strategy: Strategy;
  /** What the strategy is (who writes where, its order's source); read this, not the strategy's name. */
  way: StrategyDescriptor;
  /** `db`, or `log` when the log is the reference and the system of record. */
  ref: string;
  /** Quiescence, or the end of a capped run (whose findings then stay suspected). */
  end: number;
  quiesced: boolean;
  ops: Map<number, WriteOp>;
  stores: string[];
  invokeIdx: IdTable;
  ackIdx: IdTable;
  firstApply: Map<string, IdTable>;
  lastApply: Map<string, IdTable>;
  rejected: Map<string, Set<number>>;
  firstAppend: IdTable;
  /** Per write: fails, timeouts, broker refusals and drops of messages carrying it. */
  trouble: Map<number, number[]>;
  crashes: Map<string, number[]>;
  /** A source position (a cdc LSN, or `partition:offset` under log) → its place in its key's source history. */
  sourcePos: Map<string, number>;
  /** Per store, the event index at which it joined (-1: from the start). */
  joinedIdx: Map<string, number>;
  /** Per store and key: index of the apply that set the current value (absent = no value). */
  current: Map<string, Map<string, number>>;
  isolation: IsolationTracker;
  divergence: DivergenceTracker | null;
  duplicates: DuplicateFinding[];
  staleReads: StaleReadFinding[];
  metrics: MetricsAccumulator;
}
