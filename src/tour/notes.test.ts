import { describe, expect, it } from "vitest";
import { CHAPTERS } from "./chapters";
import { notesFor, SPEAKER_NOTES } from "./notes";
import { promisedKinds } from "./play-target";

const SENTENCE_END = /[.!?](\s|$)/g;
const sentences = (text: string) => text.match(SENTENCE_END)?.length ?? 0;
const STEPS = CHAPTERS.flatMap((c) => c.steps);

describe("speaker notes", () => {
  it("has notes for every tour step", () => {
    const missing = STEPS.filter((s) => notesFor(s.id) === undefined).map((s) => s.id);
    expect(missing).toEqual([]);
  });

  it("names no step the tour does not have", () => {
    const ids = new Set(STEPS.map((s) => s.id));
    const stray = Object.keys(SPEAKER_NOTES).filter((id) => !ids.has(id));
    expect(stray).toEqual([]);
  });

  it("gives each step something to say, a question and its answer, 2–4 sentences in all", () => {
    for (const step of STEPS) {
      const note = SPEAKER_NOTES[step.id];
      expect(sentences(note.say), step.id).toBeGreaterThanOrEqual(1);
      expect(note.ask.trim().endsWith("?"), step.id).toBe(true);
      expect(sentences(note.ask), step.id).toBe(1);
      expect(sentences(note.answer), step.id).toBeGreaterThanOrEqual(1);
      const total = sentences(note.say) + sentences(note.ask) + sentences(note.answer);
      expect(total, step.id).toBeGreaterThanOrEqual(2);
      expect(total, step.id).toBeLessThanOrEqual(4);
    }
  });

  it("names an anomaly in an answer only where the step's run promises that anomaly", () => {
    for (const step of STEPS) {
      const promised = new Set<string>(promisedKinds(step));
      const note = SPEAKER_NOTES[step.id];
      for (const m of `${note.say} ${note.answer}`.matchAll(
        /\b(atomicity|isolation|consistency|durability|duplicate) anomal/g,
      ))
        expect(promised.has(m[1]), `${step.id}: ${m[0]}`).toBe(true);
    }
  });

  it("knows no notes for an unknown id, even one inherited from Object", () => {
    expect(notesFor("no/such-step")).toBeUndefined();
    expect(notesFor("toString")).toBeUndefined();
  });
});
