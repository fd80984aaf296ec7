import { createActor } from "xstate";
import { create } from "zustand";
import type { TourLink } from "../app/tour-link";
import { STEP_COUNTS, stepAt } from "./chapters";
import { createTourMachine, type TourEvent, type TourPosition } from "./tour-machine";
import { enterStep, holdStep, leaveStep, replayStep, resumeStep, revealStep } from "./tour-player";

export interface TourState {
  /** The tour is showing a step (the machine is in `step`). */
  open: boolean;
  /** 0-based; kept while the tour is closed so it resumes where it was left. */
  chapter: number;
  step: number;
  /** Large type, editing chrome hidden. */
  presenter: boolean;
  /** The speaker blanked the screen (B or "."): the step holds still behind it. */
  blank: boolean;
  /** The current step's play reached its target and stopped there. */
  halted: boolean;
  /** Where the current step's play halts, simulated ms. */
  target: number | null;
  /** The step asks the room first: its question is open and the run waits at 0. */
  asking: boolean;
  /** The room's answer (0-based choice), once given. */
  choice: number | null;
}

export const useTourStore = create<TourState>()(() => ({
  open: false,
  chapter: 0,
  step: 0,
  presenter: false,
  blank: false,
  halted: false,
  target: null,
  asking: false,
  choice: null,
}));

const machine = createTourMachine(STEP_COUNTS);
let actor = createActor(machine).start();
/** The blank screen paused a step that was still playing. */
let held = false;

/**
 * Every tour event goes through here: the machine moves, the store mirrors it
 * (before the scenario loads, so link sync sees the new position together with
 * the new scenario), then the step plays from its known state.
 */
function send(event: TourEvent): void {
  const before = actor.getSnapshot();
  actor.send(event);
  const snap = actor.getSnapshot();
  // A refused event (Next on the last step) changes nothing on screen.
  if (snap === before) return;
  const open = snap.value === "step";
  const { chapter, step } = snap.context;
  const current = open ? stepAt(chapter, step) : undefined;
  const asking = current?.predict !== undefined;
  useTourStore.setState({ open, chapter, step, halted: false, target: null, asking, choice: null });
  if (current === undefined) {
    leaveStep();
    return;
  }
  enterStep(
    current,
    {
      onHalt: () => useTourStore.setState({ halted: true }),
      onReady: (target) => {
        useTourStore.setState({ target });
        // A step opened behind the blank screen (a link, a click) waits there too.
        if (useTourStore.getState().blank) held = holdStep();
      },
    },
    // A step that asks the room waits at 0 until the answer (or Space) reveals it.
    { play: !asking },
  );
}

/** Close the question and play the step to its moment: the run reveals the answer. */
function reveal(choice: number | null): void {
  if (!useTourStore.getState().asking) return;
  useTourStore.setState({ asking: false, choice });
  revealStep();
  if (useTourStore.getState().blank) held = holdStep();
}

export const tourActions = {
  start: () => send({ type: "START" }),
  /** Space / PageDown: reveal an open question first, then move on. */
  next: () => {
    if (useTourStore.getState().asking) reveal(null);
    else send({ type: "NEXT" });
  },
  /** The room's answer, 0-based (keys 1–4 or a click); the run then plays and reveals it. */
  answer: (choice: number) => {
    const current = stepAt(useTourStore.getState().chapter, useTourStore.getState().step);
    const count = current?.predict?.choices.length ?? 0;
    if (choice >= 0 && choice < count) reveal(choice);
  },
  /** R: play the step's moment again, slowly (after the question, if any, is answered). */
  replay: () => {
    const { asking, open } = useTourStore.getState();
    if (!open || asking) return;
    useTourStore.setState({ halted: false });
    replayStep();
  },
  prev: () => send({ type: "PREV" }),
  first: () => send({ type: "FIRST" }),
  last: () => send({ type: "LAST" }),
  /** 0-based. */
  goto: (chapter: number, step: number) => send({ type: "GOTO", chapter, step }),
  /** Leave the tour; the step's scenario stays loaded to play with. */
  exit: () => {
    useTourStore.setState({ blank: false });
    held = false;
    send({ type: "EXIT" });
  },
  /**
   * Presenter mode is for giving the talk: turned on outside the tour, it opens
   * the tour (where it was left), so the clicker has something to drive.
   */
  togglePresenter: () => {
    const on = !useTourStore.getState().presenter;
    setPresenter(on);
    if (on && !isTourOpen()) send({ type: "START" });
  },
  /** Blank (or show again) the screen; a step still playing holds until it is shown. */
  toggleBlank: () => {
    const blank = !useTourStore.getState().blank;
    if (blank) held = holdStep();
    else if (held) {
      held = false;
      resumeStep();
    }
    useTourStore.setState({ blank });
  },
};

/** Presenter mode on or off, without opening the tour (a reloaded link restores it this way). */
export function setPresenter(on: boolean): void {
  if (useTourStore.getState().presenter !== on) useTourStore.setState({ presenter: on });
}

/** For key handlers elsewhere: while the tour is open its clicker keys win. */
export function isTourOpen(): boolean {
  return useTourStore.getState().open;
}

/**
 * The tour position as a link carries it (`tour=c.s`, both 1-based), or null
 * when the tour is closed. Link sync reads this when it writes the URL.
 */
export function getTourPosition(): TourPosition | null {
  const { open, chapter, step } = useTourStore.getState();
  return open ? { chapter: chapter + 1, step: step + 1 } : null;
}

/**
 * Open the tour at a 1-based position from a link (clamped to the tour's
 * range; chapter 0 means the first), loading that step's scenario; null closes it.
 */
export function setTourPosition(position: TourPosition | null): void {
  if (position === null) {
    if (isTourOpen()) tourActions.exit();
    return;
  }
  const current = getTourPosition();
  if (current?.chapter === position.chapter && current.step === position.step) return;
  send({ type: "GOTO", chapter: position.chapter - 1, step: position.step - 1 });
}

/** Calls `listener` with the link position whenever the tour moves, opens or closes. */
export function subscribeTourPosition(
  listener: (position: TourPosition | null) => void,
): () => void {
  return useTourStore.subscribe((s, prev) => {
    if (s.open !== prev.open || s.chapter !== prev.chapter || s.step !== prev.step)
      listener(getTourPosition());
  });
}

/** Fresh machine and store (tests). */
export function resetTour(): void {
  leaveStep();
  held = false;
  actor.stop();
  actor = createActor(machine).start();
  useTourStore.setState({
    open: false,
    chapter: 0,
    step: 0,
    presenter: false,
    blank: false,
    halted: false,
    target: null,
    asking: false,
    choice: null,
  });
}

/** The tour as link sync sees it (`startLinkSync(window, { tour: tourLink })`). */
export const tourLink: TourLink = {
  position: getTourPosition,
  open: setTourPosition,
  presenter: () => useTourStore.getState().presenter,
  setPresenter,
  subscribe: (listener) => {
    const stopPosition = subscribeTourPosition(listener);
    const stopPresenter = useTourStore.subscribe((s, prev) => {
      if (s.presenter !== prev.presenter) listener();
    });
    return () => {
      stopPosition();
      stopPresenter();
    };
  },
};
