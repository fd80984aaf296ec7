import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { createTourMachine, type TourEvent } from "./tour-machine";

function run(events: TourEvent[]) {
  const actor = createActor(createTourMachine([2, 3, 2])).start();
  for (const e of events) actor.send(e);
  const s = actor.getSnapshot();
  return { state: s.value, chapter: s.context.chapter, step: s.context.step };
}

describe("tour machine", () => {
  it("starts idle and opens at the first step", () => {
    expect(run([])).toMatchObject({ state: "idle" });
    expect(run([{ type: "START" }])).toEqual({ state: "step", chapter: 0, step: 0 });
  });

  it("walks across chapter boundaries both ways and stops at the ends", () => {
    const fwd: TourEvent[] = [{ type: "START" }, { type: "NEXT" }, { type: "NEXT" }];
    expect(run(fwd)).toEqual({ state: "step", chapter: 1, step: 0 });
    expect(run([...fwd, { type: "PREV" }])).toEqual({ state: "step", chapter: 0, step: 1 });
    expect(run([{ type: "START" }, { type: "PREV" }])).toMatchObject({ chapter: 0, step: 0 });
    const tenNexts = Array.from({ length: 10 }, (): TourEvent => ({ type: "NEXT" }));
    expect(run([{ type: "START" }, ...tenNexts])).toMatchObject({ chapter: 2, step: 1 });
  });

  it("GOTO clamps untrusted positions; FIRST and LAST jump to the ends", () => {
    expect(run([{ type: "GOTO", chapter: 1, step: 2 }])).toEqual({
      state: "step",
      chapter: 1,
      step: 2,
    });
    expect(run([{ type: "GOTO", chapter: 9, step: 9 }])).toMatchObject({ chapter: 2, step: 1 });
    expect(run([{ type: "GOTO", chapter: -1, step: Number.NaN }])).toMatchObject({
      chapter: 0,
      step: 0,
    });
    expect(run([{ type: "START" }, { type: "LAST" }])).toMatchObject({ chapter: 2, step: 1 });
    expect(run([{ type: "START" }, { type: "LAST" }, { type: "FIRST" }])).toMatchObject({
      chapter: 0,
      step: 0,
    });
  });

  it("EXIT keeps the position so START resumes there; keys do nothing while idle", () => {
    const events: TourEvent[] = [{ type: "GOTO", chapter: 1, step: 1 }, { type: "EXIT" }];
    expect(run(events)).toEqual({ state: "idle", chapter: 1, step: 1 });
    expect(run([...events, { type: "NEXT" }, { type: "START" }])).toEqual({
      state: "step",
      chapter: 1,
      step: 1,
    });
  });
});

describe("tour machine ends", () => {
  it("refuses NEXT on the last step and PREV on the first (no restart on screen)", () => {
    const actor = createActor(createTourMachine([1, 2])).start();
    actor.send({ type: "START" });
    const first = actor.getSnapshot();
    actor.send({ type: "PREV" });
    expect(actor.getSnapshot()).toBe(first);
    actor.send({ type: "LAST" });
    const last = actor.getSnapshot();
    actor.send({ type: "NEXT" });
    expect(actor.getSnapshot()).toBe(last);
  });
});
