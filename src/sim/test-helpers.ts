import { DEFAULT_LINK, defaultScenario } from "./defaults";
import { presetScenario } from "./presets";
import { simulate } from "./simulate";
import type { Scenario, ScriptOp, Trace, TraceEvent } from "./types";

/** Test-only helpers: small scenarios on a steady 5 ms network, and trace queries. */
export function scriptScenario(ops: ScriptOp[], patch: Partial<Scenario> = {}): Scenario {
  return {
    ...defaultScenario(),
    network: { default: { ...DEFAULT_LINK, delayMsMin: 5, delayMsMax: 5 }, links: {} },
    workload: { kind: "script", ops },
    ...patch,
  };
}

export function runPreset(name: string, patch: Partial<Scenario> = {}): Trace {
  const s = presetScenario(name);
  if (s === undefined) throw new Error(`no preset ${name}`);
  return simulate({ ...s, ...patch });
}

/**
 * The run's events of one type, at one node if given, as objects: a test's
 * shorthand (not src/sim/event-reader's `eventsOf`, the one reader of a whole trace).
 */
export function eventsOfType(trace: Trace, type: TraceEvent["type"], node?: string): TraceEvent[] {
  return trace.events.filter((e) => e.type === type && (node === undefined || e.node === node));
}
