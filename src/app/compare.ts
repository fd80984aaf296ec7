import { create } from "zustand";
import type { Scenario, Strategy } from "../sim/types";
import { openRun } from "./door";
import type { Run } from "./run";

/** Compare mode: off, or the two strategies stacked (first on top). */
export interface CompareState {
  compare: null | [Strategy, Strategy];
}

export const DEFAULT_PAIR: [Strategy, Strategy] = ["dual-write", "log"];

/**
 * Its own small store rather than a field of the app store: compare mode is a
 * view over the app's scenario, and nothing in the app store depends on it.
 */
export const useCompareStore = create<CompareState>()(() => ({ compare: null }));

export const compareActions = {
  toggle(): void {
    const on = useCompareStore.getState().compare;
    useCompareStore.setState({ compare: on ? null : [...DEFAULT_PAIR] });
  },
  setStrategy(index: 0 | 1, strategy: Strategy): void {
    const on = useCompareStore.getState().compare;
    if (!on) return;
    const next: [Strategy, Strategy] = [on[0], on[1]];
    next[index] = strategy;
    useCompareStore.setState({ compare: next });
  },
};

export function resetCompareStore(): void {
  useCompareStore.setState({ compare: null });
}

/**
 * Runs of the app's scenario under another strategy, through the one door
 * (`openRun`): a heavy scenario's other strategy runs in the worker like the
 * app's own run, so compare mode never blocks the page on a big link. Keyed by
 * the scenario object: the app store replaces it on every edit, so a stale
 * entry can never be returned, and the WeakMap lets old scenarios (and their
 * traces) go.
 */
const runs = new WeakMap<Scenario, Map<Strategy, Run | Promise<Run>>>();

/**
 * `scenario` run under `strategy`: `own` (the app's run of it) when the
 * strategy is the same, the run itself when it is small, a promise of it when
 * it runs in the background.
 */
export function compareRun(scenario: Scenario, own: Run, strategy: Strategy): Run | Promise<Run> {
  if (scenario.strategy === strategy) return own;
  let byStrategy = runs.get(scenario);
  if (!byStrategy) {
    byStrategy = new Map();
    runs.set(scenario, byStrategy);
  }
  let run = byStrategy.get(strategy);
  if (!run) {
    const opened = openRun({ ...scenario, strategy });
    run = opened;
    if (opened instanceof Promise) {
      // Once it has arrived, later renders get the run itself.
      opened
        .then((done) => byStrategy.set(strategy, done))
        .catch(() => byStrategy.delete(strategy));
    }
    byStrategy.set(strategy, run);
  }
  return run;
}
