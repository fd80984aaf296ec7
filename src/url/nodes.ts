import type { Scenario, StoreName } from "../sim/types";

/**
 * The node names a scenario may refer to (schedule entries, per-link network
 * overrides). They depend on the topology, not on the strategy: the compare
 * view runs one scenario under several strategies, so a fault on `broker-2`
 * must stay valid when the strategy shown is `dual-write`.
 */
export type Topology = Pick<Scenario, "clients" | "stores" | "log" | "schedule">;

/** Every store present at some point of the run: the initial ones and those added late. */
export function storesOf(topology: Topology): StoreName[] {
  const stores = new Set<StoreName>(topology.stores);
  for (const entry of topology.schedule) {
    if (entry.kind === "add-store") stores.add(entry.store);
  }
  return [...stores];
}

/**
 * Names in a fixed order (clients, stores, brokers, consumers, cdc) so that
 * menus built from it are stable. `network` is a pseudo-node of the trace and
 * cannot be crashed or partitioned, so it is not listed.
 */
export function nodeNames(topology: Topology): string[] {
  const names: string[] = [];
  for (let i = 1; i <= topology.clients; i++) names.push(`client-${i}`);
  const stores = storesOf(topology);
  names.push(...stores);
  for (let i = 1; i <= topology.log.brokers; i++) names.push(`broker-${i}`);
  for (const store of stores) names.push(`consumer-${store}`);
  names.push("cdc");
  return names;
}

/** Splits a per-link override key `"from->to"`; null when it is not of that form. */
export function parseLinkKey(key: string): { from: string; to: string } | null {
  const parts = key.split("->");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") return null;
  return { from: parts[0], to: parts[1] };
}
