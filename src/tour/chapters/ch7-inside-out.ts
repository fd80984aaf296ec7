import { defaultWith, fromPreset, STEADY_LINK } from "../scenarios";
import type { Chapter } from "../types";

/** The faults of chapter 5 in one run: a partition on search and a client crash mid-workload. */
const gauntlet = defaultWith("dual-write", STEADY_LINK, {
  schedule: [
    { at: 300, kind: "partition", a: ["client-1", "client-2"], b: ["search"], until: 700 },
    { at: 420, kind: "crash", node: "client-1", restartAt: 600 },
  ],
});

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
      spotlight: { lanes: ["cdc", "consumer-cache", "consumer-search"] },
      expects: {
        atomicity: "none",
        isolation: "none",
        consistency: "none",
        durability: "none",
      },
    },
    {
      id: "inside-out/scoreboard",
      title: "The scoreboard",
      caption:
        "One run, four ways to keep the stores in sync: a partition on search and a client crash. Only dual writes lose their ACID promises.",
      scenario: gauntlet,
      play: { to: 1010 },
      spotlight: { anomaly: "atomicity" },
      expects: { atomicity: "some", isolation: "some" },
      scoreboard: true,
    },
  ],
};
