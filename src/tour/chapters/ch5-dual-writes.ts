import { holds, nowhere } from "../predict";
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
      evidence: { keys: ["x"] },
      predict: {
        question: "The database ends with x = B. What will search hold for x?",
        choices: [holds("A", "search", "x", "A"), holds("B", "search", "x", "B")],
      },
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
      evidence: { keys: ["x", "y"] },
      predict: {
        question: "The client restarts and goes on writing. What will search hold for x?",
        choices: [
          holds("A: the restart finishes the job", "search", "x", "A"),
          holds("Nothing, for good", "search", "x", undefined),
        ],
      },
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
      evidence: { keys: ["x", "y"] },
      predict: {
        question: "The partition heals at 500 ms. What does search say x is?",
        choices: [
          holds("A", "search", "x", "A"),
          holds("B", "search", "x", "B"),
          holds("Nothing", "search", "x", undefined),
        ],
      },
    },
    {
      /*
       * Why this is faithful: a write-behind cache (answer once the cache has the
       * write, flush to the database in the background) is a common dual write for
       * speed. Its flush is an ordinary retried request; when the database stays
       * unreachable past the retries the flush gives up, and a cache is memory: a
       * restart (deploy, eviction, crash) drops what it held. The checker files it
       * as durability: acknowledged to the client, never in the system of record.
       */
      id: "dual-writes/lost-write",
      title: "An acknowledged write lost (durability)",
      caption:
        "Write-behind: the app says saved once the cache has x = B and flushes to the database later. The database stays unreachable past every retry, then the cache restarts: an acknowledged write is gone.",
      scenario: scripted(
        [
          [10, 1, "x", "A"],
          [100, 1, "x", "B"],
        ],
        {
          clients: 1,
          stores: ["db", "cache"],
          dualWrite: { order: "parallel", retries: 2, timeoutMs: 100, ackAfter: "first" },
          schedule: [
            { at: 50, kind: "partition", a: ["client-1"], b: ["db"], until: 600 },
            { at: 450, kind: "crash", node: "cache", restartAt: 500 },
          ],
        },
      ),
      play: { to: 520 },
      spotlight: { anomaly: "durability" },
      expects: { durability: 1 },
      evidence: { keys: ["x"] },
      predict: {
        question: "The client was told x = B is saved. Where is x = B at 520 ms?",
        choices: [
          holds("In the database", "db", "x", "B"),
          holds("In the cache", "cache", "x", "B"),
          nowhere("Nowhere", "x", "B"),
        ],
      },
    },
  ],
};
