import type { Report } from "../check/types";
import { useAppStore } from "./app-store";
import { playback } from "./playback";

/** The first anomaly detected in (from, to]: where a free play stops so the moment can be stepped through. */
export function anomalyCrossed(
  report: Report | null,
  from: number,
  to: number,
): { id: string; t: number } | null {
  let hit: { id: string; t: number } | null = null;
  for (const a of report?.anomalies ?? [])
    if (a.detectedAt > from && a.detectedAt <= to && (hit === null || a.detectedAt < hit.t))
      hit = { id: a.id, t: a.detectedAt };
  return hit;
}

/**
 * While the viewer's own Play runs (not a tour step's bounded play, which
 * `skip` reports), stops the playhead at each anomaly's moment of detection.
 * Calls `onPause` with the anomaly; returns the unsubscribe function.
 */
export function pauseAtAnomalies(
  skip: () => boolean,
  onPause: (hit: { id: string; t: number }) => void,
): () => void {
  return useAppStore.subscribe((state, prev) => {
    if (state.trace !== prev.trace || state.playhead <= prev.playhead) return;
    if (playback.status() !== "playing" || skip()) return;
    const hit = anomalyCrossed(state.report, prev.playhead, state.playhead);
    if (hit === null) return;
    // A seek stops the run where it lands (playback-machine.ts), after this tick's update.
    queueMicrotask(() => playback.send({ type: "SEEK", t: hit.t }));
    onPause(hit);
  });
}
