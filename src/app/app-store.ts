import { create } from "zustand";
import { type CauseStep, causeOf } from "../check/cause";
import type { Anomaly, Report } from "../check/types";
import { defaultScenario } from "../sim/defaults";
import { eventsOf, indexOfSeq } from "../sim/event-reader";
import { presetScenario } from "../sim/presets";
import type { Scenario, ScheduleEntry, Trace } from "../sim/types";
import { openRun } from "./door";
import { type Run, runScenario } from "./run";
import { warmUp } from "./warm-up";

export interface AppState {
  scenario: Scenario;
  /** The preset the scenario started from; kept while it is edited. */
  presetName: string | null;
  trace: Trace;
  report: Report | null;
  checkError: string | null;
  /** Simulated ms; always within [0, trace.endTime]. */
  playhead: number;
  selectedAnomalyId: string | null;
  /** The selected anomaly's causal chain, root first (empty when none is selected). */
  cause: CauseStep[];
  selectedSeq: number | null;
  /** Trace seqs the timeline emphasises: a selected anomaly's chain and its own events. */
  highlight: number[];
  /**
   * A big scenario is being simulated in the background: `scenario` is already
   * the new one, `trace` and `report` still the previous run's.
   */
  computing: boolean;

  /** Replace the scenario and re-simulate; the playhead stays where it was (clamped). */
  setScenario: (scenario: Scenario) => void;
  /** Edit a copy of the scenario and re-simulate. */
  updateScenario: (edit: (draft: Scenario) => void) => void;
  /** Load a preset by name (playhead back to 0); false for an unknown name. */
  loadPreset: (name: string) => boolean;
  addScheduleEntry: (entry: ScheduleEntry) => void;
  removeScheduleEntry: (index: number) => void;
  /** Low level: the playback machine calls this; other code sends SEEK to it. */
  setPlayhead: (t: number) => void;
  selectEvent: (seq: number | null) => void;
  /** Select an anomaly (or none), highlight its chain and events; seeking is the caller's. */
  selectAnomaly: (id: string | null) => void;
}

const clamp = (t: number, end: number) => Math.min(Math.max(0, t), end);

/** What selecting `anomaly` shows: its chain, and every seq of the chain and of the anomaly. */
function focusOn(trace: Trace, anomaly: Anomaly | undefined) {
  if (anomaly === undefined) return { selectedAnomalyId: null, cause: [], highlight: [] };
  const cause = causeOf(trace, anomaly);
  const highlight = [...new Set([...cause.map((s) => s.seq), ...anomaly.events])].sort(
    (a, b) => a - b,
  );
  return { selectedAnomalyId: anomaly.id, cause, highlight };
}

/** The new run has the event `seq` before the playhead (one look at its columns, no events made). */
function stillBefore(trace: Trace, seq: number | null, playhead: number): boolean {
  if (seq === null) return false;
  const events = eventsOf(trace);
  const i = indexOfSeq(events, seq);
  return i >= 0 && events.t(i) < playhead;
}

function initial(scenario: Scenario, presetName: string | null) {
  const run = runScenario(scenario);
  return {
    scenario,
    presetName,
    ...run,
    playhead: 0,
    selectedAnomalyId: null,
    cause: [],
    selectedSeq: null,
    highlight: [],
    computing: false,
  };
}

/** Bumped by every change of scenario: a background run that finishes after a newer change is dropped. */
let latest = 0;

export const useAppStore = create<AppState>()((set, get) => ({
  ...initial(defaultScenario(), "default"),

  setScenario: (scenario) => {
    const token = ++latest;
    const show = (run: Run) => {
      if (token !== latest) return;
      const { selectedAnomalyId, selectedSeq } = get();
      const playhead = clamp(get().playhead, run.trace.endTime);
      // An anomaly id is stable only within a report; keep the selection if it still exists.
      const still = run.report?.anomalies.find((a) => a.id === selectedAnomalyId);
      set({
        scenario,
        ...run,
        computing: false,
        playhead,
        ...focusOn(run.trace, still),
        // Events before the playhead are unchanged by an edit there (prefix stability).
        selectedSeq: stillBefore(run.trace, selectedSeq, playhead) ? selectedSeq : null,
      });
    };
    const run = openRun(scenario, () => token === latest);
    if (!(run instanceof Promise)) {
      show(run);
      return;
    }
    set({ scenario, computing: true });
    // The door falls back to running here if the worker fails: slower, but the page still shows it.
    // A big run's indexes are built in tasks of their own before it shows (warm-up.ts).
    run.then(
      async (r) => {
        await warmUp(r, () => token === latest);
        show(r);
      },
      () => {},
    );
  },

  updateScenario: (edit) => {
    const draft = structuredClone(get().scenario);
    edit(draft);
    get().setScenario(draft);
  },

  loadPreset: (name) => {
    const scenario = presetScenario(name);
    if (scenario === undefined) return false;
    latest++;
    set(initial(scenario, name));
    return true;
  },

  addScheduleEntry: (entry) =>
    get().updateScenario((s) => {
      s.schedule.push(entry);
    }),

  removeScheduleEntry: (index) =>
    get().updateScenario((s) => {
      s.schedule.splice(index, 1);
    }),

  setPlayhead: (t) => set({ playhead: clamp(t, get().trace.endTime) }),

  selectEvent: (seq) => set({ selectedSeq: seq }),

  selectAnomaly: (id) => {
    const anomaly = get().report?.anomalies.find((a) => a.id === id);
    set(focusOn(get().trace, anomaly));
  },
}));

/** Back to the default scenario and a fresh view (tests, "reset" buttons). */
export function resetAppStore(): void {
  latest++;
  useAppStore.setState(initial(defaultScenario(), "default"));
}
