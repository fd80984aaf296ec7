import { useSyncExternalStore } from "react";
import { type Actor, createActor, type SnapshotFrom } from "xstate";
import { useAppStore } from "./app-store";
import { createPlaybackMachine, type PlaybackEvent, SIM_MS_PER_SECOND } from "./playback-machine";
import { traceIndex } from "./trace-index";

/** At 1x a whole run plays in about this many real seconds... */
export const RUN_SECONDS_AT_1X = 6;
/** ...but never slower than this many simulated ms a second (a 5 ms run need not take 6 s)... */
const MIN_SIM_MS_PER_SECOND = 5;

/**
 * Simulated ms one real second plays at 1x for a run ending at `endTime` ms:
 * the run is spread over `RUN_SECONDS_AT_1X` seconds, so the 68 ms race takes
 * 6 s (11 ms a second) and the default ~1.3 s run about 6 s too. Long runs are
 * capped at `SIM_MS_PER_SECOND` (300 ms a second) and take longer, as before.
 */
export function simMsPerSecond(endTime: number): number {
  const spread = endTime / RUN_SECONDS_AT_1X;
  return Math.min(SIM_MS_PER_SECOND, Math.max(MIN_SIM_MS_PER_SECOND, spread));
}

/** Real seconds the whole run takes at `speed`. */
export function playSeconds(endTime: number, speed: number): number {
  return endTime / simMsPerSecond(endTime) / speed;
}

const machine = createPlaybackMachine({
  getPlayhead: () => useAppStore.getState().playhead,
  setPlayhead: (t) => useAppStore.getState().setPlayhead(t),
  getEndTime: () => useAppStore.getState().trace.endTime,
  getStops: () => traceIndex(useAppStore.getState().trace).times,
  // A tour step (a play to its moment) keeps the talk's rehearsed pace; the viewer's own Play is paced.
  getSimMsPerSecond: (bounded) =>
    bounded ? SIM_MS_PER_SECOND : simMsPerSecond(useAppStore.getState().trace.endTime),
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

/*
 * The hooks read the actor through React's own store subscription rather than
 * @xstate/react's `useSelector`: the same values (strings and numbers, compared
 * with Object.is), without that package and its shim on the first visit.
 */
const subscribeToActor = (listener: () => void) => playback.subscribe(listener);

export function usePlaybackStatus(): PlaybackStatus {
  return useSyncExternalStore(subscribeToActor, playback.status);
}

export function usePlaybackSpeed(): number {
  return useSyncExternalStore(subscribeToActor, playback.speed);
}
