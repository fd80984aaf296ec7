import { defaultScenario } from "../../sim/defaults";
import { defaultWith, fromPreset, STEADY_LINK } from "../scenarios";
import type { Chapter } from "../types";

/** Every fault the network model has, at rates a talk can see happen many times in one run. */
const STORMY = { dropRate: 0.1, duplicateRate: 0.1, reorderRate: 0.2 };

export const chapter1: Chapter = {
  number: 1,
  title: "State in a monolith database",
  steps: [
    {
      id: "monolith/one-transaction",
      title: "One database, one transaction",
      caption:
        "The table, its search index and its cached view live inside one database. Every write changes all three in the same transaction, so they can never disagree.",
      scenario: defaultWith("single-db", STEADY_LINK),
      play: { to: 1000 },
      spotlight: { lanes: ["db", "cache", "search"] },
      evidence: { keys: ["x", "y", "z"] },
      expects: { atomicity: "none", isolation: "none", consistency: "none", durability: "none" },
    },
    {
      id: "monolith/bad-network",
      title: "Whatever the network does",
      caption:
        "The network drops, duplicates and reorders messages and cuts client-1 off for 300 ms; timed-out increments are retried. Each carries an idempotency key the database records in its transaction, so none counts twice and no write is half done.",
      scenario: defaultWith("single-db", STORMY, {
        schedule: [{ at: 200, kind: "partition", a: ["client-1"], b: ["db"], until: 500 }],
        dualWrite: { ...defaultScenario().dualWrite, retries: 3 },
        workload: {
          kind: "generated",
          writes: 8,
          keys: 3,
          ratePerSec: 20,
          op: "incr",
          readRate: 0,
          startMs: 10,
        },
        dedupe: true,
      }),
      play: { to: 1100 },
      spotlight: { lanes: ["client-1", "db"] },
      evidence: { keys: ["x", "y", "z"] },
      expects: {
        atomicity: "none",
        isolation: "none",
        consistency: "none",
        durability: "none",
        duplicate: "none",
      },
      shows: { drops: "some", duplicates: "some" },
    },
    {
      id: "monolith/crash",
      title: "Even when the client crashes",
      caption:
        "Client-1 dies in the middle of its request. The transaction either committed everywhere or nowhere: there is no half-updated index to clean up.",
      scenario: fromPreset("crash-between-writes", { strategy: "single-db" }),
      play: { to: 320 },
      spotlight: { lanes: ["client-1", "db"] },
      evidence: { keys: ["x", "y"] },
      expects: { atomicity: "none", consistency: "none" },
    },
  ],
};
