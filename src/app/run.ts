import { check } from "../check";
import type { Report } from "../check/types";
import { SimulatedTrace, simulate } from "../sim/simulate";
import { type PackedColumns, TraceColumns } from "../sim/trace-columns";
import type { Scenario, Trace } from "../sim/types";

/**
 * Simulation stops after this much wall-clock time (capped: budget). The check,
 * the page's event objects, indexing and the first draw come after it and take
 * longer than the simulation itself for the same events. Measured in headless
 * Chromium on the worst accepted link: with 0.8 s here it showed after 2.4–2.6 s,
 * with 0.5 s after 1.2–1.6 s.
 */
export const RUN_BUDGET_MS = 500;

function wallClockBudget(ms: number): () => boolean {
  const deadline = performance.now() + ms;
  return () => performance.now() > deadline;
}

export interface Run {
  trace: Trace;
  report: Report | null;
  /** Set when the checker threw: the run still shows, without anomalies. */
  checkError: string | null;
}

/**
 * The one door from a scenario to what the views show. The store calls it
 * directly for presets and other small scenarios (a few milliseconds); the run
 * worker (`run.worker.ts`) calls it for big ones (`isHeavy`).
 */
export function runScenario(scenario: Scenario): Run {
  const trace = simulate(scenario, { shouldStop: wallClockBudget(RUN_BUDGET_MS) });
  try {
    return { trace, report: check(trace), checkError: null };
  } catch (err) {
    return { trace, report: null, checkError: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Scenarios this big run in a Web Worker when there is one (`run-remote.ts`):
 * every preset, tour step and exercise is far smaller and runs at once here.
 */
export const BACKGROUND_OPS = 1000;

/** Operations of the workload: generated writes, or scripted ops. */
export function writesOf(scenario: Scenario): number {
  const w = scenario.workload;
  return w.kind === "generated" ? w.writes : w.ops.length;
}

export function isHeavy(scenario: Scenario): boolean {
  return writesOf(scenario) >= BACKGROUND_OPS;
}

/**
 * A run as plain data for `postMessage`; `transfer` lists the trace's column
 * buffers. Once they are transferred, this side's trace can no longer be read.
 */
export interface PackedRun {
  trace: Omit<Trace, "events" | "columns">;
  columns: PackedColumns;
  report: Report | null;
  checkError: string | null;
}

export function packRun(run: Run): { packed: PackedRun; transfer: ArrayBuffer[] } {
  const t = run.trace;
  if (!(t.columns instanceof TraceColumns)) throw new Error("only a simulated run can be packed");
  const columns = t.columns.pack();
  return {
    packed: {
      trace: {
        scenario: t.scenario,
        nodes: t.nodes,
        writes: t.writes,
        quiescedAt: t.quiescedAt,
        capped: t.capped,
        endTime: t.endTime,
        traceHash: t.traceHash,
        final: t.final,
      },
      columns,
      report: run.report,
      checkError: run.checkError,
    },
    transfer: columns.buffers,
  };
}

export function unpackRun(p: PackedRun): Run {
  return {
    trace: new SimulatedTrace(p.trace, TraceColumns.unpack(p.columns)),
    report: p.report,
    checkError: p.checkError,
  };
}
