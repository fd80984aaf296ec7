import { useEffect, useState } from "react";
import { pauseAtAnomalies } from "../../app/anomaly-pause";
import { useAppStore } from "../../app/app-store";
import { usePlaybackStatus } from "../../app/playback";
import { useTourStore } from "../../tour/tour-store";

/**
 * Play stops at each anomaly's moment, with a one-line cue: stepping is
 * where the learner sees what happened. The tour keeps its own pace.
 */
export function AnomalyPause() {
  const [paused, setPaused] = useState<{ id: string; t: number } | null>(null);
  const status = usePlaybackStatus();
  const playhead = useAppStore((s) => s.playhead);
  const anomaly = useAppStore((s) => s.report?.anomalies.find((a) => a.id === paused?.id) ?? null);
  useEffect(
    () =>
      pauseAtAnomalies(
        () => useTourStore.getState().open || useTourStore.getState().presenter,
        setPaused,
      ),
    [],
  );
  const shown =
    paused !== null && anomaly !== null && status !== "playing" && playhead === paused.t;
  return (
    <p className="anomaly-pause" role="status" data-testid="anomaly-pause">
      {shown
        ? `Paused at ${paused.t} ms: ${anomaly.kind} on ${anomaly.key} was just detected. Press → to step through what happened, or Play to go on.`
        : ""}
    </p>
  );
}
