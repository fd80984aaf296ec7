import { create } from "zustand";
import { presetScenario } from "../sim/presets";
import type { Scenario } from "../sim/types";

/** How many edits back Undo reaches. */
export const UNDO_LIMIT = 50;

interface UndoState {
  /** Scenarios before each edit, oldest first. */
  past: Scenario[];
}

/** The scenario edits that Undo (Ctrl+Z / Cmd+Z) takes back, newest last. */
export const useUndoStore = create<UndoState>()(() => ({ past: [] }));

export const undoStack = {
  /** Remember `scenario` as it was before an edit. */
  record(scenario: Scenario): void {
    const past = [...useUndoStore.getState().past, scenario];
    useUndoStore.setState({ past: past.slice(-UNDO_LIMIT) });
  },
  /** The scenario before the last edit, removed from the stack; undefined when there is none. */
  pop(): Scenario | undefined {
    const past = useUndoStore.getState().past;
    const last = past.at(-1);
    if (last !== undefined) useUndoStore.setState({ past: past.slice(0, -1) });
    return last;
  },
  /** A new scenario from elsewhere (a preset, a link, a file): nothing to undo into. */
  clear(): void {
    useUndoStore.setState({ past: [] });
  },
};

/**
 * The scenario differs from its preset in anything but the strategy (the
 * strategy is what a learner compares, not an edit of the story).
 */
export function isModified(scenario: Scenario, presetName: string | null): boolean {
  if (presetName === null) return false;
  const preset = presetScenario(presetName);
  if (preset === undefined) return false;
  return !sameButStrategy(preset, scenario);
}

/** `scenario` is `origin` run under its own strategy, field for field. */
export function sameButStrategy(origin: Scenario, scenario: Scenario): boolean {
  return JSON.stringify({ ...origin, strategy: scenario.strategy }) === JSON.stringify(scenario);
}
