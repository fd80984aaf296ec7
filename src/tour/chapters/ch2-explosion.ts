import { defaultWith, STEADY_LINK } from "../scenarios";
import type { Chapter } from "../types";

const INCREMENTS = {
  kind: "generated",
  writes: 8,
  keys: 3,
  ratePerSec: 20,
  op: "incr",
  readRate: 0,
  startMs: 10,
} as const;

export const chapter2: Chapter = {
  number: 2,
  title: "Data stores explosion",
  steps: [
    {
      id: "explosion/best-tool",
      title: "The best tool for each job",
      caption:
        "The database keeps the record, a cache answers reads fast, a search index finds things. They are three separate systems now, and the application writes to each one itself.",
      scenario: defaultWith("dual-write", STEADY_LINK),
      play: { to: 1000 },
      spotlight: { lanes: ["db", "cache", "search"] },
      evidence: { keys: ["x", "y", "z"] },
      expects: { atomicity: "none", isolation: "none", consistency: "none" },
      shows: { links: 6 },
    },
    {
      id: "explosion/drops",
      title: "The network drops messages",
      caption:
        "One message in ten vanishes (the crosses on the timeline). The client waits for a reply that never comes, times out, and sends the write again.",
      scenario: defaultWith("dual-write", { dropRate: 0.1 }),
      play: { to: 1000 },
      spotlight: { lanes: ["client-1", "client-2"] },
      evidence: { keys: ["x", "y", "z"] },
      expects: {},
      shows: { drops: "some", retries: "some" },
    },
    {
      id: "explosion/delays",
      title: "The network delays messages",
      caption:
        "Messages now take anywhere from 5 to 120 ms. Long arrows overrun the client's patience: it times out and retries a write that may already have landed.",
      scenario: defaultWith("dual-write", { delayMsMax: 120 }),
      play: { to: 1000 },
      spotlight: { lanes: ["client-1", "db"] },
      evidence: { keys: ["x", "y", "z"] },
      expects: {},
      shows: { slow: "some", retries: "some" },
    },
    {
      id: "explosion/reorders",
      title: "The network reorders messages",
      caption:
        "One message in five is held back by 60 ms, so a message sent later can reach a store first. Watch for arrows into one lane that cross.",
      scenario: defaultWith("dual-write", { reorderRate: 0.2 }),
      play: { to: 1000 },
      spotlight: { lanes: ["cache", "search"] },
      evidence: { keys: ["x", "y", "z"] },
      expects: {},
      shows: { overtakes: "some" },
    },
    {
      id: "explosion/duplicates",
      title: "The network duplicates messages",
      caption:
        "Some messages arrive twice. Setting a value twice is harmless, but these writes are increments, and a store that applies one twice has counted wrong.",
      scenario: defaultWith("dual-write", { duplicateRate: 0.15 }, { workload: { ...INCREMENTS } }),
      play: "next-anomaly",
      spotlight: { anomaly: "duplicate" },
      evidence: { keys: ["x", "y", "z"] },
      expects: { duplicate: "some" },
      shows: { duplicates: "some" },
    },
  ],
};
