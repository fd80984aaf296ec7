import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { playback, resetPlayback } from "../../app/playback";
import { CHAPTERS } from "../../tour/chapters";
import {
  getTourPosition,
  resetTour,
  setTourPosition,
  subscribeTourPosition,
  useTourStore,
} from "../../tour/tour-store";
import { useKeyboardShortcuts } from "../use-keyboard-shortcuts";
import { Tour } from "./Tour";

/** The tour beside the app's own shortcuts, to prove the two do not fight over keys. */
function Harness() {
  useKeyboardShortcuts();
  return <Tour />;
}

const caption = () => screen.getByRole("region", { name: "Tour" });
const stepOf = (c: number, s: number) => CHAPTERS[c].steps[s];

async function openTour() {
  const user = userEvent.setup();
  render(<Harness />);
  await user.click(screen.getByRole("button", { name: "Tour" }));
  return user;
}

describe("Tour", { timeout: 30_000 }, () => {
  beforeEach(() => {
    resetTour();
    resetPlayback();
    resetAppStore();
  });

  it("opens at chapter 1, step 1, loads that step's scenario and plays it", async () => {
    await openTour();
    const bar = caption();
    expect(within(bar).getByText(/Chapter 1 · State in a monolith database/)).toBeInTheDocument();
    expect(within(bar).getByRole("heading", { name: stepOf(0, 0).title })).toBeInTheDocument();
    expect(within(bar).getByText(stepOf(0, 0).caption)).toBeInTheDocument();
    expect(within(bar).getByText("step 1 of 3")).toBeInTheDocument();
    expect(within(bar).getAllByRole("listitem")).toHaveLength(7 + 4);
    expect(within(bar).getByRole("navigation", { name: "Chapters" })).toBeInTheDocument();
    expect(useAppStore.getState().scenario.strategy).toBe("single-db");
    expect(playback.status()).toBe("playing");
    expect(useAppStore.getState().highlight.length).toBeGreaterThan(0);
  });

  it("Next and Previous change the caption, across chapter boundaries", async () => {
    const user = await openTour();
    await user.click(screen.getByRole("button", { name: /Next step/ }));
    expect(screen.getByText(stepOf(0, 1).caption)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /Next step/ }));
    await user.click(screen.getByRole("button", { name: /Next step/ }));
    expect(screen.getByText(/Chapter 2 · Data stores explosion/)).toBeInTheDocument();
    expect(screen.getByText(stepOf(1, 0).caption)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /Previous step/ }));
    expect(screen.getByText(stepOf(0, 2).caption)).toBeInTheDocument();
    expect(getTourPosition()).toEqual({ chapter: 1, step: 3 });
  });

  it("clicker keys move the tour and never the playhead; Escape leaves", async () => {
    const user = await openTour();
    await user.keyboard(" ");
    expect(useTourStore.getState()).toMatchObject({ chapter: 0, step: 1 });
    // The app's Space would have paused playback; the tour's Space restarted the step instead.
    expect(playback.status()).toBe("playing");
    await user.keyboard(".{PageDown}{ArrowRight}");
    expect(useTourStore.getState()).toMatchObject({ chapter: 1, step: 1 });
    await user.keyboard("{PageUp}{ArrowLeft}");
    expect(useTourStore.getState()).toMatchObject({ chapter: 0, step: 2 });
    await user.keyboard("5");
    expect(screen.getByText(/Chapter 5 · Dual writes/)).toBeInTheDocument();
    await user.keyboard("{End}");
    expect(screen.getByText(/Chapter 7/)).toBeInTheDocument();
    expect(screen.getByRole("table")).toBeInTheDocument();
    await user.keyboard("{Home}");
    expect(useTourStore.getState()).toMatchObject({ chapter: 0, step: 0 });
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "Tour" })).toBeNull();
    expect(getTourPosition()).toBeNull();
    // Outside the tour the app's own keys are back: Space toggles playback.
    (document.activeElement as HTMLElement | null)?.blur();
    const before = playback.status();
    await user.keyboard(" ");
    expect(playback.status()).not.toBe(before);
  });

  it("leaving keeps the step's scenario to play with; Tour comes back to the same step", async () => {
    const user = await openTour();
    await user.keyboard("6{ArrowRight}{ArrowRight}");
    const scenario = useAppStore.getState().scenario;
    await user.click(screen.getByRole("button", { name: "Leave tour" }));
    expect(screen.queryByRole("region", { name: "Tour" })).toBeNull();
    expect(useAppStore.getState().scenario).toBe(scenario);
    await user.click(screen.getByRole("button", { name: "Tour" }));
    expect(screen.getByText(stepOf(5, 2).caption)).toBeInTheDocument();
  });

  it("a focused Next step button pressed with Space advances exactly one step", async () => {
    const user = await openTour();
    screen.getByRole("button", { name: /Next step/ }).focus();
    await user.keyboard(" ");
    expect(useTourStore.getState()).toMatchObject({ chapter: 0, step: 1 });
  });

  it("presenter mode (button and P) scales the page; B blanks, Escape unblanks first", async () => {
    const user = await openTour();
    await user.click(screen.getByRole("button", { name: "Presenter mode" }));
    expect(document.documentElement.classList.contains("presenter")).toBe(true);
    await user.keyboard("p");
    expect(document.documentElement.classList.contains("presenter")).toBe(false);
    await user.keyboard("b");
    expect(useTourStore.getState().blank).toBe(true);
    await user.keyboard("{Escape}");
    expect(useTourStore.getState()).toMatchObject({ blank: false, open: true });
  });

  it("halts at the step's target and selects the spotlit anomaly", async () => {
    await openTour();
    act(() => setTourPosition({ chapter: 5, step: 1 }));
    expect(screen.getByText(/Chapter 5 · Dual writes/)).toBeInTheDocument();
    // No animation frames in jsdom: move time by seeking while playing.
    act(() => playback.send({ type: "SEEK", t: 1000 }));
    const app = useAppStore.getState();
    expect(playback.status()).toBe("paused");
    expect(app.playhead).toBe(60);
    expect(app.report?.anomalies.find((a) => a.id === app.selectedAnomalyId)?.kind).toBe(
      "isolation",
    );
  });

  it("link helpers: setTourPosition opens the step, clamps, and notifies subscribers", () => {
    render(<Harness />);
    const seen: unknown[] = [];
    const stop = subscribeTourPosition((p) => seen.push(p));
    act(() => setTourPosition({ chapter: 6, step: 5 }));
    expect(getTourPosition()).toEqual({ chapter: 6, step: 5 });
    expect(screen.getByText(stepOf(5, 4).caption)).toBeInTheDocument();
    act(() => setTourPosition({ chapter: 99, step: 99 }));
    expect(getTourPosition()).toEqual({ chapter: 7, step: 2 });
    act(() => setTourPosition(null));
    expect(seen).toEqual([{ chapter: 6, step: 5 }, { chapter: 7, step: 2 }, null]);
    stop();
  });
});
