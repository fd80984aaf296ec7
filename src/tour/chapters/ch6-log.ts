import { fromPreset } from "../scenarios";
import type { Chapter } from "../types";

const incr = fromPreset("consumer-crash-incr");

export const chapter6: Chapter = {
  number: 6,
  title: "The log",
  steps: [
    {
      id: "log/offsets",
      title: "Offsets: resume where you left off (atomicity)",
      caption:
        "The cache's consumer crashes twice while ten increments flow through the log. It stores its offset with its data, so it resumes at the next record: no gap, no double count.",
      scenario: fromPreset("consumer-crash-incr", { log: { ...incr.log, commit: "atomic" } }),
      play: { to: 440 },
      spotlight: { lanes: ["consumer-cache", "cache"] },
      expects: { atomicity: "none", duplicate: "none", consistency: "none" },
    },
    {
      id: "log/offsets-caveat",
      title: "Where the offset lives matters",
      caption:
        "Same crashes, but the consumer commits its offset only after applying. The restart replays records it had already applied, and increments count twice: at-least-once.",
      scenario: fromPreset("consumer-crash-incr"),
      play: "next-anomaly",
      spotlight: { anomaly: "duplicate" },
      expects: { duplicate: "some", atomicity: "none" },
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
    },
    {
      id: "log/replay",
      title: "History: rebuild by replay (consistency)",
      caption:
        "A search index joins at 500 ms, after six writes. It reads the log from offset 0 and catches up to exactly what db and cache hold.",
      scenario: fromPreset("log-replay"),
      play: { to: 760 },
      spotlight: { lanes: ["consumer-search", "search"] },
      expects: { consistency: "none", atomicity: "none" },
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
    },
  ],
};
