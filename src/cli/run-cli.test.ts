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

  it("gives every anomaly its cause, root first (--json)", () => {
    const out = json(["--preset", "kleppmann-race"]);
    expect(out.anomalies.length).toBeGreaterThan(0);
    for (const a of out.anomalies) {
      expect(a.cause.length).toBeGreaterThan(0);
      expect(a.cause[0]).toEqual({
        seq: 11,
        t: 20,
        role: "fault",
        text: "client-1's write of x = A to search is delayed 40 ms on a slow link (the network's usual is 5 ms)",
      });
    }
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

  describe("--export", () => {
    const exported = (argv: string[]) => {
      const r = runCli(argv, read);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      return r.stdout;
    };

    it("chrome-trace: the run as Chrome Trace Event / Perfetto JSON, with the report's anomalies", () => {
      const argv = ["--preset", "kleppmann-race", "--export", "chrome-trace"];
      const text = exported(argv);
      const out = JSON.parse(text);
      expect(out.displayTimeUnit).toBe("ms");
      expect(out.metadata.traceHash).toBe(json(["--preset", "kleppmann-race"]).traceHash);
      for (const e of out.traceEvents) {
        for (const field of ["ph", "ts", "pid", "tid"]) expect(e).toHaveProperty(field);
      }
      const threads = out.traceEvents
        .filter((e: { name: string }) => e.name === "thread_name")
        .map((e: { args: { name: string } }) => e.args.name);
      expect(threads).toEqual(["client-1", "client-2", "db", "search", "network"]);
      const anomalies = out.traceEvents.filter((e: { cat?: string }) => e.cat === "anomaly");
      const report = json(["--preset", "kleppmann-race"]).anomalies;
      expect(
        anomalies.map((e: { args: { explanation: string } }) => e.args.explanation).sort(),
      ).toEqual(report.map((a: { explanation: string }) => a.explanation).sort());
      // The same command prints the same bytes.
      expect(exported(argv)).toBe(text);
    });

    it("follows --strategy and --seed, and reads a scenario file", () => {
      const base = JSON.parse(exported(["--preset", "kleppmann-race", "--export", "chrome-trace"]));
      const log = JSON.parse(
        exported([
          "--preset",
          "kleppmann-race",
          "--strategy",
          "log",
          "--seed",
          "3",
          "--export",
          "chrome-trace",
        ]),
      );
      expect(log.metadata).toMatchObject({ strategy: "log", seed: 3 });
      expect(log.metadata.traceHash).not.toBe(base.metadata.traceHash);
      expect(
        JSON.parse(exported(["good.json", "--export", "chrome-trace"])).metadata.strategy,
      ).toBe("log");
    });

    it("jsonl is the --events output; csv has a header and one row per event", () => {
      const argv = ["--preset", "acks1-leader-failover", "--strategy", "log"];
      const events = runCli([...argv, "--events"], read).stdout;
      expect(exported([...argv, "--export", "jsonl"])).toBe(events);
      const csv = exported([...argv, "--export", "csv"]).split("\r\n");
      expect(csv[0]).toBe("t,seq,type,node,peer,msg,write,key,value,offset,partition,ref,detail");
      expect(csv.at(-1)).toBe("");
      expect(csv.length - 2).toBe(events.split("\n").length - 1);
    });

    it("refuses an unknown format with a usage line naming the formats, and a clash with other outputs", () => {
      const bad = runCli(["--preset", "default", "--export", "pdf"], read);
      expect(bad.code).toBe(2);
      expect(bad.stdout).toBe("");
      expect(bad.stderr).toBe(
        'sim: unknown export format "pdf"; choose one of chrome-trace, jsonl, csv (try --help)\n',
      );
      expect(runCli(["--preset", "default", "--export"], read).stderr).toContain(
        "--export needs a value",
      );
      for (const extra of [["--json"], ["--url"], ["--events"], ["--compare", "log,cdc"]]) {
        const r = runCli(["--preset", "default", "--export", "csv", ...extra], read);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
      }
      const help = runCli(["--help"], read).stdout;
      expect(help).toContain("--export FORMAT");
      expect(help).toContain("chrome-trace, jsonl, csv");
    });
  });
});
