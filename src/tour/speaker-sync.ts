/**
 * The speaker view's protocol: the main window (the host, which runs the tour)
 * and any speaker windows (clients, which only show it) talk over one
 * BroadcastChannel.
 *
 *   client → host  `hello`            a speaker window opened: "tell me where you are"
 *   host → client  `state`            where the tour is; sent on every move and in answer to hello
 *   client → host  `command`          next, prev, first, last, goto, start or blank, from the speaker's keys
 *   host → client  `bye`              the main window is going away
 *
 * The host applies a command with the tour's public actions, and the move comes
 * back to every window as a `state`: changing step from either window moves both.
 * A client never moves a tour of its own, so it starts no run and plays nothing.
 *
 * This file knows neither the tour store nor the DOM (it takes a channel and a
 * `SpeakerTour`), so the protocol is tested with two channels in one process.
 */

/** The channel both windows open; one origin, one talk. */
export const SPEAKER_CHANNEL = "inside-out/speaker";

/** What the speaker window shows of the main window's tour. 0-based, like the tour store. */
export interface SpeakerTourView {
  open: boolean;
  chapter: number;
  step: number;
  presenter: boolean;
  blank: boolean;
}

export type SpeakerCommand =
  | { type: "start" }
  | { type: "next" }
  | { type: "prev" }
  | { type: "first" }
  | { type: "last" }
  | { type: "blank" }
  | { type: "goto"; chapter: number; step: number };

export type SpeakerMessage =
  | { kind: "hello" }
  | { kind: "state"; view: SpeakerTourView }
  | { kind: "command"; command: SpeakerCommand }
  | { kind: "bye" };

/** The part of BroadcastChannel the protocol uses (a fake in tests is fine). */
export interface SpeakerChannel {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

/** What the host needs of the tour: its position, a change feed, and a way to move it. */
export interface SpeakerTour {
  view(): SpeakerTourView;
  subscribe(listener: () => void): () => void;
  apply(command: SpeakerCommand): void;
}

const SIMPLE = new Set(["start", "next", "prev", "first", "last", "blank"]);
/** Positions are small whole numbers; anything else is not from us. */
const index = (n: unknown): n is number =>
  Number.isInteger(n) && (n as number) >= 0 && (n as number) < 1000;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null;
}

function isCommand(x: unknown): x is SpeakerCommand {
  if (!isObject(x) || typeof x.type !== "string") return false;
  if (x.type === "goto") return index(x.chapter) && index(x.step);
  return SIMPLE.has(x.type);
}

function isView(x: unknown): x is SpeakerTourView {
  return (
    isObject(x) &&
    typeof x.open === "boolean" &&
    index(x.chapter) &&
    index(x.step) &&
    typeof x.presenter === "boolean" &&
    typeof x.blank === "boolean"
  );
}

/**
 * Whether `data` is a well-formed protocol message. Anything on the channel
 * comes from another window, so it is checked before it is believed.
 */
export function isSpeakerMessage(data: unknown): data is SpeakerMessage {
  if (!isObject(data)) return false;
  switch (data.kind) {
    case "hello":
    case "bye":
      return true;
    case "state":
      return isView(data.view);
    case "command":
      return isCommand(data.command);
    default:
      return false;
  }
}

function post(channel: SpeakerChannel, message: SpeakerMessage): void {
  channel.postMessage(message);
}

/**
 * The main window's side: answers hello with the tour's position, applies the
 * speaker's commands, and announces every move. Returns the stop function
 * (which says bye, so open speaker windows know the main window went away).
 */
export function startSpeakerHost(channel: SpeakerChannel, tour: SpeakerTour): () => void {
  const announce = () => post(channel, { kind: "state", view: tour.view() });
  const onMessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (!isSpeakerMessage(data)) return;
    if (data.kind === "hello") announce();
    else if (data.kind === "command") tour.apply(data.command);
  };
  channel.addEventListener("message", onMessage);
  const unsubscribe = tour.subscribe(announce);
  // A speaker window already open (the main window was reloaded) catches up at once.
  announce();
  return () => {
    unsubscribe();
    channel.removeEventListener("message", onMessage);
    post(channel, { kind: "bye" });
  };
}

export interface SpeakerClient {
  /** Ask the main window to move (or start, or blank) its tour. */
  send(command: SpeakerCommand): void;
  stop(): void;
}

/**
 * The speaker window's side: says hello, then reports every position the main
 * window announces (`null` when the main window said bye).
 */
export function startSpeakerClient(
  channel: SpeakerChannel,
  onView: (view: SpeakerTourView | null) => void,
): SpeakerClient {
  const onMessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (!isSpeakerMessage(data)) return;
    if (data.kind === "state") onView(data.view);
    else if (data.kind === "bye") onView(null);
  };
  channel.addEventListener("message", onMessage);
  post(channel, { kind: "hello" });
  return {
    send: (command) => post(channel, { kind: "command", command }),
    stop: () => channel.removeEventListener("message", onMessage),
  };
}
