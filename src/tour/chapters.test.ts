import { describe, expect, it } from "vitest";
import { isHeavy } from "../app/run";
import { check } from "../check";
import { simulate } from "../sim/simulate";
import { CHAPTERS } from "./chapters";
import { pointToPointLinks } from "./scenarios";
import { scoreboard } from "./scoreboard";
import { runStep, stepProblems } from "./verify";

const SENTENCE_END = /[.!?](\s|$)/g;

describe("the tour's content", () => {
  it("has the talk's seven chapters in order, each of 2–6 steps with unique ids", () => {
    expect(CHAPTERS.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const chapter of CHAPTERS) {
      expect(chapter.steps.length).toBeGreaterThanOrEqual(2);
      expect(chapter.steps.length).toBeLessThanOrEqual(6);
    }
    const ids = CHAPTERS.flatMap((c) => c.steps.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("runs every step at once on the page: none is big enough for the run worker", () => {
    // enterStep reads the step's run right after loading it; a background run would not be there yet.
    for (const chapter of CHAPTERS)
      for (const step of chapter.steps) expect(isHeavy(step.scenario), step.id).toBe(false);
  });

  it("keeps every caption to one or two sentences and 240 characters", () => {
    for (const step of CHAPTERS.flatMap((c) => c.steps)) {
      expect(step.caption.length, step.id).toBeLessThanOrEqual(240);
      const sentences = step.caption.match(SENTENCE_END)?.length ?? 0;
      expect(sentences, step.id).toBeGreaterThanOrEqual(1);
      expect(sentences, step.id).toBeLessThanOrEqual(2);
    }
  });
});

describe("every step's run keeps the step's promises", () => {
  for (const chapter of CHAPTERS) {
    for (const [i, step] of chapter.steps.entries()) {
      it(`${chapter.number}.${i + 1} ${step.id}`, () => {
        expect(stepProblems(step)).toEqual([]);
      });
    }
  }

  it("a replayed step is the same run (going back and forth shows the same thing)", () => {
    for (const step of CHAPTERS.flatMap((c) => c.steps)) {
      expect(runStep(step).trace.traceHash).toBe(runStep(step).trace.traceHash);
    }
  });
});

describe("chapter-specific claims", () => {
  it("chapter 1: zero anomalies in every step, whatever the network does", () => {
    for (const step of CHAPTERS[0].steps) {
      expect(runStep(step).report.anomalies, step.id).toEqual([]);
    }
  });

  it("chapter 1: without idempotency keys the same stormy run counts an increment more than once", () => {
    const step = CHAPTERS[0].steps.find((s) => s.id === "monolith/bad-network");
    if (step === undefined) throw new Error("no step monolith/bad-network");
    const without = check(simulate({ ...step.scenario, dedupe: false }));
    expect(without.anomalies.some((a) => a.kind === "duplicate" && a.stores[0] === "db")).toBe(
      true,
    );
  });

  it("chapter 4: the link count grows as n × m with every store and writer added", () => {
    const counts = CHAPTERS[3].steps.map((s) => pointToPointLinks(s.scenario));
    expect(counts).toEqual([2, 4, 6, 9]);
    expect(CHAPTERS[3].steps.map((s) => s.overlay)).toEqual([
      "1 store × 2 writers = 2 links",
      "2 stores × 2 writers = 4 links",
      "3 stores × 2 writers = 6 links",
      "3 stores × 3 writers = 9 links",
    ]);
  });

  it("chapter 6: acks=1 loses an acknowledged write, acks=all loses none", () => {
    const [acks1, acksAll] = CHAPTERS[5].steps.slice(-2).map(runStep);
    expect(acks1.report.anomalies.filter((a) => a.kind === "durability")).toHaveLength(1);
    expect(acksAll.report.anomalies.filter((a) => a.kind === "durability")).toHaveLength(0);
  });

  it("chapter 7: on the scoreboard only dual writes break a promise", () => {
    const step = CHAPTERS[6].steps.find((s) => s.scoreboard === true);
    expect(step).toBeDefined();
    const rows = scoreboard(step?.scenario ?? CHAPTERS[6].steps[0].scenario);
    const total = (r: (typeof rows)[number]) => r.counts.A + r.counts.C + r.counts.I + r.counts.D;
    expect(rows.map((r) => r.strategy)).toEqual(["single-db", "dual-write", "log", "cdc"]);
    expect(rows.filter((r) => total(r) > 0).map((r) => r.strategy)).toEqual(["dual-write"]);
  });
});
