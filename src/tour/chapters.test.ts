import { describe, expect, it } from "vitest";
import { isHeavy, runScenario } from "../app/run";
import { check } from "../check";
import { simulate } from "../sim/simulate";
import { CHAPTERS } from "./chapters";
import { playTarget } from "./play-target";
import {
  captionWhileAsking,
  choicesThatHold,
  rightAnswer,
  TALK_MAX_WRITES,
  writesInStep,
} from "./predict";
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

  it("chapter 7: dual writes break every ACID letter on the finale's scoreboard", () => {
    const step = CHAPTERS[6].steps.find((s) => s.scoreboard === true);
    if (step === undefined) throw new Error("no scoreboard step");
    const dual = scoreboard(step.scenario).find((r) => r.strategy === "dual-write");
    expect(dual?.counts.A).toBeGreaterThan(0);
    expect(dual?.counts.C).toBeGreaterThan(0);
    expect(dual?.counts.I).toBeGreaterThan(0);
    expect(dual?.counts.D).toBeGreaterThan(0);
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

const byId = (id: string) => {
  const step = CHAPTERS.flatMap((c) => c.steps).find((s) => s.id === id);
  if (step === undefined) throw new Error(`no step ${id}`);
  return step;
};

describe("the claim table, every cell strong", () => {
  it("5.4: dual writes lose a write the client was told is saved, and it is in no store", () => {
    const step = byId("dual-writes/lost-write");
    const { trace, report, target } = runStep(step);
    const lost = report.anomalies.filter((a) => a.kind === "durability" && a.detectedAt <= target);
    expect(lost).toHaveLength(1);
    expect(lost[0].stores).toEqual(["db"]);
    const [write] = lost[0].writes;
    const op = trace.writes.find((w) => w.id === write);
    // The client heard "done" for it...
    expect(trace.events.some((e) => e.type === "ack" && e.write === write)).toBe(true);
    // ...and when the step stops, no store holds it: not the db, not the restarted cache.
    for (const store of step.scenario.stores)
      expect(trace.final.stores[store]?.[op?.key ?? ""], store).not.toBe(op?.value);
    expect(step.scenario.strategy).toBe("dual-write");
  });

  it("6.1: chapter 5's client crash, the same writes and crash, replayed on the log with offsets", () => {
    const ch5 = byId("dual-writes/crash").scenario;
    const step = byId("log/offsets");
    expect(step.scenario.strategy).toBe("log");
    expect(step.scenario.workload).toEqual(ch5.workload);
    for (const entry of ch5.schedule) expect(step.scenario.schedule).toContainEqual(entry);
    const { trace } = runStep(step);
    // The restarted consumer resumes at the offset it had stored (0), and search gets x = A.
    const restart = trace.events.find((e) => e.type === "restart" && e.node === "consumer-search");
    const poll = trace.events.find(
      (e) => e.type === "poll" && e.node === "consumer-search" && e.t > (restart?.t ?? 0),
    );
    expect(poll?.offset).toBe(0);
    expect(trace.final.stores.search?.x).toBe("A");
  });

  it("6.4: a store that drifted (crashed empty while the db moved on) is rebuilt by replay from offset 0", () => {
    const step = byId("log/replay");
    expect(step.scenario.schedule.some((e) => e.kind === "add-store")).toBe(false);
    const { trace, target } = runStep(step);
    const crash = trace.events.find((e) => e.type === "crash" && e.node === "cache");
    const restart = trace.events.find((e) => e.type === "restart" && e.node === "cache");
    if (crash === undefined || restart === undefined) throw new Error("the cache never crashed");
    // The db moved on while the cache was down: it applied writes the cache never saw then.
    expect(
      trace.events.some(
        (e) => e.type === "apply" && e.node === "db" && e.t > crash.t && e.t < restart.t,
      ),
    ).toBe(true);
    const replay = trace.events.find(
      (e) => e.type === "poll" && e.node === "consumer-cache" && e.t > restart.t,
    );
    expect(replay?.offset).toBe(0);
    expect(replay?.t).toBeLessThanOrEqual(target);
    expect(trace.final.stores.cache).toEqual(trace.final.stores.db);
  });
});

describe("stop, predict, reveal", () => {
  const predicting = CHAPTERS.flatMap((c) => c.steps).filter((s) => s.predict !== undefined);

  it("asks the room at six steps or more, each with 2–4 choices", () => {
    expect(predicting.length).toBeGreaterThanOrEqual(6);
    for (const step of predicting) {
      expect(step.predict?.choices.length, step.id).toBeGreaterThanOrEqual(2);
      expect(step.predict?.choices.length, step.id).toBeLessThanOrEqual(4);
    }
  });

  it("while asking, the caption shows only its setup (first sentence), never the outcome", () => {
    for (const step of predicting) {
      const setup = captionWhileAsking(step);
      expect(setup.length, step.id).toBeLessThan(step.caption.length);
      expect(step.caption.startsWith(setup), step.id).toBe(true);
      // The right answer's label is not given away by the setup (labels of one letter aside).
      const moment = runStep(step);
      const right = step.predict?.choices[rightAnswer(step, moment) ?? -1]?.label ?? "";
      if (right.length > 3) expect(setup, step.id).not.toContain(right);
    }
  });

  for (const step of predicting) {
    it(`${step.id}: exactly one choice is right, computed from the step's run`, () => {
      const run = runStep(step);
      expect(choicesThatHold(step, run), step.predict?.question).toHaveLength(1);
      // The page's own run door gives the same run, so the page reveals the same answer.
      const page = runScenario(structuredClone(step.scenario));
      if (page.report === null) throw new Error(page.checkError ?? "no report");
      const pageMoment = {
        trace: page.trace,
        report: page.report,
        target: playTarget(step, page.trace, page.report),
      };
      expect(rightAnswer(step, pageMoment)).toBe(rightAnswer(step, run));
    });
  }

  it("the answer depends on the run: before the step plays (t = 0) it is not the same for every step", () => {
    // A question whose answer is already true at 0 ms is not a prediction of what the run does.
    const changed = predicting.filter((step) => {
      const run = runStep(step);
      return rightAnswer(step, { ...run, target: 0 }) !== rightAnswer(step, run);
    });
    expect(changed.length).toBeGreaterThanOrEqual(predicting.length - 2);
  });
});

describe("talk steps stay small", () => {
  it(`uses at most ${TALK_MAX_WRITES} writes a step, unless the step is marked as about volume`, () => {
    for (const step of CHAPTERS.flatMap((c) => c.steps)) {
      if (step.volume === true)
        expect(writesInStep(step), `${step.id} is marked volume`).toBeGreaterThan(TALK_MAX_WRITES);
      else expect(writesInStep(step), step.id).toBeLessThanOrEqual(TALK_MAX_WRITES);
    }
  });
});
