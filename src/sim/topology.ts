import { strategyOf } from "./strategy";
import type { NodeInfo, Scenario, StoreName, Strategy } from "./types";

/**
 * A scenario's topology, derived in one place: node ids, their kinds and lane
 * groups, and which stores join late. The engine assembles its nodes from
 * `runNodes`, so every other reader (the restore door, the checkers, the
 * tests' trace builder, the page) names nodes the way a run does.
 */

export type NodeKind = NodeInfo["kind"];
export type LaneGroup = NodeInfo["group"];

/** The timeline's lane group of each node kind. The CDC connector sits with the consumers: it reads a store's change stream and feeds the log, as a consumer feeds a store. */
export const LANE_GROUP: Readonly<Record<NodeKind, LaneGroup>> = {
  client: "clients",
  store: "stores",
  broker: "log",
  consumer: "consumers",
  connector: "consumers",
};

/** The CDC connector's node id. */
export const CONNECTOR_ID = "cdc";

/** Client `n` (1-based; `"?"` where the client is unknown). */
export function clientId(n: number | string): string {
  return `client-${n}`;
}

/** Broker `n` (1-based). */
export function brokerId(n: number): string {
  return `broker-${n}`;
}

/** The consumer that feeds `store` from the log. */
export function consumerId(store: string): string {
  return `consumer-${store}`;
}

/** Strategies whose writes go through the replicated log (brokers, consumers; cdc adds the connector). */
export function usesLog(strategy: Strategy): boolean {
  return strategyOf(strategy).usesLog;
}

/**
 * The stores named by `add-store` entries, in schedule order, once each. A
 * store also in `stores` is there from the start for the engine (its
 * `add-store` does nothing); the restore door rejects such a scenario.
 */
export function addedStores(s: Pick<Scenario, "schedule">): StoreName[] {
  const out = new Set<StoreName>();
  for (const e of s.schedule) if (e.kind === "add-store") out.add(e.store);
  return [...out];
}

/** Every store present at some point of the run: the initial ones, then those added late. */
export function storesOf(s: Pick<Scenario, "stores" | "schedule">): StoreName[] {
  return [...new Set<StoreName>([...s.stores, ...addedStores(s)])];
}

/** The stores a consumer feeds from the log (the strategy's `fedFromLog`): all of them under `log`, all but the system of record under `cdc`, none otherwise. */
export function consumedStores(strategy: Strategy, stores: readonly StoreName[]): StoreName[] {
  const way = strategyOf(strategy);
  if (!way.usesLog) return [];
  return stores.filter(way.fedFromLog);
}

function node(id: string, kind: NodeKind): NodeInfo {
  return { id, kind, group: LANE_GROUP[kind] };
}

export type RunTopology = Pick<Scenario, "strategy" | "clients" | "stores" | "log" | "schedule">;

/**
 * The nodes of a run of `s`, in the engine's order: clients, stores (initial,
 * then late), brokers, consumers, the connector. This is the trace's `nodes`.
 */
export function runNodes(s: RunTopology): NodeInfo[] {
  const nodes: NodeInfo[] = [];
  for (let i = 1; i <= s.clients; i++) nodes.push(node(clientId(i), "client"));
  const stores = storesOf(s);
  for (const store of stores) nodes.push(node(store, "store"));
  if (!usesLog(s.strategy)) return nodes;
  for (let i = 1; i <= s.log.brokers; i++) nodes.push(node(brokerId(i), "broker"));
  for (const store of consumedStores(s.strategy, stores))
    nodes.push(node(consumerId(store), "consumer"));
  if (strategyOf(s.strategy).capturesDb && stores.includes("db"))
    nodes.push(node(CONNECTOR_ID, "connector"));
  return nodes;
}

export type NameableTopology = Pick<Scenario, "clients" | "stores" | "log" | "schedule">;

/**
 * The node names a scenario may refer to (schedule entries, per-link network
 * overrides), whatever its strategy: the compare view runs one scenario under
 * several strategies, so a fault on `broker-2` must stay valid when the
 * strategy shown is `dual-write`. In a fixed order (clients, stores, brokers,
 * consumers, cdc) so that menus built from it are stable. `network` is a
 * pseudo-node of the trace and cannot be crashed or partitioned, so it is not listed.
 */
export function nameableNodes(s: NameableTopology): string[] {
  const names: string[] = [];
  for (let i = 1; i <= s.clients; i++) names.push(clientId(i));
  const stores = storesOf(s);
  names.push(...stores);
  for (let i = 1; i <= s.log.brokers; i++) names.push(brokerId(i));
  for (const store of stores) names.push(consumerId(store));
  names.push(CONNECTOR_ID);
  return names;
}
