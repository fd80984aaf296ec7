import { describe, expect, it } from "vitest";
import { simulate } from "../sim/simulate";
import { runCli } from "./run-cli";
import { loadScenario } from "./scenario-source";

const files: Record<string, string> = {
  "good.json": JSON.stringify({ v: 1, seed: 7, strategy: "log" }),
  "bad.json": JSON.stringify({ v: 1, seed: 7, network: { default: { dropRate: 3 } } }),
  // Long enough to go past the trace's first 4,096 object events into its columns.
  "long.json": JSON.stringify({
    v: 1,
    strategy: "log",
    workload: { writes: 400, ratePerSec: 200 },
  }),
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

  describe("--events", () => {
    const lines = (argv: string[]) => {
      const r = runCli([...argv, "--events"], read);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout.endsWith("\n")).toBe(true);
      return r.stdout.slice(0, -1).split("\n");
    };

    const preset = (name: string) => loadScenario({ preset: name, source: null }, read);
    it.each([
      ["a preset", ["--preset", "default"], () => preset("default")],
      [
        "a preset under another strategy and seed",
        ["--preset", "kleppmann-race", "--strategy", "log", "--seed", "9"],
        () => ({ ...preset("kleppmann-race"), strategy: "log" as const, seed: 9 }),
      ],
      [
        "a long run from a file",
        ["long.json"],
        () => loadScenario({ preset: null, source: "long.json" }, read),
      ],
    ])(
      "prints the trace of %s as one JSON object per line, in trace order",
      (_, argv, scenario) => {
        const out = lines(argv);
        const trace = simulate(scenario());
        expect(out).toHaveLength(trace.events.length);
        out.forEach((line, i) => {
          const e = JSON.parse(line);
          expect(Object.keys(e).slice(0, 4)).toEqual(["t", "seq", "type", "node"]);
          expect(e.seq).toBe(i);
          // toEqual ignores the event's undefined fields; the line must have none of them.
          expect(e).toEqual(trace.events[i]);
          for (const v of Object.values(e)) expect(v).not.toBeNull();
        });
      },
    );

    it("reaches the columns on a long run, and agrees with the run's hash and event count", () => {
      const out = lines(["long.json"]);
      expect(out.length).toBeGreaterThan(4096);
      expect(out.length).toBe(json(["long.json"]).events);
    });

    it("keeps the fields of each event in one order and leaves absent ones out", () => {
      const order = ["t", "seq", "type", "node", "peer", "msg", "write", "key", "value"];
      const rest = ["offset", "partition", "ref", "detail"];
      for (const line of lines(["--preset", "acks1-leader-failover", "--strategy", "log"])) {
        const keys = Object.keys(JSON.parse(line));
        const all = [...order, ...rest];
        expect(keys).toEqual(all.filter((k) => keys.includes(k)));
      }
    });

    it("refuses --url and --compare beside it, and is in --help", () => {
      for (const extra of [["--url"], ["--compare", "log,cdc"]]) {
        const r = runCli(["--preset", "default", "--events", ...extra], read);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
      }
      expect(runCli(["--help"], read).stdout).toContain("--events");
    });
  });
});
