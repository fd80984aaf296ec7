/**
 * How the page starts a sweep worker: a module worker from its own file of the
 * build. The single-file build (`npm run build:single`) swaps this module for
 * `sweep-worker.inline.ts`, whose worker is inlined in the page.
 */
export function createSweepWorker(): Worker {
  return new Worker(new URL("../../workshop/sweep.worker.ts", import.meta.url), {
    type: "module",
  });
}
