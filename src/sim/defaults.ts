import type { LinkOptions, LogOptions, Scenario } from "./types";

export const DEFAULT_LINK: LinkOptions = {
  delayMsMin: 5,
  delayMsMax: 20,
  dropRate: 0,
  duplicateRate: 0,
  reorderRate: 0,
  reorderSpikeMs: 60,
};

/** Kafka's defaults where they matter here (acks=all, unclean off), with RF=3 and min.insync=2. */
export const DEFAULT_LOG: LogOptions = {
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
};

/** The scenario a person sees first: two clients, three stores, a slightly lossy network. */
export function defaultScenario(): Scenario {
  return {
    v: 1,
    name: "default",
    seed: 1,
    strategy: "dual-write",
    stores: ["db", "cache", "search"],
    clients: 2,
    versionedWrites: false,
    dualWrite: { order: "sequential", retries: 1, timeoutMs: 150 },
    log: { ...DEFAULT_LOG },
    network: { default: { ...DEFAULT_LINK, dropRate: 0.02, reorderRate: 0.05 }, links: {} },
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
  };
}
