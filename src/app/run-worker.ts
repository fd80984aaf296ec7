/**
 * How the page starts its run worker: a module worker from its own file of
 * the build. The single-file build (`npm run build:single`) swaps this module
 * for `run-worker.inline.ts`, whose worker is inlined in the page.
 */
export function createRunWorker(): Worker {
  return new Worker(new URL("./run.worker.ts", import.meta.url), { type: "module" });
}
