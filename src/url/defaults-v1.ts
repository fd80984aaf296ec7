import type { Scenario, Workload } from "../sim/types";

export type GeneratedWorkload = Extract<Workload, { kind: "generated" }>;

/**
 * What schema v1 fills in for an omitted field. FROZEN: links strip every
 * field equal to these values, so changing one would silently change what
 * every existing v1 link means. `src/sim/defaults.ts` (the scenario a person
 * sees first) may evolve freely; if v1's fill-ins must change, add schema v2
 * and a migration that writes the v1 values out explicitly.
 *
 * `name` and `description` have no fill-in: a file without a name is unnamed.
 */
export const V1_DEFAULTS: Readonly<
  Omit<Scenario, "name" | "description" | "workload"> & { workload: GeneratedWorkload }
> = deepFreeze({
  v: 1,
  seed: 1,
  strategy: "dual-write",
  stores: ["db", "cache", "search"],
  clients: 2,
  versionedWrites: false,
  dualWrite: { order: "sequential", retries: 1, timeoutMs: 150 },
  log: {
    brokers: 3,
    partitions: 1,
    acks: "all",
    minInsyncReplicas: 2,
    uncleanLeaderElection: false,
    commit: "after-apply",
    replicaLagMs: 300,
    fetchIntervalMs: 10,
    electionDelayMs: 100,
    requestTimeoutMs: 200,
    retries: 3,
  },
  network: {
    default: {
      delayMsMin: 5,
      delayMsMax: 20,
      dropRate: 0.02,
      duplicateRate: 0,
      reorderRate: 0.05,
      reorderSpikeMs: 60,
    },
    links: {},
  },
  workload: {
    kind: "generated",
    writes: 20,
    keys: 3,
    ratePerSec: 20,
    op: "set",
    readRate: 0,
    startMs: 10,
  },
  schedule: [],
  caps: { maxEvents: 200_000, maxTimeMs: 60_000 },
});

/** A fresh, mutable deep copy of one part of the frozen defaults. */
export function copyDefault<T>(value: T): T {
  return structuredClone(value);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
