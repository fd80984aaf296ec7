import { describe, expect, it } from "vitest";
import { ACID_LETTERS, countByLetter, lettersBroken } from "./letters";
import { ACID_LETTER, ANOMALY_KINDS } from "./types";

describe("the ACID letter table", () => {
  it("files every anomaly kind under one of the four letters, each letter used", () => {
    for (const kind of ANOMALY_KINDS) expect(ACID_LETTERS).toContain(ACID_LETTER[kind]);
    expect(new Set(Object.values(ACID_LETTER))).toEqual(new Set(ACID_LETTERS));
  });

  it("counts per letter, up to a time when one is given", () => {
    const found = [
      { kind: "isolation", detectedAt: 10 },
      { kind: "duplicate", detectedAt: 20 },
      { kind: "atomicity", detectedAt: 30 },
      { kind: "stale-read", detectedAt: 40 },
    ] as const;
    expect(countByLetter(found)).toEqual({ A: 2, C: 0, I: 2, D: 0 });
    expect(countByLetter(found, 20)).toEqual({ A: 1, C: 0, I: 1, D: 0 });
    expect(countByLetter(found, 9)).toEqual({ A: 0, C: 0, I: 0, D: 0 });
  });

  it("lists the letters broken in the talk's order", () => {
    expect(
      lettersBroken([{ kind: "durability" }, { kind: "isolation" }, { kind: "duplicate" }]),
    ).toEqual(["A", "I", "D"]);
    expect(lettersBroken([])).toEqual([]);
  });
});
