import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { playSeconds, RUN_SECONDS_AT_1X, simMsPerSecond } from "./playback";
import { createPlaybackMachine, SIM_MS_PER_SECOND } from "./playback-machine";

describe("playback pace", () => {
  it("spreads a short run over seconds a person can follow", () => {
    // The 68 ms kleppmann race used to be over in about 0.23 s at 1x.
    expect(playSeconds(68, 1)).toBeCloseTo(RUN_SECONDS_AT_1X);
    expect(playSeconds(200, 1)).toBeGreaterThanOrEqual(3);
    expect(playSeconds(68, 0.25)).toBeCloseTo(4 * RUN_SECONDS_AT_1X);
  });

  it("keeps a long run in reasonable time and caps the rate", () => {
    expect(playSeconds(1300, 1)).toBeCloseTo(RUN_SECONDS_AT_1X);
    expect(simMsPerSecond(60_000)).toBe(SIM_MS_PER_SECOND);
    expect(playSeconds(60_000, 8)).toBeCloseTo(60_000 / SIM_MS_PER_SECOND / 8);
  });

  it("never crawls on a tiny run", () => {
    expect(simMsPerSecond(5)).toBe(5);
    expect(playSeconds(5, 1)).toBe(1);
  });

  it("the machine advances at the rate its deps give", () => {
    let playhead = 0;
    const machine = createPlaybackMachine({
      getPlayhead: () => playhead,
      setPlayhead: (t) => {
        playhead = t;
      },
      getEndTime: () => 68,
      getStops: () => [10, 68],
      getSimMsPerSecond: (bounded) => (bounded ? SIM_MS_PER_SECOND : simMsPerSecond(68)),
    });
    const actor = createActor(machine).start();
    actor.send({ type: "PLAY" });
    actor.send({ type: "TICK", dtMs: 1000 });
    expect(playhead).toBeCloseTo(68 / RUN_SECONDS_AT_1X);
    // A bounded play (a tour step) asks for its own rate.
    actor.send({ type: "PAUSE" });
    playhead = 0;
    actor.send({ type: "PLAY", until: 60 });
    actor.send({ type: "TICK", dtMs: 100 });
    expect(playhead).toBeCloseTo(30);
    actor.stop();
  });
});
