/**
 * Runs a sweep on every core: one Web Worker per `navigator.hardwareConcurrency`,
 * each pulling the next chunk of runs when it finishes one. Where there is no
 * Worker (jsdom, old browsers) the same chunks run on the main thread with a
 * `setTimeout` between them, so progress still paints and cancel still works.
 */
import type { AnomalyKind } from "../../check/types";
import type { Scenario } from "../../sim/types";
import type { ShrinkResult } from "../../workshop/shrink";
import {
  chunkRanges,
  NOT_RUN,
  pointsFromMasks,
  runCount,
  type SweepPoint,
  type SweepSpec,
} from "../../workshop/sweep";
import { answer, type WorkerReply, type WorkerRequest } from "../../workshop/sweep.worker";
import { createSweepWorker } from "./sweep-worker";

export interface SweepProgress {
  done: number;
  total: number;
  /** Estimated wall-clock ms left, from the pace so far; null before the first chunk. */
  etaMs: number | null;
}

export interface SweepOutcome {
  points: SweepPoint[];
  cancelled: boolean;
  done: number;
  elapsedMs: number;
}

export interface SweepJob {
  result: Promise<SweepOutcome>;
  cancel: () => void;
}

interface Port {
  send: (req: WorkerRequest) => void;
  close: () => void;
}

function workerPort(onReply: (r: WorkerReply) => void): Port | null {
  if (typeof Worker === "undefined") return null;
  const w = createSweepWorker();
  w.onmessage = (e: MessageEvent<WorkerReply>) => onReply(e.data);
  return { send: (req) => w.postMessage(req), close: () => w.terminate() };
}

/** The fallback: answers on the main thread, one request per macrotask. */
function mainThreadPort(onReply: (r: WorkerReply) => void): Port {
  let closed = false;
  return {
    send: (req) => {
      setTimeout(() => {
        if (!closed) onReply(answer(req));
      }, 0);
    },
    close: () => {
      closed = true;
    },
  };
}

export function poolSize(): number {
  const cores = typeof navigator === "undefined" ? 1 : navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(16, cores));
}

/** About eight chunks per worker balances load without drowning in messages. */
function chunkSize(total: number, workers: number): number {
  return Math.max(2, Math.min(100, Math.ceil(total / (workers * 8))));
}

export function startSweep(spec: SweepSpec, onProgress: (p: SweepProgress) => void): SweepJob {
  const total = runCount(spec);
  const masks = new Array<number>(total).fill(NOT_RUN);
  const started = performance.now();
  let done = 0;
  let finished = false;
  let settle: (o: SweepOutcome) => void = () => {};
  const result = new Promise<SweepOutcome>((resolve) => {
    settle = resolve;
  });

  const hasWorkers = typeof Worker !== "undefined";
  const count = hasWorkers ? poolSize() : 1;
  const queue = chunkRanges(total, chunkSize(total, count));
  const ports: Port[] = [];
  const finish = (cancelled: boolean) => {
    if (finished) return;
    finished = true;
    for (const p of ports) p.close();
    settle({
      points: pointsFromMasks(spec, masks),
      cancelled,
      done,
      elapsedMs: performance.now() - started,
    });
  };
  let nextId = 0;
  const feed = (port: Port) => {
    const range = queue.shift();
    if (range !== undefined)
      port.send({ type: "chunk", id: nextId++, spec, from: range[0], to: range[1] });
  };
  const onReply = (port: () => Port) => (reply: WorkerReply) => {
    if (finished || reply.type !== "chunk") return;
    reply.masks.forEach((m, i) => {
      masks[reply.from + i] = m;
    });
    done += reply.masks.length;
    const elapsed = performance.now() - started;
    onProgress({ done, total, etaMs: (elapsed / done) * (total - done) });
    if (done >= total) finish(false);
    else feed(port());
  };
  for (let i = 0; i < count; i++) {
    let self: Port | null = null;
    const handler = onReply(() => self as Port);
    self = (hasWorkers ? workerPort(handler) : null) ?? mainThreadPort(handler);
    ports.push(self);
  }
  onProgress({ done: 0, total, etaMs: null });
  if (total === 0) finish(false);
  for (const p of ports) feed(p);
  return { result, cancel: () => finish(true) };
}

/** Shrinks off the main thread where a Worker exists. */
export function shrinkInBackground(scenario: Scenario, kind: AnomalyKind): Promise<ShrinkResult> {
  return new Promise((resolve) => {
    let port: Port | null = null;
    const onReply = (r: WorkerReply) => {
      port?.close();
      if (r.type === "shrink") resolve(r.result);
    };
    port = workerPort(onReply) ?? mainThreadPort(onReply);
    port.send({ type: "shrink", id: 0, scenario, kind });
  });
}
