import type { Trace } from "../sim/types";
import type { Run } from "./run";
import { traceIndex } from "./trace-index";

/**
 * Work the views of a big run will need, done before the run is shown, one
 * piece per task of the main thread. A run from the worker arrives in one
 * message; building the timeline's geometry, the stores' and the log's indexes
 * and then rendering them all in that one task blocked the page for a quarter
 * of a second on the worst accepted link. Split into tasks, a click or a key
 * between them is answered, and the render that shows the run finds its
 * indexes made (each is cached per trace).
 */
export type Warmer = (trace: Trace) => void;

const warmers: Warmer[] = [
  (trace) => void traceIndex(trace).stores,
  (trace) => void traceIndex(trace).log,
  (trace) => void traceIndex(trace).times,
];

/**
 * Adds work to do before a big run shows (the views register theirs, e.g. the
 * timeline's geometry); returns what takes it back off.
 */
export function warmBeforeShow(warmer: Warmer): () => void {
  if (!warmers.includes(warmer)) warmers.push(warmer);
  return () => {
    const i = warmers.indexOf(warmer);
    if (i >= 0) warmers.splice(i, 1);
  };
}

/** Lets the main thread take other work (input, a frame) before the next piece. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs every warmer on the run's trace, each in a task of its own, then
 * resolves in a fresh task (where the run is shown). Stops early when the run
 * is no longer wanted (a newer edit), and a warmer that throws is skipped: the
 * view builds what it needs when it renders, as it would without warming.
 */
export async function warmUp(run: Run, stillWanted: () => boolean): Promise<void> {
  for (const warm of warmers) {
    await nextTask();
    if (!stillWanted()) return;
    try {
      warm(run.trace);
    } catch {
      // The view meets the same input when it renders, and reports it there.
    }
  }
  await nextTask();
}
