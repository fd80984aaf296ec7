import { actions } from "../app/actions";
import { useAppStore } from "../app/app-store";
import { playback } from "../app/playback";
import { eventsOf } from "../sim/event-reader";
import { playTarget } from "./play-target";
import { firstLitTime, spotlightSeqs, spotlitAnomalyId } from "./spotlight";
import type { TourStep } from "./types";

/** Called when a step's play halts at its target (the caption bar says so). */
export type OnHalt = () => void;
/** Called once the step's run is on show, with where its play will stop (simulated ms). */
export type OnReady = (target: number) => void;

/** Speed of the slow replay of a step's moment (R). */
export const REPLAY_SPEED = 0.25;
/** A slow replay starts at most this long (simulated ms) before the step's moment. */
export const REPLAY_WINDOW_MS = 300;

interface Watch {
  step: TourStep;
  target: number;
  onHalt: OnHalt;
  stop: () => void;
  /** The screen is blanked: a pause now is the tour's own, not the viewer's. */
  holding: boolean;
  /** A slow replay set the speed; it goes back to this when the replay halts. */
  restoreSpeed: number | null;
}

/** The step on show, its run loaded; null outside the tour or before its run is shown. */
let current: { step: TourStep; target: number; onHalt: OnHalt } | null = null;
let watch: Watch | null = null;
/** Bumped by every enterStep: a step whose run shows after the next one was entered is dropped. */
let generation = 0;

function halt(w: Watch): void {
  leaveWatch();
  const { report } = useAppStore.getState();
  const id = spotlitAnomalyId(w.step.spotlight, report, w.target);
  // Highlight and list the spotlit anomaly without a seek: the playhead stays on the moment.
  if (id !== null) actions.selectAnomaly(id, { seek: false });
  w.onHalt();
}

function leaveWatch(): void {
  const w = watch;
  watch = null;
  w?.stop();
  if (w?.restoreSpeed != null) playback.send({ type: "SET_SPEED", speed: w.restoreSpeed });
}

/** Reads the playback machine after each of its transitions. */
function onPlayback(w: Watch): void {
  if (watch !== w) return;
  // The machine stopped itself at the step's bound: that is the halt.
  if (playback.halted()) halt(w);
  // The viewer paused, scrubbed or stepped before the target: the playhead is theirs now.
  else if (playback.status() !== "playing" && !w.holding) leaveWatch();
}

function playTo(restoreSpeed: number | null = null): void {
  if (current === null) return;
  leaveWatch();
  const w: Watch = { ...current, stop: () => {}, holding: false, restoreSpeed };
  watch = w;
  w.stop = playback.subscribe(() => onPlayback(w));
  playback.send({ type: "PLAY", until: w.target });
}

/**
 * A step always starts from its known state: its scenario loaded fresh through
 * the app's actions, the playhead at 0, its spotlight rings set once its run is
 * on show; then, unless it first asks the room (`play: false`), it plays to its
 * target and the playback machine stops exactly there (`PLAY` with `until`).
 */
export function enterStep(
  step: TourStep,
  handlers: { onHalt: OnHalt; onReady: OnReady },
  options: { play: boolean } = { play: true },
): void {
  leaveWatch();
  current = null;
  const mine = ++generation;
  actions.loadScenario(structuredClone(step.scenario), null);
  actions.whenShown(() => {
    if (mine !== generation) return;
    const { trace, report } = useAppStore.getState();
    const target = playTarget(step, trace, report);
    actions.spotlight(spotlightSeqs(step.spotlight, trace, report, target));
    current = { step, target, onHalt: handlers.onHalt };
    handlers.onReady(target);
    // A target at 0 halts within the PLAY itself; the listener sees it.
    if (options.play) playTo();
  });
}

/** The room has answered (or the speaker moved on): the step plays to its moment. */
export function revealStep(): void {
  playTo();
}

/**
 * Plays the step's moment again, slowly (R): from shortly before its first
 * spotlit event, at `REPLAY_SPEED`, stopping on the same target. False when
 * there is no step on show yet.
 */
export function replayStep(): boolean {
  if (current === null) return false;
  const { target } = current;
  const { trace, highlight } = useAppStore.getState();
  const lit = new Set(highlight);
  const first = firstLitTime(eventsOf(trace), lit, target);
  const from = Math.max(0, target - REPLAY_WINDOW_MS, first === undefined ? 0 : first - 10);
  const speed = watch?.restoreSpeed ?? playback.speed();
  leaveWatch();
  actions.seek(from);
  playback.send({ type: "SET_SPEED", speed: REPLAY_SPEED });
  playTo(speed);
  return true;
}

/**
 * The speaker blanked the screen: hold the step where it is, so nothing
 * plays on unseen. Returns true if a play was held (resume it with `resumeStep`).
 */
export function holdStep(): boolean {
  if (watch === null || playback.status() !== "playing") return false;
  watch.holding = true;
  playback.send({ type: "PAUSE" });
  return true;
}

/** The screen is back: a held step plays on to its target. */
export function resumeStep(): void {
  if (watch === null || !watch.holding) return;
  watch.holding = false;
  playback.send({ type: "PLAY", until: watch.target });
}

/** Stop steering playback; the scenario and playhead stay for the viewer to explore. */
export function leaveStep(): void {
  generation++;
  current = null;
  leaveWatch();
}
