import { describe, expect, it } from "vitest";
import { defaultScenario } from "../sim/defaults";
import { decodeLink, encodeLink } from "./link";
import { restoreView, shortExerciseLink } from "./view";
import { EXERCISE_IDS } from "./workshop-names";

describe("an exercise in the link (ex=<id>)", () => {
  it.each(EXERCISE_IDS)("round-trips %s beside the scenario, readable in the hash", (id) => {
    const hash = encodeLink(defaultScenario(), { exercise: id, playhead: 30 });
    expect(hash).toContain(`&ex=${id}`);
    expect(decodeLink(hash)).toMatchObject({ ok: true, view: { exercise: id, playhead: 30 } });
  });

  it("is read wherever it sits among the parameters, and leaves a link without it alone", () => {
    const base = encodeLink(defaultScenario());
    expect(decodeLink(`${base.replace("#", "#ex=lost-ack&")}`)).toMatchObject({
      ok: true,
      view: { exercise: "lost-ack" },
    });
    const plain = decodeLink(base);
    expect(plain.ok && plain.view.exercise).toBeUndefined();
  });

  it("refuses an unknown or damaged id, as a note, and still opens the scenario", () => {
    const base = encodeLink(defaultScenario());
    for (const bad of [
      "nope",
      "",
      "LOST-ACK",
      "lost-ack%00",
      "one-fault,lost-ack",
      "x".repeat(200),
    ]) {
      const r = decodeLink(`${base}&ex=${bad}`);
      expect(r.ok, bad).toBe(true);
      if (r.ok) {
        expect(r.view.exercise, bad).toBeUndefined();
        expect(r.viewError?.message, bad).toBeTruthy();
      }
    }
  });

  it("validates through restoreView like every other view field", () => {
    expect(restoreView({ exercise: "incr-fix" })).toEqual({
      ok: true,
      view: { exercise: "incr-fix" },
    });
    expect(restoreView({ exercise: 3 }).ok).toBe(false);
    expect(restoreView({ exercise: "__proto__" }).ok).toBe(false);
  });
});

describe("a short link to an exercise (#ex=<id>)", () => {
  it("names the exercise, and nothing else is one", () => {
    expect(shortExerciseLink("#ex=lost-ack")).toBe("lost-ack");
    expect(shortExerciseLink("ex=incr-fix")).toBe("incr-fix");
    for (const bad of [
      "",
      "#",
      "#ex=",
      "#ex=nope",
      "#ex=lost-ack&t=3",
      "#s=1.x&ex=lost-ack",
      "#ex=%E0%A4%A",
      "#about",
    ])
      expect(shortExerciseLink(bad), bad).toBeNull();
  });
});
