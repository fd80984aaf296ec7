/**
 * `npm run bench [-- --json]`: how fast the engine runs, as medians of several
 * runs after a warm-up. Performance claims come from here, not from timed tests.
 */
import { performance } from "node:perf_hooks";
import { defaultScenario } from "../sim/defaults";
import { EventHeap } from "../sim/heap";
import { createRng } from "../sim/prng";
import { simulate } from "../sim/simulate";
import type { Scenario } from "../sim/types";
import { measureFirstVisitOfBuild } from "./bench-first-visit";
import { measureBundle } from "./bundle-size";
import { sweepRunsPerSec } from "./sweep-bench";

const RUNS = 7;
/** Fresh page loads over emulated venue Wi-Fi; the median is reported. */
const FIRST_VISIT_LOADS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The default scenario scaled up past 100,000 events: eight clients, 6,000 writes, same lossy network. */
export function bigScenario(strategy: Scenario["strategy"] = "dual-write"): Scenario {
  const s = defaultScenario();
  return {
    ...s,
    name: `bench-${strategy}`,
    strategy,
    clients: 8,
    workload: {
      kind: "generated",
      writes: strategy === "log" ? 4000 : 6000,
      keys: 50,
      ratePerSec: 1000,
      op: "set",
      readRate: 0,
      startMs: 10,
    },
    caps: { maxEvents: 2_000_000, maxTimeMs: 600_000 },
  };
}

/**
 * One run from scratch. `withObjects` also makes every `TraceEvent` object of
 * it: what the page pays once when it first reads `trace.events` (the
 * checkers read the columns).
 */
function timeSimulate(s: Scenario, withObjects = false): { ms: number; events: number } {
  const t0 = performance.now();
  const trace = simulate(s);
  const events = withObjects ? trace.events.length : trace.columns.length;
  return { ms: performance.now() - t0, events };
}

/** The same heap, the same number of events, no simulation: the floor the engine is compared with. */
function timeBareHeap(events: number): number {
  const heap = new EventHeap<number>();
  const rng = createRng(1);
  let seq = 0;
  for (let i = 0; i < 1000; i++) heap.push(rng.int(0, 100), seq++, i);
  const t0 = performance.now();
  let now = 0;
  let sink = 0;
  for (let i = 0; i < events; i++) {
    now = heap.peekTime();
    sink += heap.pop();
    heap.push(now + rng.int(1, 20), seq++, i);
  }
  const ms = performance.now() - t0;
  if (sink === -1) console.log(sink);
  return ms;
}

function eventsPerSecOf(
  s: Scenario,
  withObjects = false,
): { events: number; eventsPerSec: number } {
  const runs = Array.from({ length: RUNS }, () => timeSimulate(s, withObjects));
  return {
    events: runs[0].events,
    eventsPerSec: median(runs.map((r) => (r.events / r.ms) * 1000)),
  };
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const big = bigScenario("dual-write");
  const bigLog = bigScenario("log");
  const def = defaultScenario();
  // Warm-up: let the JIT see every path.
  for (let i = 0; i < 2; i++) {
    timeSimulate(big);
    timeSimulate(bigLog);
    timeSimulate(def);
  }
  const { events, eventsPerSec } = eventsPerSecOf(big);
  const log = eventsPerSecOf(bigLog);
  const withObjects = eventsPerSecOf(big, true);
  const heapRuns = Array.from({ length: RUNS }, () => timeBareHeap(events));
  const bareHeapEventsPerSec = median(heapRuns.map((ms) => (events / ms) * 1000));
  const defaultScenarioMs = median(Array.from({ length: 25 }, () => timeSimulate(def).ms));
  const result = {
    events,
    eventsPerSec: Math.round(eventsPerSec),
    bareHeapEventsPerSec: Math.round(bareHeapEventsPerSec),
    ratio: Number((eventsPerSec / bareHeapEventsPerSec).toFixed(3)),
    defaultScenarioMs: Number(defaultScenarioMs.toFixed(3)),
    eventsPerSecWithObjects: Math.round(withObjects.eventsPerSec),
    logRunEvents: log.events,
    logRunEventsPerSec: Math.round(log.eventsPerSec),
    runs: RUNS,
    bundleGzipKB: process.argv.includes("--no-bundle") ? null : measureBundle().gzipKB,
    sweepRunsPerSec: 0,
    sweepWorkers: 0,
    /** Median ms to Play and the timeline on screen over venue Wi-Fi (src/cli/bench-first-visit.ts). */
    firstVisitSlowNetMs: null as number | null,
    firstVisitSlowNetLoadsMs: [] as number[],
  };
  const sweeps = [await sweepRunsPerSec(), await sweepRunsPerSec(), await sweepRunsPerSec()];
  result.sweepRunsPerSec = median(sweeps.map((x) => x.runsPerSec));
  result.sweepWorkers = sweeps[0].workers;
  if (!process.argv.includes("--no-first-visit")) {
    const visit = await measureFirstVisitOfBuild(FIRST_VISIT_LOADS);
    result.firstVisitSlowNetMs = visit.medianMs;
    result.firstVisitSlowNetLoadsMs = visit.loadsMs;
  }
  if (json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log("Inside Out engine benchmark (medians of %d runs after warm-up)", RUNS);
  console.log(`  dual-write run events   ${result.events.toLocaleString("en")}`);
  console.log(`  simulate events/s       ${result.eventsPerSec.toLocaleString("en")}`);
  console.log(`  bare heap events/s      ${result.bareHeapEventsPerSec.toLocaleString("en")}`);
  console.log(`  ratio                   ${result.ratio}`);
  console.log(
    `  events/s, with objects  ${result.eventsPerSecWithObjects.toLocaleString("en")} (simulate, then read trace.events)`,
  );
  console.log(`  log run events          ${result.logRunEvents.toLocaleString("en")}`);
  console.log(`  log run events/s        ${result.logRunEventsPerSec.toLocaleString("en")}`);
  console.log(`  default scenario        ${result.defaultScenarioMs} ms`);
  console.log(`  first-visit JS (gzip)   ${result.bundleGzipKB ?? "not measured"} KB`);
  console.log(
    `  first visit, slow net   ${result.firstVisitSlowNetMs ?? "not measured"} ms (Play and timeline on screen; 1.6 Mb/s, 150 ms; median of ${FIRST_VISIT_LOADS} fresh loads: ${result.firstVisitSlowNetLoadsMs.join(", ")})`,
  );
  console.log(
    `  sweep runs/s            ${result.sweepRunsPerSec} (1,000 default runs on ${result.sweepWorkers} workers)`,
  );
}

await main();
