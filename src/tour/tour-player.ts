import { actions } from "../app/actions";
import { useAppStore } from "../app/app-store";
import { playback } from "../app/playback";
import { playTarget } from "./play-target";
import { spotlightSeqs, spotlitAnomalyId } from "./spotlight";
import type { TourStep } from "./types";

let stopWatching: (() => void) | null = null;

/** Called when a step's play halts at its target (the caption bar says so). */
export type OnHalt = () => void;

function halt(step: TourStep, target: number, onHalt: OnHalt): void {
  leaveWatch();
  playback.send({ type: "SEEK", t: target });
  const { report } = useAppStore.getState();
  const id = spotlitAnomalyId(step.spotlight, report, target);
  // Store-level select: highlight and list selection, without another seek.
  if (id !== null) useAppStore.getState().selectAnomaly(id);
  onHalt();
}

function leaveWatch(): void {
  stopWatching?.();
  stopWatching = null;
}

/**
 * A step always starts from its known state: its scenario loaded fresh, the
 * playhead at 0, its spotlight rings set; then it plays and halts at its target.
 * Returns that target, simulated ms.
 */
export function enterStep(step: TourStep, onHalt: OnHalt): number {
  leaveWatch();
  actions.loadScenario(structuredClone(step.scenario), null);
  const { trace, report } = useAppStore.getState();
  const target = playTarget(step, trace, report);
  useAppStore.setState({
    selectedAnomalyId: null,
    selectedSeq: null,
    highlight: spotlightSeqs(step.spotlight, trace, report, target),
  });
  playback.send({ type: "PLAY" });
  // Halt once, when playback first reaches the target; after that the playhead is the viewer's.
  stopWatching = useAppStore.subscribe((s) => {
    const status = playback.status();
    // The viewer paused or scrubbed before the target: the playhead is theirs now.
    if (status !== "playing" && status !== "ended") leaveWatch();
    else if (s.playhead >= target) halt(step, target, onHalt);
  });
  if (useAppStore.getState().playhead >= target) halt(step, target, onHalt);
  return target;
}

/** Stop steering playback; the scenario and playhead stay for the viewer to explore. */
export function leaveStep(): void {
  leaveWatch();
}
