import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actions } from "./actions";
import { anomalyCrossed, pauseAtAnomalies } from "./anomaly-pause";
import { resetAppStore, useAppStore } from "./app-store";
import { playback, resetPlayback } from "./playback";

describe("pause at anomalies", () => {
  let stop = () => {};
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    actions.loadPreset("kleppmann-race");
  });
  afterEach(() => stop());

  it("finds the first anomaly detected in (from, to]", () => {
    const { report } = useAppStore.getState();
    const first = Math.min(...(report?.anomalies ?? []).map((a) => a.detectedAt));
    expect(anomalyCrossed(report, 0, first - 1)).toBeNull();
    expect(anomalyCrossed(report, 0, first)?.t).toBe(first);
    expect(anomalyCrossed(report, first, first + 100)).toBeNull();
  });

  it("stops a free play at the anomaly's moment, once, and lets a tour play through", async () => {
    const { report } = useAppStore.getState();
    const first = Math.min(...(report?.anomalies ?? []).map((a) => a.detectedAt));
    const hits: number[] = [];
    let touring = false;
    stop = pauseAtAnomalies(
      () => touring,
      (h) => hits.push(h.t),
    );
    playback.send({ type: "PLAY" });
    useAppStore.getState().setPlayhead(first + 3);
    await Promise.resolve();
    expect(hits).toEqual([first]);
    expect(playback.status()).toBe("paused");
    expect(useAppStore.getState().playhead).toBe(first);
    // Play on: the same anomaly does not stop it again.
    playback.send({ type: "PLAY" });
    useAppStore.getState().setPlayhead(first + 5);
    await Promise.resolve();
    expect(hits).toEqual([first]);
    expect(playback.status()).toBe("playing");
    // In the tour, nothing stops.
    touring = true;
    playback.send({ type: "SEEK", t: 0 });
    playback.send({ type: "PLAY" });
    useAppStore.getState().setPlayhead(first + 1);
    await Promise.resolve();
    expect(hits).toEqual([first]);
  });
});
