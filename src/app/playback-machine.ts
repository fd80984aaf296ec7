import { assign, fromCallback, setup } from "xstate";
import { nextStop, previousStop } from "./trace-index";

/**
 * At 1x, one real second plays at most this many simulated ms. The app paces
 * shorter runs slower (`getSimMsPerSecond`, see `simMsPerSecond` in playback.ts).
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
  /**
   * Simulated ms one real second plays at 1x; `SIM_MS_PER_SECOND` when absent.
   * `bounded`: the play stops at an `until` (a tour step playing to its moment).
   */
  getSimMsPerSecond?: (bounded: boolean) => number;
}

export type PlaybackEvent =
  /**
   * Play from the playhead. With `until`, play stops exactly there (a tour
   * step's moment): the playhead never passes it and the machine pauses,
   * marking the stop as a halt (`context.halted`).
   */
  | { type: "PLAY"; until?: number }
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

export interface PlaybackContext {
  speed: number;
  /** Where the current play stops (simulated ms), or null to play to the end. */
  until: number | null;
  /** The last stop was at `until`: the play reached its bound, nobody paused it. */
  halted: boolean;
}

export function createPlaybackMachine(deps: PlaybackDeps) {
  const atEnd = () => deps.getPlayhead() >= deps.getEndTime();
  return setup({
    types: { context: {} as PlaybackContext, events: {} as PlaybackEvent },
    actors: { frames },
    actions: {
      seek: (_, params: { t: number }) => deps.setPlayhead(params.t),
      startPlay: assign(({ event }) => ({
        until: event.type === "PLAY" && event.until !== undefined ? event.until : null,
        halted: false,
      })),
      /** Any move other than a play to its bound is the viewer's: no bound, no halt. */
      free: assign({ until: null, halted: false }),
      halt: assign({ until: null, halted: true }),
      stepForward: () =>
        deps.setPlayhead(nextStop(deps.getStops(), deps.getPlayhead(), deps.getEndTime())),
      stepBack: () => deps.setPlayhead(previousStop(deps.getStops(), deps.getPlayhead())),
      rewind: () => deps.setPlayhead(0),
      advance: ({ context }, params: { dtMs: number }) => {
        const rate = deps.getSimMsPerSecond?.(context.until !== null) ?? SIM_MS_PER_SECOND;
        const next = deps.getPlayhead() + (params.dtMs / 1000) * rate * context.speed;
        // A bounded play lands exactly on its bound, never a frame past it.
        deps.setPlayhead(context.until === null ? next : Math.min(next, context.until));
      },
      setSpeed: assign({ speed: (_, params: { speed: number }) => clampSpeed(params.speed) }),
    },
    guards: {
      atEnd,
      reachedUntil: ({ context }) =>
        context.until !== null && deps.getPlayhead() >= Math.min(context.until, deps.getEndTime()),
    },
  }).createMachine({
    id: "playback",
    context: { speed: 1, until: null, halted: false },
    initial: "idle",
    on: {
      SET_SPEED: { actions: { type: "setSpeed", params: ({ event }) => ({ speed: event.speed }) } },
      RESTART: { target: ".idle", actions: ["rewind", "free"] },
      STEP_FORWARD: [
        { guard: "atEnd", target: ".ended", actions: "free" },
        { target: ".stepped", actions: ["stepForward", "free"] },
      ],
      STEP_BACK: { target: ".stepped", actions: ["stepBack", "free"] },
      /*
       * A seek always stops the run where it lands, playing or not. On stage a
       * seek is the speaker pointing at a moment (a click on the timeline, a
       * drag of the slider, Home/End): the picture must hold still while they
       * talk about it, not run on and bury that moment. It also drops a play's
       * bound — the playhead is the viewer's now, and Play goes on from there.
       */
      SEEK: {
        target: ".stepped",
        actions: [{ type: "seek", params: ({ event }) => ({ t: event.t }) }, "free"],
      },
      SYNC: { target: ".stepped", actions: "free" },
    },
    states: {
      idle: {
        on: {
          PLAY: { target: "playing", actions: "startPlay" },
          TOGGLE: { target: "playing", actions: "startPlay" },
          SYNC: {},
        },
      },
      /** Transient: after a jump, settle in `ended` or `paused` by where the playhead is. */
      stepped: { always: [{ guard: "atEnd", target: "ended" }, { target: "paused" }] },
      playing: {
        invoke: { src: "frames" },
        on: {
          PAUSE: { target: "paused", actions: "free" },
          TOGGLE: { target: "paused", actions: "free" },
          TICK: { actions: { type: "advance", params: ({ event }) => ({ dtMs: event.dtMs }) } },
          // A new trace while playing (an edit) plays on; the bound, if any, still holds.
          SYNC: {},
        },
        always: [
          { guard: "reachedUntil", target: "stepped", actions: "halt" },
          { guard: "atEnd", target: "ended" },
        ],
      },
      paused: {
        on: {
          PLAY: { target: "playing", actions: "startPlay" },
          TOGGLE: { target: "playing", actions: "startPlay" },
        },
      },
      ended: {
        on: {
          PLAY: { target: "playing", actions: ["rewind", "startPlay"] },
          TOGGLE: { target: "playing", actions: ["rewind", "startPlay"] },
        },
      },
    },
  });
}
