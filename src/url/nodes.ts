import { type NameableTopology, nameableNodes, storesOf } from "../sim/topology";

/** The part of a scenario its node names depend on (not the strategy: see `nodeNames`). */
export type Topology = NameableTopology;

export { storesOf };

/** The node names a scenario may refer to, whatever its strategy (`nameableNodes` in `sim/topology.ts`). */
export function nodeNames(topology: Topology): string[] {
  return nameableNodes(topology);
}

/** Splits a per-link override key `"from->to"`; null when it is not of that form. */
export function parseLinkKey(key: string): { from: string; to: string } | null {
  const parts = key.split("->");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") return null;
  return { from: parts[0], to: parts[1] };
}
