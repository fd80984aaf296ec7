/**
 * The sweep worker of the single-file build: its code is inlined in the page
 * and started from a blob: URL, so it works from file:// with no other file.
 * vite.config.ts uses this module in place of `sweep-worker.ts` there only.
 */
import SweepWorker from "../../workshop/sweep.worker.ts?worker&inline";

export function createSweepWorker(): Worker {
  return new SweepWorker();
}
