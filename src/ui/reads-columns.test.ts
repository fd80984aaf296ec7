import { describe, expect, it } from "vitest";
import { partitionAt } from "../app/log-index";
import { storeAt } from "../app/store-index";
import { traceIndex } from "../app/trace-index";
import { check } from "../check";
import { defaultScenario } from "../sim/defaults";
import { SimulatedTrace, simulate } from "../sim/simulate";
import { HEAD_EVENTS, TraceColumns } from "../sim/trace-columns";
import type { Trace } from "../sim/types";
import { cellValueAt, firstLitTime, spotlightSeqs } from "../tour/spotlight";
import { traceFacts } from "../tour/trace-facts";
import { introFacts } from "./help/FirstVisit";
import { causalParent } from "./timeline/causal";
import { buildGeometry } from "./timeline/geometry";

/** A log run long enough that most of it is in columns, with a crash and a partition. */
function longRun(): SimulatedTrace {
  const s = defaultScenario();
  s.strategy = "log";
  s.seed = 11;
  if (s.workload.kind === "generated") {
    s.workload.writes = 300;
    s.workload.ratePerSec = 200;
  }
  s.schedule = [
    { at: 300, kind: "crash", node: "cache", restartAt: 600 },
    { at: 700, kind: "partition", a: ["consumer-search"], b: ["broker-1"], until: 900 },
  ];
  const trace = simulate(s);
  if (!(trace instanceof SimulatedTrace)) throw new Error("not a simulated trace");
  return trace;
}

/** The same run with its `events` array unreachable: any reader of it throws. */
function columnsOnly(trace: SimulatedTrace): Trace {
  if (!(trace.columns instanceof TraceColumns)) throw new Error("no columns");
  const guarded = new SimulatedTrace(trace, trace.columns);
  Object.defineProperty(guarded, "events", {
    get() {
      throw new Error("a page reader made every event object (trace.events)");
    },
  });
  return guarded;
}

/** The same run as a hand-built trace: the event objects, no columns. */
function objectsOnly(trace: SimulatedTrace): Trace {
  return { ...trace, columns: undefined, events: trace.columns.toEvents() };
}

describe("the page reads a run through its columns", () => {
  const run = longRun();
  const cols = columnsOnly(run);
  const objs = objectsOnly(run);
  const report = check(run);
  const mid = run.endTime / 2;

  it("is a run long enough to reach the columns", () => {
    expect(run.columns.length).toBeGreaterThan(3 * HEAD_EVENTS);
  });

  it("indexes it for stepping, the stores and the log without event objects, as from objects", () => {
    const a = traceIndex(cols);
    const b = traceIndex(objs);
    expect(a.times).toEqual(b.times);
    for (const store of a.stores.stores)
      for (const t of [mid, run.endTime])
        expect(storeAt(a.stores, store, t)).toEqual(storeAt(b.stores, store, t));
    expect(a.stores.joinedAt).toEqual(b.stores.joinedAt);
    expect(a.log).not.toBeNull();
    if (a.log === null || b.log === null) return;
    for (let p = 0; p < a.log.partitions; p++)
      for (const t of [mid, run.endTime])
        expect(partitionAt(a.log, p, t)).toEqual(partitionAt(b.log, p, t));
  });

  it("builds the timeline's geometry and walks causes back without event objects", () => {
    const a = buildGeometry(cols);
    const b = buildGeometry(objs);
    expect(a.arrows).toEqual(b.arrows);
    expect(a.marks).toEqual(b.marks);
    expect(a.crashes).toEqual(b.crashes);
    expect(a.partitions).toEqual(b.partitions);
    expect(a.laneEvents).toEqual(b.laneEvents);
    expect(a.sendOfMsg).toEqual(b.sendOfMsg);
    expect(a.invokeOfWrite).toEqual(b.invokeOfWrite);
    expect(a.endTime).toBe(b.endTime);
    const restart = a.crashes[0];
    expect(restart).toBeDefined();
    for (const seq of [a.arrows.endSeq[a.arrows.n - 1], a.marks.seq[a.marks.n - 1], 17]) {
      const e = a.eventBySeq(seq);
      expect(e).toEqual(b.eventBySeq(seq));
      if (e !== undefined) expect(causalParent(a, e)).toEqual(causalParent(b, e));
    }
    const restartSeq = run.columns.toEvents().find((e) => e.type === "restart")?.seq;
    if (restartSeq === undefined) throw new Error("no restart");
    const parent = causalParent(a, a.eventBySeq(restartSeq) ?? run.columns.get(0));
    expect(parent?.type).toBe("crash");
  });

  it("gives the intro, the tour's spotlights and its counts without event objects", () => {
    expect(introFacts(cols, report)).toEqual(introFacts(objs, report));
    const lanes = { lanes: ["cache", "broker-1"] };
    expect(spotlightSeqs(lanes, cols, report, mid)).toEqual(
      spotlightSeqs(lanes, objs, report, mid),
    );
    expect(spotlightSeqs(lanes, cols, report, mid).length).toBeGreaterThan(0);
    expect(cellValueAt(cols, "search", "k1", mid)).toEqual(cellValueAt(objs, "search", "k1", mid));
    expect(traceFacts(cols, run.endTime)).toEqual(traceFacts(objs, run.endTime));
    const seqs = report.anomalies.flatMap((x) => x.events);
    expect(firstLitTime(run.columns, seqs, run.endTime)).toBe(
      objs.events.find((e) => seqs.includes(e.seq))?.t,
    );
  });
});
