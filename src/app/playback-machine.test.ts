import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createActor } from "xstate";
import { createPlaybackMachine, SIM_MS_PER_SECOND } from "./playback-machine";

function harness(end = 100, stops = [0, 10, 20, 50, 100]) {
  let playhead = 0;
  const machine = createPlaybackMachine({
    getPlayhead: () => playhead,
    setPlayhead: (t) => {
      playhead = Math.min(Math.max(0, t), end);
    },
    getEndTime: () => end,
    getStops: () => stops,
  });
  const actor = createActor(machine).start();
  return { actor, playhead: () => playhead, state: () => actor.getSnapshot().value };
}

describe("playback machine", () => {
  let frames: FrameRequestCallback[] = [];
  beforeEach(() => {
    frames = [];
    vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal("cancelAnimationFrame", () => {});
  });
  afterEach(() => vi.unstubAllGlobals());

  const frame = (now: number) => {
    const pending = frames;
    frames = [];
    for (const cb of pending) cb(now);
  };

  it("plays on animation frames at SIM_MS_PER_SECOND times the speed, then ends", () => {
    const h = harness(1000);
    h.actor.send({ type: "PLAY" });
    expect(h.state()).toBe("playing");
    frame(0);
    frame(50);
    expect(h.playhead()).toBeCloseTo((50 / 1000) * SIM_MS_PER_SECOND);
    h.actor.send({ type: "SET_SPEED", speed: 2 });
    frame(100);
    expect(h.playhead()).toBeCloseTo((150 / 1000) * SIM_MS_PER_SECOND);
    for (let now = 150; h.state() === "playing" && now < 60_000; now += 50) frame(now);
    expect(h.state()).toBe("ended");
    expect(h.playhead()).toBe(1000);
  });

  it("toggles between playing and paused", () => {
    const h = harness();
    h.actor.send({ type: "TOGGLE" });
    expect(h.state()).toBe("playing");
    h.actor.send({ type: "TOGGLE" });
    expect(h.state()).toBe("paused");
    h.actor.send({ type: "PLAY" });
    h.actor.send({ type: "PAUSE" });
    expect(h.state()).toBe("paused");
  });

  it("steps between event times and pauses", () => {
    const h = harness();
    h.actor.send({ type: "STEP_FORWARD" });
    expect([h.state(), h.playhead()]).toEqual(["paused", 10]);
    h.actor.send({ type: "SEEK", t: 30 });
    h.actor.send({ type: "STEP_BACK" });
    expect(h.playhead()).toBe(20);
    h.actor.send({ type: "STEP_FORWARD" });
    h.actor.send({ type: "STEP_FORWARD" });
    expect(h.playhead()).toBe(100);
    expect(h.state()).toBe("ended");
    h.actor.send({ type: "STEP_BACK" });
    expect([h.state(), h.playhead()]).toEqual(["paused", 50]);
  });

  it("seeks to the end into ended, and PLAY from the end starts over", () => {
    const h = harness();
    h.actor.send({ type: "SEEK", t: 100 });
    expect(h.state()).toBe("ended");
    h.actor.send({ type: "PLAY" });
    expect([h.state(), h.playhead()]).toEqual(["playing", 0]);
    h.actor.send({ type: "RESTART" });
    expect([h.state(), h.playhead()]).toEqual(["idle", 0]);
  });

  it("a play with a bound stops exactly at it, paused and marked halted", () => {
    const h = harness(1000);
    h.actor.send({ type: "PLAY", until: 95 });
    expect(h.actor.getSnapshot().context).toMatchObject({ until: 95, halted: false });
    // 40 ms frames advance 12 simulated ms each: 96 would be one frame past the bound.
    for (let now = 0; h.state() === "playing" && now < 10_000; now += 40) frame(now);
    expect([h.state(), h.playhead()]).toEqual(["paused", 95]);
    expect(h.actor.getSnapshot().context).toMatchObject({ until: null, halted: true });
    // More frames move nothing: the run holds at its moment.
    frame(20_000);
    frame(20_040);
    expect(h.playhead()).toBe(95);
    // Play again goes on, unbounded, to the end; the halt mark clears.
    h.actor.send({ type: "PLAY" });
    expect(h.actor.getSnapshot().context.halted).toBe(false);
    for (let now = 30_000; h.state() === "playing" && now < 90_000; now += 40) frame(now);
    expect([h.state(), h.playhead()]).toEqual(["ended", 1000]);
  });

  it("a bound at or past the end ends the run there, halted", () => {
    const h = harness(100);
    h.actor.send({ type: "PLAY", until: 500 });
    for (let now = 0; h.state() === "playing" && now < 10_000; now += 40) frame(now);
    expect([h.state(), h.playhead(), h.actor.getSnapshot().context.halted]).toEqual([
      "ended",
      100,
      true,
    ]);
  });

  it("a bound at the playhead halts at once, without a frame", () => {
    const h = harness();
    h.actor.send({ type: "PLAY", until: 0 });
    expect([h.state(), h.playhead(), h.actor.getSnapshot().context.halted]).toEqual([
      "paused",
      0,
      true,
    ]);
  });

  it("a seek while playing stops there and drops the bound (the viewer points at a moment)", () => {
    const h = harness(1000);
    h.actor.send({ type: "PLAY", until: 500 });
    frame(0);
    frame(40);
    h.actor.send({ type: "SEEK", t: 300 });
    expect([h.state(), h.playhead()]).toEqual(["paused", 300]);
    expect(h.actor.getSnapshot().context).toMatchObject({ until: null, halted: false });
    frame(80);
    frame(120);
    expect(h.playhead()).toBe(300);
    // Seeking past the old bound and playing on does not stop at it any more.
    h.actor.send({ type: "SEEK", t: 600 });
    h.actor.send({ type: "PLAY" });
    frame(200);
    frame(240);
    expect(h.playhead()).toBeGreaterThan(600);
  });

  it("pausing, stepping or restarting a bounded play is the viewer's: no halt", () => {
    for (const event of [
      { type: "PAUSE" },
      { type: "STEP_FORWARD" },
      { type: "STEP_BACK" },
      { type: "RESTART" },
    ] as const) {
      const h = harness(1000);
      h.actor.send({ type: "PLAY", until: 500 });
      frame(0);
      frame(40);
      h.actor.send(event);
      expect(h.state(), event.type).not.toBe("playing");
      expect(h.actor.getSnapshot().context, event.type).toMatchObject({
        until: null,
        halted: false,
      });
    }
  });

  it("keeps speed within 0.25x to 8x", () => {
    const h = harness();
    h.actor.send({ type: "SET_SPEED", speed: 100 });
    expect(h.actor.getSnapshot().context.speed).toBe(8);
    h.actor.send({ type: "SET_SPEED", speed: 0 });
    expect(h.actor.getSnapshot().context.speed).toBe(0.25);
  });
});
