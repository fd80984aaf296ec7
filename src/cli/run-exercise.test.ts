import { describe, expect, it } from "vitest";
import { presetScenario } from "../sim/presets";
import type { Scenario } from "../sim/types";
import { decodeLink, encodeLink } from "../url/index";
import { EXERCISES, exerciseById } from "../workshop/exercises";
import { runExerciseCli } from "./run-exercise";

const files: Record<string, string> = {};
const read = (path: string): string => {
  const text = files[path];
  if (text === undefined) throw new Error("ENOENT");
  return text;
};
const cli = (...argv: string[]) => runExerciseCli(argv, read);

function withFile(name: string, s: Scenario): string {
  files[name] = JSON.stringify(s);
  return name;
}

describe("exercise CLI", () => {
  it("lists the exercises as the app numbers them", () => {
    const r = cli("list");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toBe("2. lost-ack: Lose an acknowledged write");
    expect(JSON.parse(cli("list", "--json").stdout)).toHaveLength(EXERCISES.length);
  });

  it.each(EXERCISES.map((e) => [e.id, e] as const))(
    "start %s prints the start scenario, and check agrees with the page's verify",
    (id, e) => {
      const r = cli("start", id);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(e.start());

      const start = cli("check", id, withFile(`${id}.start.json`, e.start()), "--json");
      expect(start.code).toBe(1);
      expect(JSON.parse(start.stdout)).toEqual({ pass: false, reason: e.verify(e.start()).reason });

      const link = encodeLink(e.solution(), { exercise: e.id });
      const solved = cli("check", id, link, "--json");
      expect(solved.code).toBe(0);
      expect(JSON.parse(solved.stdout)).toEqual({
        pass: true,
        reason: e.verify(e.solution()).reason,
      });
    },
  );

  it("start --url gives a link that opens the exercise, solution --url one that passes", () => {
    const start = decodeLink(cli("start", "incr-fix", "--url").stdout.trim());
    expect(start).toMatchObject({ ok: true, view: { exercise: "incr-fix" } });
    const link = cli("solution", "incr-fix", "--url").stdout.trim();
    expect(cli("check", "incr-fix", link).stdout).toMatch(/^pass: With commit atomic/);
  });

  it("fails a cheat with the page's reason: Min delay moved, commit still after-apply", () => {
    const e = exerciseById("incr-fix");
    if (e === undefined) throw new Error("missing");
    const s = e.start();
    s.network.default.delayMsMin = 8;
    s.network.default.delayMsMax = 8;
    const r = cli("check", "incr-fix", withFile("cheat.json", s), "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({ pass: false, reason: e.verify(s).reason });
    expect(out.reason).toContain("Min delay: 5 → 8");
  });

  it("fails the plain acks=1 preset for lose-an-acknowledged-write", () => {
    const preset = presetScenario("acks1-leader-failover");
    if (preset === undefined) throw new Error("missing");
    const r = cli("check", "lost-ack", withFile("preset.json", preset));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^not yet: This is the “acks1-leader-failover” preset/);
  });

  it("refuses a bad command line with exit code 2 and the usage", () => {
    for (const argv of [
      [],
      ["frobnicate"],
      ["start"],
      ["start", "nope"],
      ["check", "lost-ack"],
      ["check", "lost-ack", "missing.json"],
      ["check", "lost-ack", "#s=1.damaged"],
      ["list", "--wat"],
    ]) {
      const r = cli(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr, argv.join(" ")).toMatch(/usage: npm run -s exercise/);
      expect(r.stdout).toBe("");
    }
  });
});
