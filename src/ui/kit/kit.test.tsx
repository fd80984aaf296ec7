import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { CHAPTERS } from "../../tour/chapters";
import { speakerTour } from "../../tour/speaker-host";
import {
  SPEAKER_CHANNEL,
  type SpeakerTourView,
  startSpeakerClient,
  startSpeakerHost,
} from "../../tour/speaker-sync";
import { resetTour, tourActions, useTourStore } from "../../tour/tour-store";
import { formatElapsed } from "../speaker/SpeakerView";
import { KitButtons } from "./KitButtons";
import { useKitStore } from "./kit-store";
import { isSpeakerWindow, speakerUrl } from "./speaker-window";

const open: BroadcastChannel[] = [];
function channel(): BroadcastChannel {
  const c = new BroadcastChannel(SPEAKER_CHANNEL);
  open.push(c);
  return c;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await act(() => new Promise((r) => setTimeout(r, 5)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const position = () => {
  const { chapter, step } = useTourStore.getState();
  return CHAPTERS[chapter].steps[step].id;
};

describe("the speaker view's host on the real tour store", { timeout: 30_000 }, () => {
  beforeEach(() => {
    resetTour();
    resetPlayback();
    resetAppStore();
  });
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
    resetTour();
  });

  it("starts, moves and blanks the tour through its public actions, and reports each move", async () => {
    const stopHost = startSpeakerHost(channel(), speakerTour);
    const seen: (SpeakerTourView | null)[] = [];
    const client = startSpeakerClient(channel(), (v) => seen.push(v));
    await until(() => seen.length > 0, "hello answered");
    expect(seen.at(-1)).toMatchObject({ open: false });
    // Blank means nothing with the tour closed.
    client.send({ type: "blank" });
    client.send({ type: "start" });
    await until(() => useTourStore.getState().open, "the tour to open");
    expect(useTourStore.getState().blank).toBe(false);
    expect(position()).toBe(CHAPTERS[0].steps[0].id);
    client.send({ type: "next" });
    await until(() => seen.at(-1)?.step === 1, "next step reported");
    expect(position()).toBe(CHAPTERS[0].steps[1].id);
    client.send({ type: "goto", chapter: 5, step: 1 });
    await until(() => seen.at(-1)?.chapter === 5, "goto reported");
    expect(position()).toBe(CHAPTERS[5].steps[1].id);
    client.send({ type: "last" });
    await until(() => seen.at(-1)?.chapter === CHAPTERS.length - 1, "last reported");
    client.send({ type: "first" });
    await until(() => seen.at(-1)?.chapter === 0 && seen.at(-1)?.step === 0, "first reported");
    client.send({ type: "blank" });
    await until(() => seen.at(-1)?.blank === true, "blank reported");
    expect(useTourStore.getState().blank).toBe(true);
    // A second start while open does not restart the tour from step 1 elsewhere.
    act(() => tourActions.toggleBlank());
    act(() => tourActions.next());
    client.send({ type: "start" });
    await until(() => seen.at(-1)?.step === 1 && seen.at(-1)?.blank === false, "main-window moves");
    expect(position()).toBe(CHAPTERS[0].steps[1].id);
    client.stop();
    stopHost();
  });
});

describe("the kit's keys and addresses", () => {
  beforeEach(() => {
    resetTour();
    useKitStore.setState({ qrOpen: false, blockedSpeakerUrl: null });
  });

  it("Q opens the QR overlay only in talk mode, and closes it again", () => {
    render(<KitButtons />);
    const press = (key: string) =>
      act(() => {
        window.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
      });
    press("q");
    expect(useKitStore.getState().qrOpen).toBe(false);
    act(() => useTourStore.setState({ presenter: true }));
    press("q");
    expect(useKitStore.getState().qrOpen).toBe(true);
    press("q");
    expect(useKitStore.getState().qrOpen).toBe(false);
    press("Q");
    press("Escape");
    expect(useKitStore.getState().qrOpen).toBe(false);
    act(() => screen.getByRole("button", { name: "QR code" }).click());
    expect(useKitStore.getState().qrOpen).toBe(true);
  });

  it("the speaker window is the same page with ?view=speaker and no link", () => {
    expect(speakerUrl("https://example.org/talk/index.html?x=1#s=1.abc&tour=2.1")).toBe(
      "https://example.org/talk/index.html?view=speaker",
    );
    expect(isSpeakerWindow("?view=speaker")).toBe(true);
    expect(isSpeakerWindow("?view=other")).toBe(false);
    expect(isSpeakerWindow("")).toBe(false);
  });

  it("formats elapsed time as m:ss, and h:mm:ss past the hour", () => {
    expect(formatElapsed(0)).toBe("0:00");
    expect(formatElapsed(61_999)).toBe("1:01");
    expect(formatElapsed(3_725_000)).toBe("1:02:05");
    expect(formatElapsed(-5)).toBe("0:00");
  });
});
