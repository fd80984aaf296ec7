import { assign, fromCallback, setup } from "xstate";
import { nextStop, previousStop } from "./trace-index";

/**
 * At 1x, one real second plays this many simulated ms: the default run
 * (~1.3 s simulated) takes about four seconds, slow enough to follow arrows.
 */
export const SIM_MS_PER_SECOND = 300;
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 8;
/** A longer gap between frames (a hidden tab) advances no more than this. */
const MAX_FRAME_MS = 100;

/** How the machine reads and moves the playhead, which lives in the app store. */
export interface PlaybackDeps {
  getPlayhead: () => number;
  setPlayhead: (t: number) => void;
  getEndTime: () => number;
  /** Distinct event times, ascending. */
  getStops: () => readonly number[];
}

export type PlaybackEvent =
  | { type: "PLAY" }
  | { type: "PAUSE" }
  | { type: "TOGGLE" }
  | { type: "STEP_FORWARD" }
  | { type: "STEP_BACK" }
  | { type: "SEEK"; t: number }
  | { type: "RESTART" }
  | { type: "SET_SPEED"; speed: number }
  /** The trace changed (re-simulated): re-derive ended/paused from the playhead. */
  | { type: "SYNC" }
  | { type: "TICK"; dtMs: number };

const frames = fromCallback<PlaybackEvent>(({ sendBack }) => {
  let last: number | undefined;
  let id = 0;
  const frame = (now: number) => {
    if (last !== undefined) sendBack({ type: "TICK", dtMs: Math.min(now - last, MAX_FRAME_MS) });
    last = now;
    id = requestAnimationFrame(frame);
  };
  id = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(id);
});

export const clampSpeed = (speed: number) =>
  Number.isFinite(speed) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) : 1;

export function createPlaybackMachine(deps: PlaybackDeps) {
  const atEnd = () => deps.getPlayhead() >= deps.getEndTime();
  return setup({
    types: { context: {} as { speed: number }, events: {} as PlaybackEvent },
    actors: { frames },
    actions: {
      seek: (_, params: { t: number }) => deps.setPlayhead(params.t),
      stepForward: () =>
        deps.setPlayhead(nextStop(deps.getStops(), deps.getPlayhead(), deps.getEndTime())),
      stepBack: () => deps.setPlayhead(previousStop(deps.getStops(), deps.getPlayhead())),
      rewind: () => deps.setPlayhead(0),
      advance: ({ context }, params: { dtMs: number }) =>
        deps.setPlayhead(
          deps.getPlayhead() + (params.dtMs / 1000) * SIM_MS_PER_SECOND * context.speed,
        ),
      setSpeed: assign({ speed: (_, params: { speed: number }) => clampSpeed(params.speed) }),
    },
    guards: { atEnd },
  }).createMachine({
    id: "playback",
    context: { speed: 1 },
    initial: "idle",
    on: {
      SET_SPEED: { actions: { type: "setSpeed", params: ({ event }) => ({ speed: event.speed }) } },
      RESTART: { target: ".idle", actions: "rewind" },
      STEP_FORWARD: [
        { guard: "atEnd", target: ".ended" },
        { target: ".stepped", actions: "stepForward" },
      ],
      STEP_BACK: { target: ".stepped", actions: "stepBack" },
      SEEK: {
        target: ".stepped",
        actions: { type: "seek", params: ({ event }) => ({ t: event.t }) },
      },
      SYNC: { target: ".stepped" },
    },
    states: {
      idle: { on: { PLAY: "playing", TOGGLE: "playing", SYNC: {} } },
      /** Transient: after a jump, settle in `ended` or `paused` by where the playhead is. */
      stepped: { always: [{ guard: "atEnd", target: "ended" }, { target: "paused" }] },
      playing: {
        invoke: { src: "frames" },
        on: {
          PAUSE: "paused",
          TOGGLE: "paused",
          TICK: { actions: { type: "advance", params: ({ event }) => ({ dtMs: event.dtMs }) } },
          // Scrubbing while playing keeps playing from the new place.
          SEEK: { actions: { type: "seek", params: ({ event }) => ({ t: event.t }) } },
          SYNC: {},
        },
        always: { guard: "atEnd", target: "ended" },
      },
      paused: { on: { PLAY: "playing", TOGGLE: "playing" } },
      ended: {
        on: {
          PLAY: { target: "playing", actions: "rewind" },
          TOGGLE: { target: "playing", actions: "rewind" },
        },
      },
    },
  });
}
