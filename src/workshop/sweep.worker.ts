/**
 * A sweep worker: runs slices of a sweep (and shrinks) off the main thread,
 * so the page stays responsive while every core simulates.
 */
import type { AnomalyKind } from "../check/types";
import type { Scenario } from "../sim/types";
import { keepsStory, type ShrinkResult, shrink } from "./shrink";
import { runChunk, type SweepSpec } from "./sweep";

export type WorkerRequest =
  | { type: "chunk"; id: number; spec: SweepSpec; from: number; to: number }
  | { type: "shrink"; id: number; scenario: Scenario; kind: AnomalyKind };

export type WorkerReply =
  | { type: "chunk"; id: number; from: number; masks: number[] }
  | { type: "shrink"; id: number; result: ShrinkResult };

/** The reply to one request; shared with the pool's main-thread fallback so both answer alike. */
export function answer(req: WorkerRequest): WorkerReply {
  if (req.type === "chunk")
    return {
      type: "chunk",
      id: req.id,
      from: req.from,
      masks: runChunk(req.spec, req.from, req.to),
    };
  return {
    type: "shrink",
    id: req.id,
    result: shrink(req.scenario, keepsStory(req.scenario, req.kind)),
  };
}

// Only inside a worker: importing this module elsewhere (tests, the fallback) must not install a handler.
const scope = globalThis as unknown as {
  WorkerGlobalScope?: unknown;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (reply: WorkerReply) => void;
};
if (typeof scope.WorkerGlobalScope !== "undefined") {
  scope.onmessage = (e) => scope.postMessage(answer(e.data));
}
