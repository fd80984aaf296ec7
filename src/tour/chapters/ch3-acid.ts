import { defaultWith, fromPreset, STEADY_LINK } from "../scenarios";
import type { Chapter } from "../types";

/**
 * Each ACID promise, kept by one database (single-db), with the scoreboard's
 * letter in the spotlight; the last step previews the same workload without a
 * transaction so the scoreboard is seen filling before chapter 5 explains why.
 */
export const chapter3: Chapter = {
  number: 3,
  title: "ACID properties",
  steps: [
    {
      id: "acid/atomicity",
      title: "A is for atomicity",
      caption:
        "Atomicity: a write happens completely or not at all. The client crashes mid-request and the database holds either every part of the write or none of it.",
      scenario: fromPreset("crash-between-writes", { strategy: "single-db" }),
      play: { to: 320 },
      spotlight: { anomaly: "atomicity" },
      evidence: { keys: ["x", "y"] },
      expects: { atomicity: "none" },
    },
    {
      id: "acid/isolation",
      title: "I is for isolation",
      caption:
        "Isolation: concurrent writes behave as if they ran one after another. Two clients set x at almost the same moment, and the table and its index see them in the same order.",
      scenario: fromPreset("kleppmann-race", { strategy: "single-db" }),
      play: { to: 80 },
      spotlight: { anomaly: "isolation" },
      evidence: { keys: ["x"] },
      expects: { isolation: "none" },
    },
    {
      id: "acid/consistency",
      title: "C is for consistency",
      caption:
        "Consistency, as the scoreboard counts it: every copy of the data ends up agreeing with the system of record. The index and view change with the table, so they cannot drift.",
      scenario: defaultWith("single-db", { reorderRate: 0.2, dropRate: 0.05 }),
      play: { to: 1000 },
      spotlight: { anomaly: "consistency" },
      evidence: { keys: ["x", "y", "z"] },
      expects: { consistency: "none" },
    },
    {
      id: "acid/durability",
      title: "D is for durability",
      caption:
        "Durability: once the database says yes, the write survives a crash. The database goes down for 200 ms; what it acknowledged before is still there when it returns.",
      scenario: defaultWith("single-db", STEADY_LINK, {
        schedule: [{ at: 300, kind: "crash", node: "db", restartAt: 500 }],
      }),
      play: { to: 1000 },
      spotlight: { anomaly: "durability" },
      evidence: { keys: ["x", "y", "z"] },
      expects: { durability: "none", atomicity: "none" },
    },
    {
      id: "acid/scoreboard",
      title: "The scoreboard",
      caption:
        "The scoreboard counts broken promises by letter as the run plays. A preview: the same writes over a lossy network, with no transaction around the three stores.",
      // Seed 6: with the talk's eight writes, this lossy run shows the race (I) the notes ask about.
      scenario: defaultWith("dual-write", { dropRate: 0.1 }, { seed: 6 }),
      play: "next-anomaly",
      spotlight: { anomaly: "isolation" },
      evidence: { keys: ["x", "y", "z"] },
      expects: { isolation: "some" },
    },
  ],
};
