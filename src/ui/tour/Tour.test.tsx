import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { playback, resetPlayback } from "../../app/playback";
import { CHAPTERS } from "../../tour/chapters";
import { captionWhileAsking } from "../../tour/predict";
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
    const nav = within(bar).getByRole("navigation", { name: "Chapters" });
    expect(within(nav).getAllByRole("listitem")).toHaveLength(7);
    expect(
      within(bar).getByRole("list", { name: "Scoreboard at the playhead" }).children,
    ).toHaveLength(4);
    // The evidence the caption names is in the bar, next to the timeline: x, y and z per store.
    const evidence = within(bar).getByRole("region", { name: "Evidence" });
    for (const key of ["x", "y", "z"])
      expect(within(evidence).getByRole("list", { name: `Stores: ${key}` })).toBeInTheDocument();
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
    await user.keyboard("{PageDown}{PageDown}{ArrowRight}");
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
    // 6.1 asks the room first: the first → reveals its answer, the next two move on.
    await user.keyboard("6{ArrowRight}{ArrowRight}{ArrowRight}");
    const scenario = useAppStore.getState().scenario;
    await user.click(screen.getByRole("button", { name: "Leave tour" }));
    expect(screen.queryByRole("region", { name: "Tour" })).toBeNull();
    expect(useAppStore.getState().scenario).toBe(scenario);
    await user.click(screen.getByRole("button", { name: "Tour" }));
    // 6.3 asks first: its caption shows the setup only until the run reveals the outcome.
    expect(screen.getByText(captionWhileAsking(stepOf(5, 2)))).toBeInTheDocument();
  });

  it("a live edit is named under the caption, and the step's own run comes back with one click", async () => {
    const user = await openTour();
    const bar = caption();
    expect(within(bar).queryByTestId("tour-live-edit")).toBeNull();
    act(() => {
      actions.editScenario((s) => {
        s.strategy = "log";
        s.seed = 5;
      });
    });
    const note = within(bar).getByTestId("tour-live-edit");
    expect(note).toHaveTextContent(
      "Changed live: Seed: 1 → 5; Strategy: single-db → log. The caption tells the step as written",
    );
    await user.click(within(note).getByRole("button", { name: "Back to the step's run" }));
    expect(within(bar).queryByTestId("tour-live-edit")).toBeNull();
    expect(useAppStore.getState().scenario).toEqual(stepOf(0, 0).scenario);
    expect(getTourPosition()).toEqual({ chapter: 1, step: 1 });
    // Undone by hand, the run is the step's again: nothing to name.
    act(() => {
      actions.editScenario((s) => {
        s.seed = 6;
      });
    });
    expect(within(bar).getByTestId("tour-live-edit")).toBeInTheDocument();
    act(() => {
      actions.undo();
    });
    expect(within(bar).queryByTestId("tour-live-edit")).toBeNull();
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

  it("Presenter mode pressed on the start page opens the tour, and the clicker drives it", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.queryByRole("region", { name: "Tour" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Presenter mode" }));
    expect(document.documentElement.classList.contains("presenter")).toBe(true);
    expect(caption()).toBeInTheDocument();
    await user.keyboard("{PageDown}");
    expect(useTourStore.getState()).toMatchObject({ open: true, chapter: 0, step: 1 });
  });

  it("in presenter mode Escape keeps the tour; '.' and B blank and hold the step", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.keyboard("p");
    expect(useTourStore.getState()).toMatchObject({ open: true, presenter: true });
    await user.keyboard("{Escape}");
    expect(caption()).toBeInTheDocument();
    expect(useTourStore.getState().open).toBe(true);
    // "." blanks (many clickers' blank button); behind it the step holds: the play pauses.
    expect(playback.status()).toBe("playing");
    await user.keyboard(".");
    expect(useTourStore.getState().blank).toBe(true);
    expect(playback.status()).toBe("paused");
    // Next while blanked does nothing behind the black screen.
    await user.keyboard("{PageDown}{ArrowRight} ");
    expect(useTourStore.getState()).toMatchObject({ chapter: 0, step: 0, blank: true });
    expect(playback.status()).toBe("paused");
    // B shows it again and the step plays on to its moment.
    await user.keyboard("b");
    expect(useTourStore.getState()).toMatchObject({ chapter: 0, step: 0, blank: false });
    expect(playback.status()).toBe("playing");
    // Leaving by the button still works, and the controls come back (presenter stays on).
    await user.click(screen.getByRole("button", { name: "Leave tour" }));
    expect(screen.queryByRole("region", { name: "Tour" })).toBeNull();
    expect(document.documentElement.classList.contains("tour-open")).toBe(false);
    expect(document.documentElement.classList.contains("presenter")).toBe(true);
  });

  it("asks first, then plays to the step's target on an answer, stops there and reveals the computed answer", async () => {
    let frames: FrameRequestCallback[] = [];
    vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal("cancelAnimationFrame", () => {});
    const runFrames = () => {
      for (let now = 0; playback.status() === "playing" && now < 60_000; now += 16) {
        const pending = frames;
        frames = [];
        act(() => {
          for (const cb of pending) cb(now);
        });
      }
    };
    try {
      resetPlayback();
      const user = userEvent.setup();
      render(<Harness />);
      act(() => setTourPosition({ chapter: 5, step: 1 }));
      expect(screen.getByText(/Chapter 5 · Dual writes/)).toBeInTheDocument();
      const target = useTourStore.getState().target ?? -1;
      expect(target).toBe(60);
      // The question is open: the run waits at 0, the choices show, nothing plays.
      const predict = screen.getByRole("region", { name: "Predict" });
      expect(predict).toHaveAttribute("data-state", "asking");
      expect(caption()).toHaveAttribute("data-state", "asking");
      expect(playback.status()).toBe("idle");
      expect(useAppStore.getState().playhead).toBe(0);
      const choices = within(predict).getAllByRole("button");
      expect(choices.map((c) => c.textContent)).toEqual(["1 A", "2 B"]);
      // The caption holds back its outcome while the room thinks.
      expect(screen.getByText(captionWhileAsking(stepOf(4, 0)))).toBeInTheDocument();
      expect(screen.queryByText(stepOf(4, 0).caption)).toBeNull();
      // The room answers B (key 2): the run plays to its moment, the whole caption shows.
      await user.keyboard("2");
      expect(screen.getByText(stepOf(4, 0).caption)).toBeInTheDocument();
      expect(useTourStore.getState()).toMatchObject({ asking: false, choice: 1 });
      expect(playback.status()).toBe("playing");
      runFrames();
      const app = useAppStore.getState();
      expect(playback.status()).toBe("paused");
      expect(app.playhead).toBe(target);
      expect(useTourStore.getState().halted).toBe(true);
      expect(screen.getByText(`stopped at ${target} ms`)).toBeInTheDocument();
      expect(app.report?.anomalies.find((a) => a.id === app.selectedAnomalyId)?.kind).toBe(
        "isolation",
      );
      // Revealed by the run on show: search holds A there, so A is right and the room's B is not.
      expect(predict).toHaveAttribute("data-state", "revealed");
      const right = within(predict).getByRole("button", { name: /A/ });
      expect(right).toHaveAttribute("data-correct", "true");
      expect(within(predict).getByRole("button", { name: /B/ })).toHaveAttribute(
        "data-correct",
        "false",
      );
      // R replays the moment slowly and stops on the same target, at the speed it had before.
      const speed = playback.speed();
      await user.keyboard("r");
      expect(playback.status()).toBe("playing");
      expect(playback.speed()).toBe(0.25);
      expect(useAppStore.getState().playhead).toBeLessThan(target);
      runFrames();
      expect(useAppStore.getState().playhead).toBe(target);
      expect(useTourStore.getState().halted).toBe(true);
      expect(playback.speed()).toBe(speed);
      // With the answer on screen, Space moves on.
      await user.keyboard(" ");
      expect(useTourStore.getState()).toMatchObject({ chapter: 4, step: 1, asking: true });
      // Space with the question open reveals without an answer; a second Space moves on.
      await user.keyboard(" ");
      expect(useTourStore.getState()).toMatchObject({ chapter: 4, step: 1, asking: false });
      expect(playback.status()).toBe("playing");
      await user.keyboard(" ");
      expect(useTourStore.getState()).toMatchObject({ chapter: 4, step: 2 });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("link helpers: setTourPosition opens the step, clamps, and notifies subscribers", () => {
    render(<Harness />);
    const seen: unknown[] = [];
    const stop = subscribeTourPosition((p) => seen.push(p));
    act(() => setTourPosition({ chapter: 6, step: 5 }));
    expect(getTourPosition()).toEqual({ chapter: 6, step: 5 });
    expect(screen.getByText(captionWhileAsking(stepOf(5, 4)))).toBeInTheDocument();
    act(() => setTourPosition({ chapter: 99, step: 99 }));
    expect(getTourPosition()).toEqual({ chapter: 7, step: 2 });
    act(() => setTourPosition(null));
    expect(seen).toEqual([{ chapter: 6, step: 5 }, { chapter: 7, step: 2 }, null]);
    stop();
  });
});
