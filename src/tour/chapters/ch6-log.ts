import { anomalies, holds } from "../predict";
import { fromPreset } from "../scenarios";
import type { Chapter } from "../types";

const crash = fromPreset("crash-between-writes");
const incr = fromPreset("consumer-crash-incr");
/** Six increments of x instead of the preset's ten: the same crashes, fewer arrows. */
const SIX_INCREMENTS = {
  kind: "script" as const,
  ops: Array.from({ length: 6 }, (_, i) => ({
    at: 10 + i * 20,
    client: 1,
    op: "incr" as const,
    key: "x",
    value: 1,
  })),
};

/** 6.1's second crash: search's consumer, down while client 1's append waits in the log. */
const OFFSETS_CRASH = { at: 25, kind: "crash" as const, node: "consumer-search", restartAt: 150 };
/** 6.4's fault: the cache is down while y = D and z = E land, and back before the replay. */
const REPLAY_CRASH = { at: 70, kind: "crash" as const, node: "cache", restartAt: 120 };

export const chapter6: Chapter = {
  number: 6,
  title: "The log",
  steps: [
    {
      id: "log/offsets",
      title: "Offsets: chapter 5's crash, on the log (atomicity)",
      caption: `Client 1 appends x = A once, then crashes, as in chapter 5. Search's consumer is down until ${OFFSETS_CRASH.restartAt} ms, then resumes from its own offset: every store gets x = A.`,
      scenario: fromPreset("crash-between-writes", {
        strategy: "log",
        log: { ...crash.log, commit: "atomic" },
        schedule: [...crash.schedule, OFFSETS_CRASH],
      }),
      play: { to: 200 },
      spotlight: { lanes: ["client-1", "consumer-search", "search"] },
      expects: { atomicity: "none", duplicate: "none", consistency: "none" },
      evidence: { keys: ["x"], log: true },
      predict: {
        question:
          "The client dies right after its append, as in chapter 5. What will search hold for x?",
        choices: [holds("A", "search", "x", "A"), holds("Nothing", "search", "x", undefined)],
      },
    },
    {
      id: "log/offsets-caveat",
      title: "Where the offset lives matters",
      caption:
        "Six increments, and the cache's consumer crashes twice. It commits its offset only after applying, so the restart replays records it had already applied: increments count twice.",
      scenario: fromPreset("consumer-crash-incr", {
        workload: SIX_INCREMENTS,
        log: { ...incr.log },
      }),
      play: "next-anomaly",
      spotlight: { anomaly: "duplicate" },
      expects: { duplicate: "some", atomicity: "none" },
      evidence: { keys: ["x"], log: true },
    },
    {
      id: "log/order",
      title: "Order: one sequence for everyone (isolation)",
      caption:
        "The racing clients again, now appending to the log. Every store applies the log in offset order, so the database and the index both end with x = B.",
      scenario: fromPreset("kleppmann-race", { strategy: "log" }),
      play: { to: 80 },
      spotlight: { store: "search", key: "x" },
      expects: { isolation: "none", consistency: "none" },
      evidence: { keys: ["x"], log: true },
      predict: {
        question: "Same race, same slow link, now through the log. What will search hold for x?",
        choices: [holds("A", "search", "x", "A"), holds("B", "search", "x", "B")],
      },
    },
    {
      id: "log/replay",
      title: "History: rebuild a store by replay (consistency)",
      caption:
        "The cache crashes, losing its data and its offset, and misses y = D and z = E. Its consumer replays the log from offset 0: a read then gets x = C.",
      scenario: fromPreset("log-replay", {
        stores: ["db", "cache", "search"],
        log: { ...fromPreset("log-replay").log, commit: "atomic" },
        // Short and in step: the replay lands mid-plot, with the read that proves it after it.
        workload: {
          kind: "script",
          ops: [
            { at: 10, client: 1, op: "set", key: "x", value: "A" },
            { at: 18, client: 2, op: "set", key: "y", value: "B" },
            { at: 26, client: 1, op: "set", key: "x", value: "C" },
            { at: 78, client: 2, op: "set", key: "y", value: "D" },
            { at: 92, client: 1, op: "set", key: "z", value: "E" },
            { at: 180, client: 2, op: "read", key: "x" },
          ],
        },
        schedule: [REPLAY_CRASH],
      }),
      play: { to: 200 },
      spotlight: { lanes: ["cache", "consumer-cache"] },
      expects: { consistency: "none", atomicity: "none" },
      evidence: { keys: ["x", "y", "z"], log: true },
      predict: {
        question: `The cache restarts empty at ${REPLAY_CRASH.restartAt} ms. What will it hold for x once its consumer is done?`,
        choices: [
          holds("Nothing: x is lost", "cache", "x", undefined),
          holds("A: the first value", "cache", "x", "A"),
          holds("C: what the database holds", "cache", "x", "C"),
        ],
      },
    },
    {
      id: "log/acks-1",
      title: "Replication with acks=1 (durability)",
      caption:
        "With acks=1 the leader confirms x = A before any follower has it, then crashes. A follower takes over without A: an acknowledged write is gone.",
      scenario: fromPreset("acks1-leader-failover"),
      play: { to: 430 },
      spotlight: { anomaly: "durability" },
      expects: { durability: 1 },
      evidence: { keys: ["x"], log: true },
      predict: {
        question: "The leader confirmed x = A, then crashed. Does the log still have it?",
        choices: [
          anomalies("Yes: a follower has it", "durability", 0),
          anomalies("No: an acknowledged write is lost", "durability", "some"),
        ],
      },
    },
    {
      id: "log/acks-all",
      title: "Replication with acks=all (durability)",
      caption:
        "Same crash with acks=all: the leader confirms nothing until the in-sync replicas have it. The client retries against the new leader, and x = A survives.",
      scenario: fromPreset("acks-all-leader-failover"),
      play: { to: 430 },
      spotlight: { lanes: ["broker-1", "broker-2", "broker-3"] },
      expects: { durability: "none", atomicity: "none" },
      evidence: { keys: ["x"], log: true },
    },
  ],
};
