import { describe, expect, it } from "vitest";
import { presetScenario } from "../sim/presets";
import { encodeLink } from "../url/index";
import { runSweepCli } from "./run-sweep";

const read = (path: string): string => {
  if (path === "race.json") return JSON.stringify(presetScenario("kleppmann-race"));
  throw new Error("ENOENT");
};
const json = (argv: string[]) => {
  const r = runSweepCli([...argv, "--json"], read);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe("sweep CLI", () => {
  it("prints counts and intervals per value and strategy as JSON", () => {
    const out = json([
      "--preset",
      "default",
      "--param",
      "dropRate",
      "--values",
      "0,0.2",
      "--seeds",
      "8",
    ]);
    expect(out).toMatchObject({
      param: "dropRate",
      values: [0, 0.2],
      strategies: ["dual-write", "log"],
      seeds: 8,
    });
    expect(out.points).toHaveLength(4);
    const p = out.points[2];
    expect(p).toMatchObject({ value: 0.2, strategy: "dual-write", n: 8 });
    expect(p.counts.atomicity).toBeGreaterThan(0);
    const [lo, hi] = p.intervals.atomicity;
    expect(lo).toBeLessThanOrEqual(p.counts.atomicity / 8);
    expect(hi).toBeGreaterThanOrEqual(p.counts.atomicity / 8);
  });

  it("prints a table with one row per point", () => {
    const r = runSweepCli(
      [
        "--preset",
        "kleppmann-race",
        "--param",
        "acks",
        "--values",
        "1,all",
        "--seeds",
        "3",
        "--strategies",
        "dual-write,cdc",
      ],
      read,
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(2 + 4);
    expect(lines[1]).toMatch(/^acks\s+strategy\s+n\s+atomicity/);
    expect(lines[2]).toMatch(/^1\s+dual-write\s+3\s+0% \[0–56\]\s+100% \[44–100\]/);
  });

  it("says what it counts, and counts only anomalies that did not heal with --count confirmed", () => {
    const args = ["--preset", "default", "--param", "dropRate", "--values", "0", "--seeds", "20"];
    const any = runSweepCli(args, read).stdout;
    expect(any.split("\n")[0]).toMatch(/healed ones included/);
    const confirmed = runSweepCli([...args, "--count", "confirmed"], read).stdout;
    expect(confirmed.split("\n")[0]).toMatch(/only those that did not heal \(confirmed\)/);
    const p = json(args).points[0];
    // At drop 0 dual writes show consistency anomalies that heal: counted apart.
    expect(p.confirmed.consistency).toBeLessThan(p.counts.consistency);
    const row = (out: string) => out.split("\n")[2].split(/\s{2,}/);
    expect(row(any)).toContain(
      `${Math.round((100 * p.counts.consistency) / 20)}% [${Math.round(100 * p.intervals.consistency[0])}–${Math.round(100 * p.intervals.consistency[1])}]`,
    );
    expect(row(confirmed)).toContain(
      `${Math.round((100 * p.confirmed.consistency) / 20)}% [${Math.round(100 * p.confirmedIntervals.consistency[0])}–${Math.round(100 * p.confirmedIntervals.consistency[1])}]`,
    );
    expect(runSweepCli([...args, "--count", "some"], read).code).toBe(2);
  });

  it("reads a scenario from a file or a link and agrees with the preset", () => {
    const args = ["--param", "delayMsMax", "--values", "5,60", "--seeds", "3"];
    const fromPreset = json(["--preset", "kleppmann-race", ...args]);
    expect(json(["race.json", ...args])).toEqual(fromPreset);
    const link = encodeLink(presetScenario("kleppmann-race") ?? (undefined as never));
    expect(json([link, ...args])).toEqual(fromPreset);
  });

  it("moves the seeds with --seed", () => {
    const args = ["--preset", "default", "--param", "dropRate", "--values", "0.1", "--seeds", "4"];
    expect(json([...args, "--seed", "50"]).seed).toBe(50);
  });

  it("refuses a bad argument with one line on stderr and exit code 2", () => {
    const ok = ["--preset", "default", "--param", "dropRate", "--values", "0"];
    for (const argv of [
      [],
      ["--preset", "default"],
      ["--preset", "nope", "--param", "dropRate", "--values", "0"],
      ["--preset", "default", "--param", "speed", "--values", "0"],
      ["--preset", "default", "--param", "dropRate"],
      ["--preset", "default", "--param", "dropRate", "--values", "0,3"],
      ["--preset", "default", "--param", "minInsyncReplicas", "--values", "9"],
      [...ok, "--seeds", "0"],
      [...ok, "--seeds", "x"],
      [...ok, "--strategies", "2pc"],
      [...ok, "--bogus"],
      [...ok, "missing.json"],
      ["missing.json", "--param", "dropRate", "--values", "0"],
    ]) {
      const r = runSweepCli(argv, read);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
