import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbScenario } from "../sim/arbitrary";
import { PRESET_NAMES, presetScenario } from "../sim/presets";
import { simulate } from "../sim/simulate";
import { type Scenario, STRATEGIES, type Trace } from "../sim/types";
import { type CauseStep, causeOf, readCause, withCauses } from "./cause";
import { check } from "./index";
import type { Anomaly } from "./types";

function run(scenario: Scenario) {
  const trace = simulate(scenario);
  return { trace, report: check(trace) };
}

/** The shape every chain has: non-empty, root first, times never going back, real events. */
function expectWellFormed(trace: Trace, a: Anomaly, chain: CauseStep[], label: string): void {
  expect(chain.length, label).toBeGreaterThan(0);
  expect(["fault", "race"], `${label}: the root is a fault or the race`).toContain(chain[0].role);
  const seqs = new Map(trace.events.map((e) => [e.seq, e]));
  for (const [k, step] of chain.entries()) {
    const e = seqs.get(step.seq);
    expect(e, `${label} step ${k + 1} is an event of the trace`).toBeDefined();
    expect(step.t, `${label} step ${k + 1} is dated at its event`).toBe(e?.t);
    expect(step.text.length, label).toBeGreaterThan(10);
    expect(step.text, label).not.toMatch(/undefined|NaN|\[object/);
    if (k > 0) {
      expect(step.t, `${label}: times non-decreasing`).toBeGreaterThanOrEqual(chain[k - 1].t);
      expect(step.seq, `${label}: each event once, in trace order`).toBeGreaterThan(
        chain[k - 1].seq,
      );
    }
  }
  // The chain ends at the anomaly, never after what it explains.
  expect(chain[chain.length - 1].t, label).toBeLessThanOrEqual(
    Math.max(a.detectedAt, ...a.events.map((s) => seqs.get(s)?.t ?? 0)),
  );
}

/** The faults a preset's scenario itself sets: its schedule, and links slower than the rest. */
function presetFaults(trace: Trace): Array<(step: CauseStep) => boolean> {
  const s = trace.scenario;
  const bySeq = new Map(trace.events.map((e) => [e.seq, e]));
  const out: Array<(step: CauseStep) => boolean> = [];
  for (const entry of s.schedule) {
    out.push((step) => {
      const e = bySeq.get(step.seq);
      if (e === undefined || step.role !== "fault" || e.t !== entry.at) return false;
      if (entry.kind === "crash") return e.type === "crash" && e.node === entry.node;
      if (entry.kind === "partition") return e.type === "partition";
      if (entry.kind === "add-store") return e.type === "add-store" && e.node === entry.store;
      return false;
    });
  }
  for (const [link, o] of Object.entries(s.network.links)) {
    if ((o.delayMsMin ?? 0) <= s.network.default.delayMsMax) continue;
    const [from, to] = link.split("->");
    out.push((step) => {
      const e = bySeq.get(step.seq);
      return step.role === "fault" && e?.type === "send" && e.node === from && e.peer === to;
    });
  }
  return out;
}

describe("the cause of every anomaly of every preset under every strategy", () => {
  for (const name of PRESET_NAMES) {
    for (const strategy of STRATEGIES) {
      const scenario = { ...(presetScenario(name) as Scenario), strategy };
      const { trace, report } = run(scenario);
      if (report.anomalies.length === 0) continue;
      it(`${name} · ${strategy}`, () => {
        const faults = presetFaults(trace);
        for (const a of report.anomalies) {
          const chain = causeOf(trace, a);
          const label = `${name} ${strategy} ${a.id}`;
          expectWellFormed(trace, a, chain, label);
          if (faults.length > 0) {
            expect(
              chain.some((step) => faults.some((isFault) => isFault(step))),
              `${label} names a fault or slow link the preset set:\n${readCause(chain).join("\n")}`,
            ).toBe(true);
          } else {
            // The default network's own faults: a lost, duplicated or held-up message, or a plain race.
            expect(chain[0].role, label).toMatch(/fault|race/);
          }
        }
      });
    }
  }
});

describe("chains read as the story", () => {
  it("the Kleppmann race: the slow link, then B overtakes A at search", () => {
    const { trace, report } = run(presetScenario("kleppmann-race") as Scenario);
    const isolation = report.anomalies.find((a) => a.kind === "isolation");
    if (isolation === undefined) throw new Error("no isolation anomaly");
    const chain = causeOf(trace, isolation);
    expect(chain.map((s) => s.text)).toEqual([
      "client-1's write of x = A to search is delayed 40 ms on a slow link (the network's usual is 5 ms)",
      "search applies client-2's x = B",
      "search applies client-1's x = A over x = B",
    ]);
    expect(chain.map((s) => s.role)).toEqual(["fault", "anomaly", "anomaly"]);
    expect(readCause(chain)[0]).toBe(
      "1. client-1's write of x = A to search is delayed 40 ms on a slow link (the network's usual is 5 ms) (20 ms).",
    );
  });

  it("acks=1 failover: the partition, the acknowledged append, the crash, the election without it", () => {
    const { trace, report } = run({
      ...(presetScenario("acks1-leader-failover") as Scenario),
      strategy: "log",
    });
    const [durability] = report.anomalies;
    const chain = causeOf(trace, durability);
    const types = chain.map((s) => trace.events.find((e) => e.seq === s.seq)?.type);
    expect(types[0]).toBe("partition");
    expect(types).toEqual(expect.arrayContaining(["append", "ack", "crash", "elect"]));
    expect(chain[chain.length - 1].text).toBe(
      "broker-2 is elected leader of partition 0 (epoch 1), without x = A",
    );
  });

  it("a consumer's crash before committing: restart, fetch from the old offset, apply again", () => {
    const { trace, report } = run(presetScenario("consumer-crash-incr") as Scenario);
    const duplicate = report.anomalies.find((a) => a.kind === "duplicate");
    if (duplicate === undefined) throw new Error("no duplicate");
    const texts = causeOf(trace, duplicate).map((s) => s.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        "consumer-cache crashes after applying 2 records it has not committed (down until 400 ms)",
        "consumer-cache restarts",
        "consumer-cache fetches 10 records from offset 0",
        "cache applies client-1's x += 1 again, making x = 3",
      ]),
    );
  });

  it("a client crash between writes names what each store got", () => {
    const { trace, report } = run(presetScenario("crash-between-writes") as Scenario);
    const atomicity = report.anomalies.find((a) => a.kind === "atomicity");
    if (atomicity === undefined) throw new Error("no atomicity");
    expect(causeOf(trace, atomicity)[0].text).toBe(
      "client-1 crashes in the middle of writing x = A: db applied it, cache and search never get it",
    );
  });

  it("a store that joined late: the join, then what it led to", () => {
    const { trace, report } = run({
      ...(presetScenario("log-replay") as Scenario),
      strategy: "dual-write",
    });
    const chain = causeOf(trace, report.anomalies[0]);
    expect(chain[0].text).toMatch(/^search joins late, at 500 ms, after y = E had been written$/);
    expect(chain[chain.length - 1].role).toBe("anomaly");
  });
});

