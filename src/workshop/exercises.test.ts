import { describe, expect, it } from "vitest";
import { decodeLink, encodeLink, restoreScenario } from "../url/index";
import { EXERCISES, exerciseById } from "./exercises";

describe("exercises", () => {
  it("has at least six, with distinct ids", () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(6);
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
    expect(exerciseById("lost-ack")?.title).toMatch(/acknowledged/);
  });

  describe.each(EXERCISES.map((e) => [e.id, e] as const))("%s", (_id, e) => {
    it("starts valid and unsolved", () => {
      expect(restoreScenario(e.start()).ok).toBe(true);
      const v = e.verify(e.start());
      expect(v.ok).toBe(false);
      expect(v.reason.length).toBeGreaterThan(10);
    });

    it("is solved by its reference solution", () => {
      expect(restoreScenario(e.solution()).ok).toBe(true);
      const v = e.verify(e.solution());
      expect(v).toMatchObject({ ok: true });
    });

    it("is solved by its reference solution after a trip through a share link", () => {
      const back = decodeLink(encodeLink(e.solution()));
      expect(back.ok).toBe(true);
      if (back.ok) expect(e.verify(back.scenario)).toMatchObject({ ok: true });
    });

    it("hands out a fresh starting scenario each time", () => {
      const a = e.start();
      a.schedule.push({ at: 1, kind: "heal" });
      expect(e.start().schedule).not.toContainEqual({ at: 1, kind: "heal" });
    });
  });

  it("refuses the shortcuts a learner might take", () => {
    const oneFault = exerciseById("one-fault");
    const two = oneFault?.solution();
    two?.schedule.push({ at: 300, kind: "crash", node: "db" });
    expect(two && oneFault?.verify(two).reason).toMatch(/exactly one fault/);

    const lost = exerciseById("lost-ack");
    const s = lost?.solution();
    if (s) s.log.uncleanLeaderElection = true;
    expect(s && lost?.verify(s).reason).toMatch(/exactly one log setting/);

    const fix = exerciseById("incr-fix");
    const before = fix?.start();
    if (before) before.log.commit = "before-apply";
    expect(before && fix?.verify(before)).toMatchObject({ ok: false });
  });
});
