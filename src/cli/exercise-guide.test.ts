/**
 * docs/workshop.md against the app: its exercises are numbered and titled as
 * the app shows them, and every link in it opens what it says (a start that
 * does not pass, a solution that does, the sweep it describes).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AnomalyKind } from "../check/types";
import { defaultScenario } from "../sim/defaults";
import { decodeLink } from "../url/index";
import { shortExerciseLink } from "../url/view";
import { EXERCISES } from "../workshop/exercises";
import { sweepPoints } from "../workshop/sweep";

const guide = readFileSync(new URL("../../docs/workshop.md", import.meta.url), "utf8");

/** The text of the guide's section for exercise n, up to the next heading. */
function section(n: number): string {
  const start = guide.indexOf(`\n### ${n}. `);
  expect(start, `section ${n}`).toBeGreaterThan(0);
  const end = guide.indexOf("\n#", start + 5);
  return guide.slice(start, end < 0 ? undefined : end);
}

const field = (text: string, name: string): string => {
  const m = new RegExp(`\\*\\*${name}:\\*\\* ([^\\n]*)`).exec(text);
  if (m === null) throw new Error(`no ${name}`);
  return m[1];
};

describe("docs/workshop.md", () => {
  it("numbers and titles the exercises as the app does, and no others", () => {
    const headings = [...guide.matchAll(/^### (\d+)\. (.+)$/gm)].map((m) => [Number(m[1]), m[2]]);
    const exercises = headings.filter(([, t]) => EXERCISES.some((e) => e.title === t));
    expect(exercises).toEqual(EXERCISES.map((e) => [e.number, e.title]));
  });

  it.each(EXERCISES.map((e) => [e.number, e] as const))(
    "exercise %i: states the app's goal and rule, and its links open and check as they say",
    (n, e) => {
      const text = section(n);
      expect(field(text, "Goal")).toBe(e.goal);
      expect(field(text, "May change")).toBe(e.mayChange);
      const start = field(text, "Start");
      expect(shortExerciseLink(/`(#ex=[^`]+)`/.exec(start)?.[1] ?? "")).toBe(e.id);
      const full = decodeLink(/`(#s=[^`]+)`/.exec(start)?.[1] ?? "");
      expect(full).toMatchObject({ ok: true, model: 2, view: { exercise: e.id } });
      if (full.ok) expect(e.verify(full.scenario).reason).toMatch(/^Nothing has changed yet/);
      const solution = decodeLink(
        /`(#s=[^`]+)`/.exec(field(text, "A solution \\(for the facilitator\\)"))?.[1] ?? "",
      );
      expect(solution).toMatchObject({ ok: true, view: { exercise: e.id } });
      if (solution.ok) expect(e.verify(solution.scenario)).toMatchObject({ ok: true });
    },
  );

  it("opens the live sweep it describes", () => {
    const link = /^ {4}(#s=\S+&sweep=\S+)$/m.exec(guide)?.[1] ?? "";
    expect(decodeLink(link)).toMatchObject({
      ok: true,
      model: 2,
      view: { sweep: { param: "dropRate", values: [0, 0.05, 0.1, 0.2], seeds: 100 } },
    });
  });

  it("shows the live sweep's numbers as the simulator measures them today", () => {
    const values = [0, 0.05, 0.1, 0.2];
    const points = sweepPoints({
      scenario: defaultScenario(),
      strategies: ["dual-write", "log", "cdc"],
      param: "dropRate",
      values,
      seeds: 100,
    });
    const cell = (value: number, strategy: string, kind: AnomalyKind): string => {
      const p = points.find((x) => x.value === value && x.strategy === strategy);
      if (p === undefined) throw new Error("missing point");
      const [lo, hi] = p.confirmedIntervals[kind];
      const pc = (x: number) => Math.round(x * 100);
      return `${pc(p.confirmed[kind] / p.n)}% [${pc(lo)}–${pc(hi)}]`;
    };
    const rows = values.map((v) =>
      [
        String(v),
        cell(v, "dual-write", "atomicity"),
        cell(v, "log", "atomicity"),
        cell(v, "cdc", "atomicity"),
        cell(v, "log", "false-failure"),
        cell(v, "dual-write", "isolation"),
      ].join(" | "),
    );
    const table = [...guide.matchAll(/^\| (0(?:\.\d+)?) +\| (.+?) +\|$/gm)].map((m) =>
      [m[1], ...m[2].split("|").map((c) => c.trim())].join(" | "),
    );
    expect(table).toEqual(rows);
  }, 60_000);

  it("refers to no file outside the repository", () => {
    expect(guide).not.toMatch(/DESIGN\.md|\]\(\.\.\/|FIDELITY/);
  });
});
