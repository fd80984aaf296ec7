import { presetScenario } from "../sim/presets";
import type { Scenario, ScheduleEntry } from "../sim/types";
import { useAppStore } from "./app-store";
import { playback } from "./playback";
import { undoStack } from "./undo";

/** Remember the scenario as it is, so Undo can bring it back. */
const recordEdit = () => undoStack.record(useAppStore.getState().scenario);

/**
 * What the views, the tour and restored links call: each keeps the app store
 * and the playback machine in step.
 */
export const actions = {
  loadPreset(name: string): boolean {
    const ok = useAppStore.getState().loadPreset(name);
    if (ok) {
      undoStack.clear();
      playback.send({ type: "RESTART" });
    }
    return ok;
  },
  /** A whole scenario from elsewhere (a link, a file): the run starts at 0. */
  loadScenario(scenario: Scenario, presetName: string | null = null): void {
    undoStack.clear();
    useAppStore.setState({ presetName });
    useAppStore.getState().setScenario(scenario);
    playback.send({ type: "RESTART" });
  },
  editScenario(edit: (draft: Scenario) => void): void {
    recordEdit();
    useAppStore.getState().updateScenario(edit);
    playback.send({ type: "SYNC" });
  },
  /** Append a fault or action to the schedule; `at` defaults to the playhead. */
  schedule(entry: ScheduleEntry): void {
    recordEdit();
    useAppStore.getState().addScheduleEntry(entry);
    playback.send({ type: "SYNC" });
  },
  unschedule(index: number): void {
    recordEdit();
    useAppStore.getState().removeScheduleEntry(index);
    playback.send({ type: "SYNC" });
  },
  /** Take back the last scenario edit (Ctrl+Z / Cmd+Z); false when there is nothing to undo. */
  undo(): boolean {
    const previous = undoStack.pop();
    if (previous === undefined) return false;
    useAppStore.getState().setScenario(previous);
    playback.send({ type: "SYNC" });
    return true;
  },
  /** Back to the preset's own scenario, keeping the strategy being compared (undoable). */
  resetToPreset(): boolean {
    const { presetName, scenario } = useAppStore.getState();
    const preset = presetName === null ? undefined : presetScenario(presetName);
    if (preset === undefined) return false;
    recordEdit();
    useAppStore.getState().setScenario({ ...preset, strategy: scenario.strategy });
    playback.send({ type: "SYNC" });
    return true;
  },
  seek(t: number): void {
    playback.send({ type: "SEEK", t });
  },
  /**
   * Runs `fn` once the current scenario's run is on show: at once, or when the
   * run worker answers (`computing`). Dropped if another scenario comes first.
   */
  whenShown(fn: () => void): void {
    const target = useAppStore.getState().scenario;
    if (!useAppStore.getState().computing) {
      fn();
      return;
    }
    const stop = useAppStore.subscribe((s) => {
      if (s.scenario !== target) stop();
      else if (!s.computing) {
        stop();
        fn();
      }
    });
  },
  /**
   * Select an anomaly: highlight its events and move the playhead to where it was
   * detected; `{ seek: false }` keeps the playhead (a tour step halted on its moment).
   */
  selectAnomaly(id: string | null, options: { seek?: boolean } = {}): void {
    const store = useAppStore.getState();
    store.selectAnomaly(id);
    const anomaly = store.report?.anomalies.find((a) => a.id === id);
    if (anomaly !== undefined && options.seek !== false)
      playback.send({ type: "SEEK", t: anomaly.detectedAt });
  },
  /** Emphasise these trace seqs on the timeline (a tour step's spotlight), nothing selected. */
  spotlight(seqs: number[]): void {
    useAppStore.setState({
      selectedAnomalyId: null,
      cause: [],
      selectedSeq: null,
      highlight: seqs,
    });
  },
  selectEvent(seq: number | null): void {
    useAppStore.getState().selectEvent(seq);
  },
};

/** The playhead as a whole simulated ms, for schedule entries. */
export function playheadMs(): number {
  return Math.round(useAppStore.getState().playhead);
}
