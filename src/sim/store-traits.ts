import type { StoreName } from "./types";

/**
 * What each store is, as traits the engine and the checkers read instead of
 * comparing store names. A store that behaves like another is one row here
 * (and its name in `STORE_NAMES`); the table's type makes a missing row a
 * compile error.
 */
export interface StoreTraits {
  /** Keeps its state across a crash; a store that is not durable forgets everything it held. */
  durable: boolean;
  /**
   * The system of record: the source of truth a dual write starts with and
   * CDC reads (it keeps a write-ahead log); under `cdc` it is written
   * directly, not fed through the log.
   */
  systemOfRecord: boolean;
  /**
   * Holds a subset of the keys (a cache): a key it does not hold is a miss,
   * not a disagreement with the source of truth, and a read that finds
   * nothing there is not stale.
   */
  mayMiss: boolean;
  /**
   * Clients read from it when it is in the system, and on a miss read the
   * system of record and fill it (cache-aside); otherwise they read the
   * system of record. Not under `single-db`, which has one database.
   */
  readTarget: boolean;
}

export const STORE_TRAITS: Readonly<Record<StoreName, StoreTraits>> = {
  db: { durable: true, systemOfRecord: true, mayMiss: false, readTarget: false },
  cache: { durable: false, systemOfRecord: false, mayMiss: true, readTarget: true },
  search: { durable: true, systemOfRecord: false, mayMiss: false, readTarget: false },
};

function traitsOf(node: string): StoreTraits | undefined {
  return Object.hasOwn(STORE_TRAITS, node) ? STORE_TRAITS[node as StoreName] : undefined;
}

/** Whether `node` is a store that forgets everything it held when it crashes. */
export function losesStateOnCrash(node: string): boolean {
  return traitsOf(node)?.durable === false;
}

/** Whether `node` is the system of record. */
export function isSystemOfRecord(node: string): boolean {
  return traitsOf(node)?.systemOfRecord === true;
}

/** Whether `node` is a store where a missing key is a miss, not a disagreement. */
export function mayMiss(node: string): boolean {
  return traitsOf(node)?.mayMiss === true;
}
