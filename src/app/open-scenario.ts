/**
 * Opening a scenario from outside — a link or a file — after it has passed
 * `restoreScenario`. Both doors end here, so they load, name and report
 * the same way.
 */
import { PRESET_NAMES } from "../sim/presets";
import type { Scenario } from "../sim/types";
import { restoreScenario, scenarioInView, type ViewState } from "../url/index";
import { actions } from "./actions";
import { useCompareStore } from "./compare";
import { clearProblem, reportProblem, useLinkStore } from "./link-store";

/**
 * A scenario carrying a preset's name started from that preset (an edited
 * copy keeps the name), so the Scenario menu can say so.
 */
export function presetNameOf(scenario: Scenario): string | null {
  return scenario.name !== undefined && PRESET_NAMES.includes(scenario.name) ? scenario.name : null;
}

/**
 * Loads the scenario and moves to the view it came with. A view without a
 * compare pair turns compare mode off: the link shows what its maker saw.
 */
export function openScenario(scenario: Scenario, view: ViewState = {}): void {
  const shown = scenarioInView(scenario, view);
  actions.loadScenario(shown, presetNameOf(shown));
  const playhead = view.playhead;
  // A big run arrives later from the run worker; seek once it is there, or the
  // playhead would be clamped to the previous run's end.
  if (playhead !== undefined && playhead > 0) actions.whenShown(() => actions.seek(playhead));
  useCompareStore.setState({ compare: view.compare ?? null });
  useLinkStore.setState({ openedView: view });
}

/** A file's text through the one restore door; false (and a shown problem) when refused. */
export function importScenarioText(text: string, fileName: string): boolean {
  const restored = restoreScenario(text);
  if (!restored.ok) {
    reportProblem({ source: "file", error: restored.error, fileName });
    return false;
  }
  // A file holds a scenario, not a view: whatever is being compared stays compared.
  openScenario(restored.scenario, { compare: useCompareStore.getState().compare ?? undefined });
  // A link's note about its model version is not about this file.
  useLinkStore.setState({ olderModel: null });
  clearProblem();
  return true;
}
