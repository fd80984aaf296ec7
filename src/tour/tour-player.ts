import { actions } from "../app/actions";
import { useAppStore } from "../app/app-store";
import { playback } from "../app/playback";
import { playTarget } from "./play-target";
import { spotlightSeqs, spotlitAnomalyId } from "./spotlight";
import type { TourStep } from "./types";

/** Called when a step's play halts at its target (the caption bar says so). */
export type OnHalt = () => void;

interface Watch {
  step: TourStep;
  target: number;
  onHalt: OnHalt;
  stop: () => void;
  /** The screen is blanked: a pause now is the tour's own, not the viewer's. */
  holding: boolean;
}

let watch: Watch | null = null;

function halt(w: Watch): void {
  leaveWatch();
  const { report } = useAppStore.getState();
  const id = spotlitAnomalyId(w.step.spotlight, report, w.target);
  // Store-level select: highlight and list selection, without a seek (which would stop nothing new).
  if (id !== null) useAppStore.getState().selectAnomaly(id);
  w.onHalt();
}

function leaveWatch(): void {
  watch?.stop();
  watch = null;
}

/** Reads the playback machine after each of its transitions. */
function onPlayback(w: Watch): void {
  if (watch !== w) return;
  // The machine stopped itself at the step's bound: that is the halt.
  if (playback.halted()) halt(w);
  // The viewer paused, scrubbed or stepped before the target: the playhead is theirs now.
  else if (playback.status() !== "playing" && !w.holding) leaveWatch();
}

/**
 * A step always starts from its known state: its scenario loaded fresh, the
 * playhead at 0, its spotlight rings set; then it plays to its target and the
 * playback machine stops exactly there (`PLAY` with `until`).
 * Returns that target, simulated ms.
 */
export function enterStep(step: TourStep, onHalt: OnHalt): number {
  leaveWatch();
  actions.loadScenario(structuredClone(step.scenario), null);
  const { trace, report } = useAppStore.getState();
  const target = playTarget(step, trace, report);
  useAppStore.setState({
    selectedAnomalyId: null,
    cause: [],
    selectedSeq: null,
    highlight: spotlightSeqs(step.spotlight, trace, report, target),
  });
  const w: Watch = { step, target, onHalt, stop: () => {}, holding: false };
  watch = w;
  w.stop = playback.subscribe(() => onPlayback(w));
  playback.send({ type: "PLAY", until: target });
  // A target at 0 halts within the PLAY itself; the listener has seen it already.
  return target;
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
  leaveWatch();
}
