/**
 * The run worker of the single-file build: its code is inlined in the page and
 * started from a blob: URL, so it works from file:// with no other file.
 * vite.config.ts uses this module in place of `run-worker.ts` there only.
 */
import RunWorker from "./run.worker.ts?worker&inline";

export function createRunWorker(): Worker {
  return new RunWorker();
}
