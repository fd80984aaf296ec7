import { fromPreset, scripted } from "../scenarios";
import type { Chapter } from "../types";

export const chapter5: Chapter = {
  number: 5,
  title: "Dual writes",
  steps: [
    {
      id: "dual-writes/race",
      title: "Racing clients (isolation)",
      caption:
        "Client 1 sets x = A, client 2 sets x = B, each writing the database and then the index. The database ends with B, the index with A, and nobody got an error.",
      scenario: fromPreset("kleppmann-race"),
      play: "next-anomaly",
      spotlight: { anomaly: "isolation" },
      expects: { isolation: 1, consistency: 1 },
    },
    {
      id: "dual-writes/crash",
      title: "A crash between writes (atomicity)",
      caption:
        "The client writes x = A to the database, then crashes before it reaches cache and search. Nothing will ever finish the job: the write is half done for good.",
      scenario: fromPreset("crash-between-writes"),
      play: { to: 340 },
      spotlight: { anomaly: "atomicity" },
      expects: { atomicity: 1 },
    },
    {
      id: "dual-writes/partition",
      title: "A partition leaves a store behind (consistency)",
      caption:
        "Search is cut off from the clients while x changes from A to B. The retries run out, the partition heals, and search still says x = A when the run settles.",
      scenario: scripted(
        [
          [10, 1, "x", "A"],
          [100, 2, "x", "B"],
          [120, 1, "y", "C"],
        ],
        {
          schedule: [
            { at: 50, kind: "partition", a: ["client-1", "client-2"], b: ["search"], until: 500 },
          ],
        },
      ),
      play: { to: 520 },
      spotlight: { store: "search", key: "x" },
      expects: { consistency: 2, atomicity: 2 },
    },
    {
      id: "dual-writes/lost-write",
      title: "A lost write (durability)",
      caption:
        "To answer fast, the client writes all three stores at once and says done as soon as one accepts. The database is cut off, so x = B is acknowledged yet the system of record never keeps it.",
      scenario: scripted(
        [
          [10, 1, "x", "A"],
          [100, 1, "x", "B"],
        ],
        {
          clients: 1,
          dualWrite: { order: "parallel", retries: 1, timeoutMs: 100, ackAfter: "first" },
          schedule: [{ at: 50, kind: "partition", a: ["client-1"], b: ["db"], until: 500 }],
        },
      ),
      play: { to: 520 },
      spotlight: { store: "db", key: "x" },
      // Write-behind: the client heard "done" from the cache, so the db's missing x = B is a lost acknowledged write (D).
      expects: { durability: 1 },
    },
  ],
};
