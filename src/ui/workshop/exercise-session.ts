/**
 * The exercise a visitor is working on: started from the Workshop dialog or
 * opened from a link with `ex=<id>`. While one is active its goal and Check
 * stay on screen (the exercise banner) until the visitor leaves it.
 *
 * Two kinds of verdict, kept apart: one from opening a link (the page checks
 * the scenario it was given and says "verified solution", but the visitor has
 * solved nothing) and one from the visitor's own Check, the only thing that
 * marks progress. A Check on a solution opened from a link, unchanged, is
 * still not the visitor's own.
 */
import { create } from "zustand";
import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import { setActiveExercise } from "../../app/exercise-link";
import type { Scenario } from "../../sim/types";
import { encodeLink } from "../../url/index";
import type { ExerciseId } from "../../url/workshop-names";
import { exerciseById, type Verdict } from "../../workshop/exercises";
import { scenarioChanges } from "../../workshop/scenario-diff";
import { checkRun } from "./check-run";
import { loadProgress, type Progress, saveSolved } from "./exercise-progress";

export interface ShownVerdict extends Verdict {
  /** `link`: the page checked a scenario it opened; `own`: the visitor pressed Check. */
  source: "link" | "own";
  /** An own Check that passed on a solution opened from a link, unchanged: not counted. */
  notCounted?: boolean;
  /** The scenario this verdict is about: once the visitor changes the run, it speaks of the past. */
  checked: Scenario;
}

interface SessionState {
  active: ExerciseId | null;
  /** The latest verdict per exercise, for the banner and the dialog's list. */
  verdicts: Partial<Record<ExerciseId, ShownVerdict>>;
  /** The link form (scenario only) of a solution opened from a link, until the scenario changes. */
  openedSolution: string | null;
  progress: Progress;
  /** The exercise whose check is running (checks run through the budgeted run door). */
  checking: ExerciseId | null;
}

/** Keeps the active exercise across a reload of the tab (the address bar does not carry it). */
export const SESSION_KEY = "inside-out.exercise";

function storedActive(): ExerciseId | null {
  try {
    const id = sessionStorage.getItem(SESSION_KEY);
    return id === null ? null : (exerciseById(id)?.id ?? null);
  } catch {
    return null;
  }
}

function storeActive(id: ExerciseId | null): void {
  // The address bar keeps `ex=<id>` while an exercise is active.
  setActiveExercise(id);
  try {
    if (id === null) sessionStorage.removeItem(SESSION_KEY);
    else sessionStorage.setItem(SESSION_KEY, id);
  } catch {
    // Without storage the banner lasts as long as the page.
  }
}

const restored = storedActive();
setActiveExercise(restored);

export const useExerciseSession = create<SessionState>()(() => ({
  active: restored,
  verdicts: {},
  openedSolution: null,
  progress: loadProgress(),
  checking: null,
}));

const scenarioKey = (s: Scenario): string => encodeLink(s);

function activate(id: ExerciseId): void {
  storeActive(id);
  useExerciseSession.setState({ active: id });
}

export const exerciseSession = {
  /** Loads the exercise's start and keeps its goal on screen. */
  start(id: string): void {
    const exercise = exerciseById(id);
    if (exercise === undefined) return;
    actions.loadScenario(exercise.start(), null);
    activate(exercise.id);
    useExerciseSession.setState((s) => ({
      openedSolution: null,
      verdicts: { ...s.verdicts, [exercise.id]: undefined },
    }));
  },
  /** The visitor's own Check of what is on screen: the only way progress is marked. */
  async check(id: string): Promise<ShownVerdict | null> {
    const exercise = exerciseById(id);
    if (exercise === undefined) return null;
    const scenario = useAppStore.getState().scenario;
    activate(exercise.id);
    useExerciseSession.setState({ checking: exercise.id });
    const verdict = await exercise.verifyWith(scenario, checkRun);
    const { openedSolution } = useExerciseSession.getState();
    const borrowed =
      verdict.ok && openedSolution !== null && openedSolution === scenarioKey(scenario);
    const shown: ShownVerdict = borrowed
      ? {
          ...verdict,
          source: "own",
          notCounted: true,
          reason: `${verdict.reason} It is the solution you opened from a link, though: press Start and make it yourself to count it as yours.`,
          checked: scenario,
        }
      : { ...verdict, source: "own", checked: scenario };
    useExerciseSession.setState((s) => ({
      checking: null,
      verdicts: { ...s.verdicts, [exercise.id]: shown },
      progress: verdict.ok && !borrowed ? saveSolved(exercise.id, scenario) : s.progress,
    }));
    return shown;
  },
  /**
   * A link named an exercise: show it, and check the scenario the link
   * brought (unless it is the untouched start). Marks nothing solved.
   */
  async openFromLink(id: string, scenario: Scenario, reloaded = false): Promise<void> {
    const exercise = exerciseById(id);
    if (exercise === undefined) return;
    // A reload of the tab that was on this exercise: the link is the visitor's own work
    // (the address bar keeps `ex=` while an exercise is active), not someone's solution.
    if (reloaded && useExerciseSession.getState().active === exercise.id) {
      activate(exercise.id);
      return;
    }
    activate(exercise.id);
    const untouched = scenarioChanges(exercise.start(), scenario).length === 0;
    if (untouched) {
      useExerciseSession.setState((s) => ({
        openedSolution: null,
        verdicts: { ...s.verdicts, [exercise.id]: undefined },
      }));
      return;
    }
    useExerciseSession.setState({ checking: exercise.id });
    const verdict = await exercise.verifyWith(scenario, checkRun);
    useExerciseSession.setState((s) => ({
      checking: null,
      openedSolution: verdict.ok ? scenarioKey(scenario) : null,
      verdicts: { ...s.verdicts, [exercise.id]: { ...verdict, source: "link", checked: scenario } },
    }));
  },
  leave(): void {
    storeActive(null);
    useExerciseSession.setState({ active: null, openedSolution: null });
  },
  /** Re-reads progress (another tab may have solved something). */
  refresh(): void {
    useExerciseSession.setState({ progress: loadProgress() });
  },
};

/** Tests: back to no exercise, no verdicts, progress as stored. */
export function resetExerciseSession(): void {
  storeActive(null);
  useExerciseSession.setState({
    active: null,
    verdicts: {},
    openedSolution: null,
    progress: loadProgress(),
    checking: null,
  });
}
