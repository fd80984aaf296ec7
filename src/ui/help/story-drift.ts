/**
 * A scenario's description is true of the scenario it was written for. Once
 * the learner changes that scenario (acks from all to 1, a fault removed), the
 * same words may no longer hold, and a story strip that still shows them
 * alone would teach something false. This finds what the words were written
 * for: a preset, recognised by its description (a link or an exercise start
 * keeps a preset's words), or the preset the run was loaded from. What is
 * different now, in the controls' own words, comes from story-changes.ts.
 */
import { sameButStrategy } from "../../app/undo";
import { PRESETS, presetScenario } from "../../sim/presets";
import type { Scenario } from "../../sim/types";

/** The scenario a story's words were written for, or null when it is not known. */
export function storyOrigin(scenario: Scenario, presetName: string | null): Scenario | null {
  const words = scenario.description?.trim() ?? "";
  if (words !== "")
    return PRESETS.find((p) => p.scenario.description?.trim() === words)?.scenario ?? null;
  return presetName === null ? null : (presetScenario(presetName) ?? null);
}

/**
 * A quick look, cheap enough for every render: the scenario may differ from
 * what its story was written for (the strategy aside: running the same story
 * under another strategy is the comparison the app is for, not a change of
 * the story). Only then is the field-by-field comparison (story-changes.ts,
 * loaded on demand) asked what changed; a false "may" just finds nothing.
 */
export function mayHaveDrifted(scenario: Scenario, presetName: string | null): Scenario | null {
  const origin = storyOrigin(scenario, presetName);
  if (origin === null) return null;
  return sameButStrategy(origin, scenario) ? null : origin;
}
