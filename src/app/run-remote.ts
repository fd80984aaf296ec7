/**
 * Runs a scenario in the page's run worker. One worker, started on first use
 * and kept; replies are matched to requests by id. Where there is no Worker
 * (jsdom, old browsers) `runInBackground` returns null and the caller runs
 * the scenario itself.
 */
import type { Scenario } from "../sim/types";
import { type Run, unpackRun } from "./run";
import type { RunReply, RunRequest } from "./run.worker";
import { createRunWorker } from "./run-worker";

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (run: Run) => void; reject: (e: Error) => void }>();

function failAll(message: string): void {
  for (const w of waiting.values()) w.reject(new Error(message));
  waiting.clear();
  worker?.terminate();
  worker = null;
}

function runWorker(): Worker | null {
  if (worker !== null) return worker;
  if (typeof Worker === "undefined") return null;
  try {
    worker = createRunWorker();
  } catch {
    return null;
  }
  worker.onmessage = (e: MessageEvent<RunReply>) => {
    const reply = e.data;
    const w = waiting.get(reply.id);
    if (w === undefined) return;
    waiting.delete(reply.id);
    if ("error" in reply) w.reject(new Error(reply.error));
    else w.resolve(unpackRun(reply.packed));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    failAll(e.message || "the run worker failed");
  };
  return worker;
}

/** The run, computed in the worker; null when there is no worker to ask. */
export function runInBackground(scenario: Scenario): Promise<Run> | null {
  const w = runWorker();
  if (w === null) return null;
  const id = ++nextId;
  return new Promise<Run>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    const request: RunRequest = { id, scenario };
    w.postMessage(request);
  });
}
