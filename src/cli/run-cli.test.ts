import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";

const files: Record<string, string> = {
  "good.json": JSON.stringify({ v: 1, seed: 7, strategy: "log" }),
  "bad.json": JSON.stringify({ v: 1, seed: 7, network: { default: { dropRate: 3 } } }),
};
const read = (path: string): string => {
  const text = files[path];
  if (text === undefined) throw new Error("ENOENT");
  return text;
};
const json = (argv: string[]) => {
  const r = runCli([...argv, "--json"], read);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe("sim CLI", () => {
  it("prints one JSON object with the run's identity and report", () => {
    const out = json(["--preset", "default"]);
    expect(typeof out.traceHash).toBe("string");
    expect(out.strategy).toBe("dual-write");
    expect(out.seed).toBe(1);
    expect(out.events).toBeGreaterThan(0);
    expect(Array.isArray(out.anomalies)).toBe(true);
    expect(out.metrics.messages.sent).toBeGreaterThan(0);
  });

  it("gives the same hash twice for a preset, and another for --seed 2", () => {
    const a = json(["--preset", "default"]).traceHash;
    expect(json(["--preset", "default"]).traceHash).toBe(a);
    expect(json(["--preset", "default", "--seed", "2"]).traceHash).not.toBe(a);
  });

  it("refuses a bad argument with one line on stderr and exit code 2", () => {
    for (const argv of [
      ["--preset", "nope"],
      ["--bogus"],
      ["--preset"],
      ["--preset", "default", "--seed", "-1"],
      ["--preset", "default", "--strategy", "2pc"],
      [],
    ]) {
      const r = runCli(argv, read);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("runs a scenario file, and names what is wrong with an invalid one", () => {
    expect(json(["good.json"]).strategy).toBe("log");
    const bad = runCli(["bad.json"], read);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("dropRate");
    expect(runCli(["missing.json"], read).stderr).toContain("cannot read");
  });

  it("prints a link that replays the same run", () => {
    const link = runCli(["--preset", "kleppmann-race", "--url"], read).stdout.trim();
    expect(link.startsWith("#s=")).toBe(true);
    expect(json([link]).traceHash).toBe(json(["--preset", "kleppmann-race"]).traceHash);
  });

  it("compares strategies on the same scenario", () => {
    const out = json(["--preset", "kleppmann-race", "--compare", "dual-write,log"]);
    expect(Object.keys(out)).toEqual(["dual-write", "log"]);
    expect(out["dual-write"].counts.isolation).toBeGreaterThan(0);
    expect(out.log.counts.isolation).toBe(0);
    const table = runCli(
      ["--preset", "kleppmann-race", "--compare", "dual-write,log"],
      read,
    ).stdout;
    expect(table).toMatch(/dual-write\s+0\s+1\s+1/);
  });
});
