import { afterEach, describe, expect, it } from "vitest";
import {
  isSpeakerMessage,
  SPEAKER_CHANNEL,
  type SpeakerCommand,
  type SpeakerTour,
  type SpeakerTourView,
  startSpeakerClient,
  startSpeakerHost,
} from "./speaker-sync";

/** A tour of chapters of 3 steps each, moved only by the commands it is sent. */
function fakeTour(): SpeakerTour & { applied: SpeakerCommand[] } {
  let state: SpeakerTourView = { open: false, chapter: 0, step: 0, presenter: false, blank: false };
  const listeners = new Set<() => void>();
  const set = (next: Partial<SpeakerTourView>) => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };
  const applied: SpeakerCommand[] = [];
  return {
    applied,
    view: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    apply: (c) => {
      applied.push(c);
      const flat = state.chapter * 3 + state.step;
      const at = (n: number) => set({ chapter: Math.floor(n / 3), step: n % 3 });
      if (c.type === "start") set({ open: true });
      else if (c.type === "next") at(flat + 1);
      else if (c.type === "prev") at(Math.max(0, flat - 1));
      else if (c.type === "goto") set({ chapter: c.chapter, step: c.step });
      else if (c.type === "blank") set({ blank: !state.blank });
    },
  };
}

const open: BroadcastChannel[] = [];
function channel(): BroadcastChannel {
  const c = new BroadcastChannel(SPEAKER_CHANNEL);
  open.push(c);
  return c;
}
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

/** Resolves once `check` holds, polling the event loop (messages arrive asynchronously). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("speaker sync over BroadcastChannel", () => {
  it("a speaker window that opens late hears where the tour is", async () => {
    const tour = fakeTour();
    tour.apply({ type: "start" });
    tour.apply({ type: "goto", chapter: 4, step: 2 });
    const stopHost = startSpeakerHost(channel(), tour);
    const seen: (SpeakerTourView | null)[] = [];
    const client = startSpeakerClient(channel(), (v) => seen.push(v));
    await until(() => seen.length > 0, "the host's answer to hello");
    expect(seen.at(-1)).toEqual({
      open: true,
      chapter: 4,
      step: 2,
      presenter: false,
      blank: false,
    });
    client.stop();
    stopHost();
  });

  it("a move in the main window reaches every speaker window", async () => {
    const tour = fakeTour();
    const stopHost = startSpeakerHost(channel(), tour);
    const a: (SpeakerTourView | null)[] = [];
    const b: (SpeakerTourView | null)[] = [];
    startSpeakerClient(channel(), (v) => a.push(v));
    startSpeakerClient(channel(), (v) => b.push(v));
    // The main window's own keys, not the speaker's: the host announces the move.
    tour.apply({ type: "start" });
    tour.apply({ type: "next" });
    const at = (list: (SpeakerTourView | null)[]) => list.at(-1);
    await until(() => at(a)?.step === 1 && at(b)?.step === 1, "the move in both clients");
    expect(at(a)).toMatchObject({ open: true, chapter: 0, step: 1 });
    expect(at(b)).toEqual(at(a));
    stopHost();
  });

  it("a command from the speaker window moves the main window's tour, and the move comes back", async () => {
    const tour = fakeTour();
    tour.apply({ type: "start" });
    tour.applied.length = 0;
    const stopHost = startSpeakerHost(channel(), tour);
    const seen: (SpeakerTourView | null)[] = [];
    const client = startSpeakerClient(channel(), (v) => seen.push(v));
    client.send({ type: "next" });
    client.send({ type: "next" });
    client.send({ type: "next" });
    await until(() => seen.at(-1)?.chapter === 1, "three steps forward");
    expect(tour.applied).toEqual([{ type: "next" }, { type: "next" }, { type: "next" }]);
    expect(tour.view()).toMatchObject({ chapter: 1, step: 0 });
    expect(seen.at(-1)).toMatchObject({ chapter: 1, step: 0 });
    client.send({ type: "blank" });
    await until(() => seen.at(-1)?.blank === true, "the blank screen");
    stopHost();
  });

  it("the speaker window learns when the main window goes away, and a stopped host moves nothing", async () => {
    const tour = fakeTour();
    const stopHost = startSpeakerHost(channel(), tour);
    const seen: (SpeakerTourView | null)[] = [];
    const client = startSpeakerClient(channel(), (v) => seen.push(v));
    await until(() => seen.length > 0, "hello answered");
    stopHost();
    await until(() => seen.at(-1) === null, "bye");
    client.send({ type: "start" });
    await new Promise((r) => setTimeout(r, 30));
    expect(tour.applied).toEqual([]);
  });

  it("believes only well-formed messages", async () => {
    expect(isSpeakerMessage({ kind: "hello" })).toBe(true);
    expect(
      isSpeakerMessage({ kind: "command", command: { type: "goto", chapter: 2, step: 0 } }),
    ).toBe(true);
    expect(
      isSpeakerMessage({ kind: "command", command: { type: "goto", chapter: -1, step: 0 } }),
    ).toBe(false);
    expect(
      isSpeakerMessage({ kind: "command", command: { type: "goto", chapter: 1.5, step: 0 } }),
    ).toBe(false);
    expect(isSpeakerMessage({ kind: "command", command: { type: "exit" } })).toBe(false);
    expect(isSpeakerMessage({ kind: "state", view: { open: true, chapter: 0 } })).toBe(false);
    expect(isSpeakerMessage("next")).toBe(false);
    expect(isSpeakerMessage(null)).toBe(false);
    // On the wire: junk on the channel moves nothing.
    const tour = fakeTour();
    const stopHost = startSpeakerHost(channel(), tour);
    const rogue = channel();
    rogue.postMessage({ kind: "command", command: { type: "goto", chapter: "4", step: 0 } });
    rogue.postMessage({ kind: "command", command: { type: "play" } });
    rogue.postMessage({ kind: "command" });
    // A real command after the junk proves the host was listening all along.
    rogue.postMessage({ kind: "command", command: { type: "start" } });
    await until(() => tour.applied.length > 0, "the real command");
    expect(tour.applied).toEqual([{ type: "start" }]);
    stopHost();
  });
});
