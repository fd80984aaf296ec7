import { lettersBroken } from "../predict";
import { fromPreset, STEADY_LINK, scripted } from "../scenarios";
import type { Chapter } from "../types";

/**
 * The faults of chapter 5 in one run of five writes: the race on x (client 1's
 * link to search is slow), a partition on search that outlasts the retries, and
 * a partition between client 2 and the database while the app answers
 * write-behind (saved once the first store has it). Single-db, log and CDC run
 * the same writes and faults; only dual writes break a promise, and all four letters.
 */
const gauntlet = scripted(
  [
    [10, 1, "x", "A"],
    [12, 2, "x", "B"],
    [80, 1, "y", "C"],
    [150, 2, "z", "D"],
    [400, 1, "y", "E"],
  ],
  {
    network: {
      default: { ...STEADY_LINK },
      links: { "client-1->search": { delayMsMin: 40, delayMsMax: 40 } },
    },
    dualWrite: { order: "parallel", retries: 1, timeoutMs: 100, ackAfter: "first" },
    schedule: [
      { at: 60, kind: "partition", a: ["client-1", "client-2"], b: ["search"], until: 500 },
      { at: 140, kind: "partition", a: ["client-2"], b: ["db"], until: 500 },
    ],
  },
);

export const chapter7: Chapter = {
  number: 7,
  title: "Turning the database inside out",
  steps: [
    {
      id: "inside-out/cdc",
      title: "Change data capture",
      caption:
        "Clients write only the database; a connector turns its commits into the log, and cache and search follow in commit order. Even a connector crash only re-sends, in order.",
      scenario: fromPreset("cdc-outbox"),
      play: { to: 380 },
      // The connector and the stores that follow it: on stage the consumers' lanes give their room to these.
      spotlight: { lanes: ["cdc", "cache", "search"] },
      expects: {
        atomicity: "none",
        isolation: "none",
        consistency: "none",
        durability: "none",
      },
      evidence: { keys: ["x", "y"], log: true },
    },
    {
      id: "inside-out/scoreboard",
      title: "The scoreboard",
      caption:
        "One run, four ways to keep the stores in sync: a race, a partition on search, one on the database, and a fast write-behind answer. Only dual writes break promises, every letter of them.",
      scenario: gauntlet,
      play: { to: 560 },
      spotlight: { anomaly: "durability" },
      expects: { atomicity: "some", isolation: "some", consistency: "some", durability: "some" },
      scoreboard: true,
      // The table is this step's evidence: it takes the strip's place, so the timeline keeps its height.
      evidence: { keys: [] },
      predict: {
        question: "Dual writes, this whole run. Which ACID letters will they break?",
        choices: [
          lettersBroken("A and C", ["A", "C"]),
          lettersBroken("A, C and I", ["A", "C", "I"]),
          lettersBroken("All four: A, C, I and D", ["A", "C", "I", "D"]),
        ],
      },
    },
  ],
};
