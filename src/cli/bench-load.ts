/**
 * `npm run bench:load [-- --json] [--runs 5] [--port 4203] [--no-build | --dist <folder>]`:
 * what opening the worst accepted link (`worst-link.ts`) costs the page once
 * the run worker has answered. Builds the app, serves it, and for each run
 * opens the page afresh in headless Chromium, waits for the default run,
 * opens a warm-up link, then sets the link's hash and records a Chromium
 * trace until the page is quiet.
 *
 * Figures per run:
 * - longest main-thread task that ends after the worker's answer arrives (the
 *   answer is timestamped by a `message` listener installed before the app's
 *   own, on every Worker the page makes), and how long from the answer until
 *   the last task of 50 ms or more ended;
 * - the JS heap after loading it, after three forced collections
 *   (`HeapProfiler.collectGarbage`, `Runtime.getHeapUsage`), its growth over
 *   the heap with the default run on show (before the warm-up link), and the ArrayBuffer backing stores (the trace's
 *   columns live there, outside the JS heap);
 * - the run's event count, as the run summary shows it.
 * The summary line gives medians: the machine is shared and noisy.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type CDPSession, chromium, type Page } from "@playwright/test";
import { HEAD_EVENTS } from "../sim/trace-columns";
import { encodeLink } from "../url/index";
import { build, serve, stop, stopOnSignal, waitForServer } from "./bench-serve";
import { median } from "./bench-ui-measure";
import { chromiumLaunchOptions } from "./chromium";
import { worstAcceptedScenario } from "./worst-link";

interface Options {
  json: boolean;
  runs: number;
  port: number;
  build: boolean;
  /** Serve this folder (an earlier build, to compare) instead of building. */
  dist: string | null;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number`);
    return n;
  };
  return {
    json: argv.includes("--json"),
    runs: value("--runs", 5),
    port: value("--port", 4203),
    build: !argv.includes("--no-build") && !argv.includes("--dist"),
    dist: argv.includes("--dist") ? (argv[argv.indexOf("--dist") + 1] ?? null) : null,
  };
}

const OUT_DIR = join(tmpdir(), "inside-out-bench-load");
/** A task this long is a "long task" (the Long Tasks API's threshold). */
const LONG_TASK_MS = 50;
/** The page counts as settled after this long with no long task. */
const QUIET_MS = 1_500;
const ANSWER_MARK = "bench-load: worker answered";

/**
 * Timestamps every message a worker posts to the page, before the app's own
 * handler runs (a listener added in the constructor comes before `onmessage`,
 * set later). A string: tsx would wrap a function's inner helpers in `__name`.
 */
const WATCH_WORKERS = `(() => {
  const Base = window.Worker;
  window.__answers = [];
  window.Worker = class extends Base {
    constructor(url, options) {
      super(url, options);
      this.addEventListener("message", () => {
        window.__answers.push(performance.now());
        console.timeStamp(${JSON.stringify(ANSWER_MARK)});
      });
    }
  };
})()`;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the task, µs: what the task cost, whatever else the machine ran. */
  tdur?: number;
  args?: { name?: string; data?: { message?: string } };
}

export interface LoadFigures {
  events: number;
  longestTaskMs: number;
  /**
   * The most main-thread CPU time any of those tasks took: on a shared machine
   * a task's wall time also counts the time it waited for a core.
   */
  longestTaskCpuMs: number;
  /** From the answer to the end of the last long task (0 when there is none). */
  blockedForMs: number;
  longTasks: number;
  heapMB: number;
  heapGrowthMB: number;
  backingStoresMB: number;
  /** Growth of the ArrayBuffer backing stores over the default run's. */
  backingGrowthMB: number;
  /** What the trace's columns take (`TraceColumns`: 80 bytes an event past the first 4,096). */
  columnsMB: number;
}

/** The main thread's tasks that end after the worker's answer, from a Chromium trace. */
function tasksAfterAnswer(events: TraceEvent[]): { answer: number; tasks: TraceEvent[] } {
  const mark = events.find((e) => e.name === "TimeStamp" && e.args?.data?.message === ANSWER_MARK);
  if (mark === undefined) throw new Error("the trace has no worker answer in it");
  const main = events.find(
    (e) =>
      e.ph === "M" &&
      e.name === "thread_name" &&
      e.pid === mark.pid &&
      e.args?.name === "CrRendererMain",
  );
  const tid = main?.tid ?? mark.tid;
  const tasks = events.filter(
    (e) =>
      (e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask") &&
      e.ph === "X" &&
      e.pid === mark.pid &&
      e.tid === tid &&
      e.dur !== undefined &&
      e.ts + e.dur > mark.ts,
  );
  return { answer: mark.ts, tasks };
}

async function heap(cdp: CDPSession): Promise<{ used: number; backing: number }> {
  // Dead ArrayBuffers' memory is freed by a sweeper after the collection: give it time.
  for (let i = 0; i < 3; i++) {
    await cdp.send("HeapProfiler.collectGarbage");
    await new Promise((r) => setTimeout(r, 300));
  }
  const h = (await cdp.send("Runtime.getHeapUsage")) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  return { used: h.usedSize, backing: h.backingStorageSize ?? Number.NaN };
}

/** Resolves once no long task has ended for QUIET_MS (polled through the Long Tasks API). */
const WAIT_QUIET = `new Promise((resolve) => {
  let last = performance.now();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) last = Math.max(last, e.startTime + e.duration);
  }).observe({ type: "longtask" });
  const poll = () => (performance.now() - last > ${QUIET_MS} ? resolve(true) : setTimeout(poll, 100));
  setTimeout(poll, 100);
})`;

async function eventCount(page: Page): Promise<number> {
  const text = await page
    .getByLabel("Run summary")
    .locator("div")
    .filter({ has: page.getByText("Events", { exact: true }) })
    .locator("dd")
    .textContent();
  return Number((text ?? "").replace(/[^0-9]/g, ""));
}

/** Opens a link and waits until it is on show and the page is quiet again. */
async function openLink(page: Page, hash: string, answers: number): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.waitForFunction(
    (n) => ((window as unknown as { __answers?: number[] }).__answers?.length ?? 0) > n,
    answers,
    { timeout: 60_000 },
  );
  await page
    .getByRole("status")
    .filter({ hasText: "in the background" })
    .waitFor({ state: "detached", timeout: 60_000 });
  await page.evaluate(WAIT_QUIET);
}

/**
 * One fresh page: the default run, then a warm-up link (the same scenario
 * with another seed: a cold run worker simulates a tenth as many events in
 * its budget), then the measured link.
 */
async function measureLoad(
  browser: Browser,
  base: string,
  warmUp: string,
  hash: string,
): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.addInitScript(WATCH_WORKERS);
    await page.goto(`${base}/`);
    await page.getByRole("button", { name: "Play", exact: true }).waitFor();
    await page.evaluate(WAIT_QUIET);
    const cdp = await context.newCDPSession(page);
    const before = await heap(cdp);
    await openLink(page, warmUp, 0);
    await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline"] });
    await openLink(page, hash, 1);
    const buffer = await browser.stopTracing();
    const after = await heap(cdp);
    const events = await eventCount(page);
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    const trace = JSON.parse(buffer.toString("utf8")) as { traceEvents: TraceEvent[] };
    const { answer, tasks } = tasksAfterAnswer(trace.traceEvents);
    const long = tasks.filter((t) => (t.dur ?? 0) / 1000 >= LONG_TASK_MS);
    const longest = tasks.reduce<TraceEvent | undefined>(
      (a, t) => (a === undefined || (t.dur ?? 0) > (a.dur ?? 0) ? t : a),
      undefined,
    );
    const MB = 1024 * 1024;
    return {
      events,
      longestTaskMs: (longest?.dur ?? 0) / 1000,
      longestTaskCpuMs: Math.max(0, ...tasks.map((t) => (t.tdur ?? Number.NaN) / 1000)),
      blockedForMs: Math.max(0, ...long.map((t) => (t.ts + (t.dur ?? 0) - answer) / 1000)),
      longTasks: long.length,
      heapMB: after.used / MB,
      heapGrowthMB: (after.used - before.used) / MB,
      backingStoresMB: after.backing / MB,
      backingGrowthMB: (after.backing - before.backing) / MB,
      columnsMB: (Math.ceil(Math.max(0, events - HEAD_EVENTS) / 1024) * 1024 * 80) / MB,
    };
  } finally {
    await context.close();
  }
}

/** How much a figure (in MB) grows per event across the runs: the slope of a least-squares line. */
function perEvent(runs: LoadFigures[], figure: (r: LoadFigures) => number, scale = 1): string {
  const n = runs.length;
  const mx = runs.reduce((a, r) => a + r.events, 0) / n;
  const my = runs.reduce((a, r) => a + figure(r), 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const r of runs) {
    sxy += (r.events - mx) * (figure(r) - my);
    sxx += (r.events - mx) ** 2;
  }
  return sxx === 0 ? "n/a" : ((sxy / sxx) * 1024 * 1024 * scale).toFixed(0);
}

function table(runs: LoadFigures[], summary: LoadFigures): string {
  const f = (n: number, w = 9) => n.toFixed(1).padStart(w);
  const row = (label: string, r: LoadFigures) =>
    `${label.padEnd(7)} ${String(r.events).padStart(8)} ${f(r.longestTaskMs, 10)} ${f(r.longestTaskCpuMs, 8)} ${f(r.blockedForMs, 10)} ${String(r.longTasks).padStart(6)} ${f(r.heapMB)} ${f(r.heapGrowthMB)} ${f(r.backingStoresMB)} ${f(r.backingGrowthMB)} ${f(r.columnsMB)}`;
  return [
    `worst accepted link, ${runs.length} loads`,
    "         events  longest ms  most CPU ms  blocked ms  long≥50  heap MB  +heap MB  buffers MB  +buffers MB  columns MB",
    ...runs.map((r, i) => row(`run ${i + 1}`, r)),
    row("median", summary),
    `per event (least-squares slope over the runs, whose sizes the budget varies): JS heap ${perEvent(runs, (r) => r.heapGrowthMB)} bytes, buffers ${perEvent(runs, (r) => r.backingGrowthMB)} bytes, main-thread CPU of the costliest task ${perEvent(runs, (r) => r.longestTaskCpuMs / 1024 / 1024, 1e6)} ns`,
    `target: longest main-thread task after the worker answers <= 150 ms: ${summary.longestTaskMs <= 150 ? "met" : "NOT met"}`,
  ].join("\n");
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const log = (s: string) => {
    if (!opts.json) console.log(s);
  };
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  const cleanUp = () => stop(server);
  stopOnSignal(cleanUp);
  try {
    const dir = opts.dist ?? OUT_DIR;
    if (opts.dist === null && (opts.build || !existsSync(join(OUT_DIR, "index.html"))))
      build(OUT_DIR, log);
    server = serve(dir, opts.port);
    const base = `http://127.0.0.1:${opts.port}`;
    await waitForServer(base, server);
    browser = await chromium.launch(chromiumLaunchOptions);
    const warmUp = worstAcceptedScenario();
    warmUp.seed += 1;
    const hash = encodeLink(worstAcceptedScenario());
    const runs: LoadFigures[] = [];
    for (let i = 0; i < opts.runs; i++) {
      runs.push(await measureLoad(browser, base, encodeLink(warmUp), hash));
      log(`run ${i + 1}: ${JSON.stringify(runs[i])}`);
    }
    const pick = (k: keyof LoadFigures) => median(runs.map((r) => r[k]));
    const summary: LoadFigures = {
      events: pick("events"),
      longestTaskMs: pick("longestTaskMs"),
      longestTaskCpuMs: pick("longestTaskCpuMs"),
      blockedForMs: pick("blockedForMs"),
      longTasks: pick("longTasks"),
      heapMB: pick("heapMB"),
      heapGrowthMB: pick("heapGrowthMB"),
      backingStoresMB: pick("backingStoresMB"),
      backingGrowthMB: pick("backingGrowthMB"),
      columnsMB: pick("columnsMB"),
    };
    if (opts.json) console.log(JSON.stringify({ median: summary, runs }));
    else console.log(table(runs, summary));
  } finally {
    await browser?.close().catch(() => undefined);
    cleanUp();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