describe("well-formed everywhere", () => {
  it("every anomaly of random scenarios with random faults", () => {
    fc.assert(
      fc.property(arbScenario, (scenario) => {
        const { trace, report } = run(scenario);
        for (const a of report.anomalies)
          expectWellFormed(trace, a, causeOf(trace, a), `${scenario.strategy} ${a.id}`);
      }),
      { numRuns: 60, seed: 16 },
    );
  });

  it("every anomaly of the default scenario over many seeds and strategies", () => {
    for (let seed = 1; seed <= 12; seed++) {
      for (const strategy of STRATEGIES) {
        const { trace, report } = run({
          ...(presetScenario("default") as Scenario),
          seed,
          strategy,
          dualWrite: { order: "parallel", retries: 2, timeoutMs: 100 },
        });
        for (const a of report.anomalies)
          expectWellFormed(trace, a, causeOf(trace, a), `seed ${seed} ${strategy} ${a.id}`);
      }
    }
  });

  it("withCauses attaches a chain to each anomaly and leaves the report as it was", () => {
    const { trace, report } = run(presetScenario("default") as Scenario);
    const before = JSON.stringify(report);
    const out = withCauses(trace, report);
    expect(out.map((a) => a.id)).toEqual(report.anomalies.map((a) => a.id));
    for (const a of out) expect(a.cause.length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).toBe(before);
  });

  it("is deterministic: the same trace gives the same chains", () => {
    const a = run(presetScenario("default") as Scenario);
    const b = run(presetScenario("default") as Scenario);
    expect(withCauses(a.trace, a.report)).toEqual(withCauses(b.trace, b.report));
  });
});
