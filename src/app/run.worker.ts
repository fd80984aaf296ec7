/**
 * The page's run worker: simulates and checks a big scenario off the main
 * thread and hands the trace back with its column buffers transferred, not
 * copied.
 */
import type { Scenario } from "../sim/types";
import { type PackedRun, packRun, runScenario } from "./run";

export interface RunRequest {
  id: number;
  scenario: Scenario;
}

export type RunReply = { id: number; packed: PackedRun } | { id: number; error: string };

// Only inside a worker: importing this module elsewhere must not install a handler.
const scope = globalThis as unknown as {
  WorkerGlobalScope?: unknown;
  onmessage: ((e: MessageEvent<RunRequest>) => void) | null;
  postMessage: (reply: RunReply, transfer: Transferable[]) => void;
};
if (typeof scope.WorkerGlobalScope !== "undefined") {
  scope.onmessage = (e) => {
    const { id, scenario } = e.data;
    try {
      const { packed, transfer } = packRun(runScenario(scenario));
      scope.postMessage({ id, packed }, transfer);
    } catch (err) {
      scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }, []);
    }
  };
}
