/**
 * `sweepRunsPerSec` for `npm run bench`: 1,000 runs of the `default` preset
 * (simulate + check each), split across every core with worker threads, as
 * the browser's sweep pool splits them across Web Workers.
 */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { presetScenario } from "../sim/presets";
import type { SweepSpec } from "../workshop/sweep";
import { runChunk } from "../workshop/sweep";

export const SWEEP_BENCH_RUNS = 1000;

function spec(): SweepSpec {
  const scenario = presetScenario("default");
  if (scenario === undefined) throw new Error("no default preset");
  return {
    scenario,
    strategies: ["dual-write"],
    param: "dropRate",
    values: [0.02],
    seeds: SWEEP_BENCH_RUNS,
  } as SweepSpec;
}

/** Runs the whole sweep on all cores and returns runs per second (wall clock, workers started beforehand). */
export async function sweepRunsPerSec(): Promise<{
  runsPerSec: number;
  workers: number;
  ms: number;
}> {
  const workers = Math.max(1, availableParallelism());
  const per = Math.ceil(SWEEP_BENCH_RUNS / workers);
  // Worker threads do not inherit tsx's loader: register it, then load this module.
  const boot = `(async () => { (await import("tsx/esm/api")).register(); await import(${JSON.stringify(import.meta.url)}); })();`;
  const pool = Array.from(
    { length: workers },
    () => new Worker(boot, { eval: true, workerData: { role: "sweep" } }),
  );
  try {
    // Let each worker load its modules before the clock starts, as a page's pool does once.
    await Promise.all(pool.map((w) => new Promise((resolve) => w.once("message", resolve))));
    const t0 = performance.now();
    const done = pool.map(
      (w, i) =>
        new Promise<number>((resolve, reject) => {
          w.once("message", (n: number) => resolve(n));
          w.once("error", reject);
          w.postMessage([i * per, Math.min(SWEEP_BENCH_RUNS, (i + 1) * per)]);
        }),
    );
    const runs = (await Promise.all(done)).reduce((a, b) => a + b, 0);
    const ms = performance.now() - t0;
    return { runsPerSec: Math.round((runs / ms) * 1000), workers, ms: Math.round(ms) };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === "sweep") {
  const port = parentPort;
  port?.postMessage("ready");
  port?.on("message", ([from, to]: [number, number]) => {
    runChunk(spec(), from, to);
    port.postMessage(to - from);
  });
}
