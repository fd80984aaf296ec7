/**
 * What differs between a run and the scenario its story was written for
 * (story-drift.ts finds that scenario), as the controls name it: "acks: all
 * → 1". Loaded on demand: a first visit shows an untouched preset.
 */
import type { Scenario } from "../../sim/types";
import { scenarioChanges } from "../../workshop/scenario-diff";

/** How many changes the strip names before "and N more". */
export const DRIFT_SHOWN = 3;

/** The changes from `origin`, the strategy left out; empty when there are none. */
export function storyChanges(origin: Scenario, scenario: Scenario): string[] {
  return scenarioChanges(origin, { ...scenario, strategy: origin.strategy }).map((c) => c.text);
}

/** "acks: all → 1; Seed: 1 → 3; Max delay: 5 → 300 and 2 more changes". */
export function driftText(changes: readonly string[]): string {
  const shown = changes.slice(0, DRIFT_SHOWN).join("; ");
  const more = changes.length - DRIFT_SHOWN;
  return more > 0 ? `${shown} and ${more} more ${more === 1 ? "change" : "changes"}` : shown;
}
