import { useSelector } from "@xstate/react";
import { type Actor, createActor, type SnapshotFrom } from "xstate";
import { useAppStore } from "./app-store";
import { createPlaybackMachine, type PlaybackEvent } from "./playback-machine";
import { traceIndex } from "./trace-index";

const machine = createPlaybackMachine({
  getPlayhead: () => useAppStore.getState().playhead,
  setPlayhead: (t) => useAppStore.getState().setPlayhead(t),
  getEndTime: () => useAppStore.getState().trace.endTime,
  getStops: () => traceIndex(useAppStore.getState().trace).times,
});

type PlaybackActor = Actor<typeof machine>;
export type PlaybackSnapshot = SnapshotFrom<typeof machine>;
export type PlaybackStatus = "idle" | "playing" | "paused" | "ended";

let actor: PlaybackActor = createActor(machine).start();

/** Everything but the frame clock's own TICK. */
export type PlaybackCommand = Exclude<PlaybackEvent, { type: "TICK" }>;

/** The app's one playback actor. Tours, links and keys send it events. */
export const playback = {
  send: (event: PlaybackCommand) => actor.send(event),
  status: (): PlaybackStatus => statusOf(actor.getSnapshot()),
  speed: (): number => actor.getSnapshot().context.speed,
  /** The run stopped at a play's bound (`PLAY` with `until`), not paused by anyone. */
  halted: (): boolean => actor.getSnapshot().context.halted,
  /** Calls `listener` after every transition; returns the unsubscribe function. */
  subscribe: (listener: () => void): (() => void) => {
    const subscription = actor.subscribe(listener);
    return () => subscription.unsubscribe();
  },
};

function statusOf(snapshot: PlaybackSnapshot): PlaybackStatus {
  const value = snapshot.value;
  return value === "stepped" ? "paused" : value;
}

/** Stop the actor and start a fresh one (tests; never while a view holds the old one). */
export function resetPlayback(): void {
  actor.stop();
  actor = createActor(machine).start();
}

export function usePlaybackStatus(): PlaybackStatus {
  return useSelector(actor, statusOf);
}

export function usePlaybackSpeed(): number {
  return useSelector(actor, (s) => s.context.speed);
}
