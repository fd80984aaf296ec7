import { isSystemOfRecord } from "./store-traits";
import type { StoreName, Strategy } from "./types";

/**
 * What a strategy is, as traits the engine's assembly, the checkers and the
 * views read instead of comparing strategy names. A new strategy is one row of
 * `STRATEGY`; the table's type makes a missing row a compile error, and the
 * engine's `switch` on `clientWrites` makes a new way of writing one too.
 */
export interface StrategyDescriptor {
  /** A short name for people: menus, legends, the scoreboard. */
  readonly label: string;
  /**
   * Where a client sends a write: to every store itself (`every-store`), to
   * the system of record only (`db`; the other stores follow from it), or to
   * the log (`log`).
   */
  readonly clientWrites: "every-store" | "db" | "log";
  /**
   * The system of record changes its views in the same transaction as the
   * write: one database holds everything, the other stores are its views.
   * Clients then read the database, and a store added late is backfilled.
   */
  readonly transaction: boolean;
  /** Brokers, a controller and consumers exist (the replicated log). */
  readonly usesLog: boolean;
  /** A connector tails the system of record's commit log into the log (change data capture). */
  readonly capturesDb: boolean;
  /**
   * The order every store must follow: the system of record's commit order
   * (`db`) or the log's offsets (`log`).
   */
  readonly orderSource: "db" | "log";
  /**
   * How a consumer's apply names its place in the source of truth: the log
   * offset of the record it applies, the db's commit-log position (LSN, in the
   * apply's `ref`), or nothing (no consumers).
   */
  readonly positionBy: "offset" | "lsn" | null;
  /** Whether `store` is fed by a consumer from the log (so a partition offline holds it back). */
  readonly fedFromLog: (store: StoreName | string) => boolean;
  /**
   * A store that joins late is owed every earlier write: its consumer replays
   * the whole log from offset 0, and the log is the whole history. Otherwise
   * only the writes invoked after it joined are owed to it.
   */
  readonly lateStoresOweHistory: boolean;
}

const never = () => false;

export const STRATEGY: Readonly<Record<Strategy, StrategyDescriptor>> = {
  "single-db": {
    label: "single-db (one transaction)",
    clientWrites: "db",
    transaction: true,
    usesLog: false,
    capturesDb: false,
    orderSource: "db",
    positionBy: null,
    fedFromLog: never,
    lateStoresOweHistory: false,
  },
  "dual-write": {
    label: "dual-write",
    clientWrites: "every-store",
    transaction: false,
    usesLog: false,
    capturesDb: false,
    orderSource: "db",
    positionBy: null,
    fedFromLog: never,
    lateStoresOweHistory: false,
  },
  log: {
    label: "log",
    clientWrites: "log",
    transaction: false,
    usesLog: true,
    capturesDb: false,
    orderSource: "log",
    positionBy: "offset",
    fedFromLog: () => true,
    lateStoresOweHistory: true,
  },
  cdc: {
    label: "cdc (outbox)",
    clientWrites: "db",
    transaction: false,
    usesLog: true,
    capturesDb: true,
    orderSource: "db",
    positionBy: "lsn",
    fedFromLog: (store) => !isSystemOfRecord(store),
    lateStoresOweHistory: false,
  },
};

/** The descriptor of `strategy`. */
export function strategyOf(strategy: Strategy): StrategyDescriptor {
  return STRATEGY[strategy];
}
