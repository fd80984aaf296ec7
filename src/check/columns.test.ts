import { describe, expect, it } from "vitest";
import { presetScenario } from "../sim/presets";
import { simulate } from "../sim/simulate";
import { HEAD_EVENTS } from "../sim/trace-columns";
import { STRATEGIES, type Trace } from "../sim/types";
import { check } from "./index";

/** The same trace with its events as a plain array and no columns: the checkers' other path. */
function asArray(trace: Trace): Trace {
  return {
    scenario: trace.scenario,
    nodes: trace.nodes,
    writes: trace.writes,
    events: trace.events,
    quiescedAt: trace.quiescedAt,
    capped: trace.capped,
    endTime: trace.endTime,
    traceHash: trace.traceHash,
    final: trace.final,
  };
}

describe("checking a long run's columns", () => {
  it("reports exactly what checking its events as objects reports", () => {
    const base = presetScenario("default");
    if (base === undefined) throw new Error("no default preset");
    let anomalies = 0;
    for (const strategy of STRATEGIES) {
      for (const seed of [1, 2]) {
        const trace = simulate({
          ...base,
          strategy,
          seed,
          clients: 3,
          workload: { ...base.workload, kind: "generated", writes: 1200, keys: 4, readRate: 0.2 },
          schedule: [{ at: 300, kind: "crash", node: "cache", restartAt: 900 }],
        } as typeof base);
        // Most of the run lies past the events kept as objects.
        expect(trace.columns.length).toBeGreaterThan(2 * HEAD_EVENTS);
        const fromColumns = check(trace);
        expect(fromColumns).toEqual(check(asArray(trace)));
        anomalies += fromColumns.anomalies.length;
      }
    }
    expect(anomalies).toBeGreaterThan(0);
    // Eight 1,200-write runs checked twice: ~2 s alone, several times that on a busy machine.
  }, 30_000);
});
