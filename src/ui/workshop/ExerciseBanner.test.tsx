import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { useLinkStore } from "../../app/link-store";
import { resetPlayback } from "../../app/playback";
import { decodeLink } from "../../url/index";
import { exerciseById } from "../../workshop/exercises";
import { LogControls } from "../controls/LogControls";
import { keepTimelineClear } from "./ExerciseBanner";
import { PROGRESS_KEY } from "./exercise-progress";
import { exerciseSession, resetExerciseSession, SESSION_KEY } from "./exercise-session";
import { WorkshopButton } from "./WorkshopButton";
import { useWorkshopStore } from "./workshop-store";

const banner = () => screen.getByRole("region", { name: /^Exercise \d/ });
const progress = () => JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? "{}");

describe("the exercise banner", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    localStorage.clear();
    sessionStorage.clear();
    resetExerciseSession();
    useWorkshopStore.setState({ open: false });
    useLinkStore.setState({ openedView: {}, problem: null });
  });

  it("keeps the goal and Check on screen after Start, and solves with the Log controls", async () => {
    const user = userEvent.setup();
    render(
      <>
        <WorkshopButton />
        <LogControls />
      </>,
    );
    await user.click(screen.getByRole("button", { name: "Workshop" }));
    const item = screen.getByRole("listitem", { name: "Lose an acknowledged write" });
    await user.click(within(item).getByRole("button", { name: "Start" }));
    // The dialog closes; the goal stays.
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(banner()).toHaveAccessibleName("Exercise 2: Lose an acknowledged write");
    expect(banner()).toHaveTextContent(/The leader broker crashes before its followers copy x = A/);
    expect(banner()).toHaveTextContent(/Change only the log's settings/);
    expect(document.body).toHaveClass("has-exercise-banner");

    await user.click(within(banner()).getByRole("button", { name: "Check" }));
    await waitFor(() =>
      expect(within(banner()).getByRole("status")).toHaveTextContent(
        /^Not yet: Nothing has changed yet/,
      ),
    );

    await user.selectOptions(screen.getByRole("combobox", { name: "acks" }), "1");
    await user.click(within(banner()).getByRole("button", { name: "Check" }));
    await waitFor(() =>
      expect(within(banner()).getByRole("status")).toHaveTextContent(/^Pass: With acks=1/),
    );
    expect(within(banner()).getByText("Solved")).toBeInTheDocument();
    const link = within(banner()).getByRole("link", { name: "Link to your solution" });
    expect(link.getAttribute("href")).toMatch(/&ex=lost-ack$/);
    const opened = decodeLink(link.getAttribute("href") ?? "");
    expect(opened.ok && opened.view.exercise).toBe("lost-ack");
    expect(progress()).toHaveProperty("lost-ack");

    // The verdict is about the run that was checked: a change makes it speak of the past.
    const status = within(banner()).getByRole("status");
    expect(status).not.toHaveTextContent("changed the run");
    await user.selectOptions(screen.getByRole("combobox", { name: "acks" }), "all");
    expect(status).toHaveTextContent(
      /^You have changed the run since this check; press Check again\. Pass: With acks=1/,
    );
    expect(status).toHaveClass("stale");
    // Back to what was checked: the verdict holds again.
    await user.selectOptions(screen.getByRole("combobox", { name: "acks" }), "1");
    expect(status).not.toHaveTextContent("changed the run");
    expect(status).toHaveClass("pass");
  });

  it("stays while presets load and the dialog opens and closes, until Leave", async () => {
    const user = userEvent.setup();
    render(<WorkshopButton />);
    act(() => exerciseSession.start("incr-fix"));
    act(() => {
      actions.loadPreset("default");
    });
    await user.click(screen.getByRole("button", { name: "Workshop" }));
    await user.keyboard("{Escape}");
    expect(banner()).toHaveAccessibleName("Exercise 6: Fix the double count with a commit policy");
    await user.click(within(banner()).getByRole("button", { name: "Check" }));
    await waitFor(() =>
      expect(within(banner()).getByRole("status")).toHaveTextContent(/“default” preset/),
    );
    await user.click(within(banner()).getByRole("button", { name: "Leave exercise" }));
    expect(screen.queryByRole("region", { name: /^Exercise/ })).toBeNull();
    expect(document.body).not.toHaveClass("has-exercise-banner");
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it("shows the hint on demand, from the keyboard", async () => {
    const user = userEvent.setup();
    render(<WorkshopButton />);
    act(() => exerciseSession.start("incr-double"));
    const hint = within(banner()).getByRole("button", { name: "Hint" });
    expect(hint).toHaveAttribute("aria-expanded", "false");
    hint.focus();
    await user.keyboard("{Enter}");
    expect(hint).toHaveAttribute("aria-expanded", "true");
    expect(banner()).toHaveTextContent(/Hint: consumer-cache commits its offset after applying/);
  });

  it("does not count a Check of a solution opened from a link until the visitor makes it", async () => {
    const user = userEvent.setup();
    render(<WorkshopButton />);
    const solution = exerciseById("incr-fix")?.solution();
    if (solution === undefined) throw new Error("missing exercise");
    act(() => {
      actions.loadScenario(solution);
      useLinkStore.setState({ openedView: { exercise: "incr-fix" } });
    });
    await waitFor(() =>
      expect(within(banner()).getByRole("status")).toHaveTextContent(
        /^Verified solution: With commit atomic/,
      ),
    );
    await user.click(within(banner()).getByRole("button", { name: "Check" }));
    await waitFor(() =>
      expect(within(banner()).getByRole("status")).toHaveTextContent(
        /^Verified, not counted: .*press Start and make it yourself/,
      ),
    );
    expect(progress()).toEqual({});

    // Made by the visitor: Start, then the one change.
    act(() => exerciseSession.start("incr-fix"));
    act(() =>
      actions.editScenario((s) => {
        s.log.commit = "atomic";
      }),
    );
    await user.click(within(banner()).getByRole("button", { name: "Check" }));
    await waitFor(() =>
      expect(within(banner()).getByRole("status")).toHaveTextContent(/^Pass: With commit atomic/),
    );
    expect(progress()).toHaveProperty("incr-fix");
  });

  it("opens a link to an exercise's untouched start quietly, with the goal and no verdict", () => {
    render(<WorkshopButton />);
    const start = exerciseById("stale-read")?.start();
    if (start === undefined) throw new Error("missing exercise");
    act(() => {
      actions.loadScenario(start);
      useLinkStore.setState({ openedView: { exercise: "stale-read" } });
    });
    expect(banner()).toHaveAccessibleName("Exercise 3: Make the cache serve a stale read");
    expect(within(banner()).getByRole("status")).toHaveTextContent(/^$/);
    expect(useAppStore.getState().scenario.name).toBe("exercise: stale-read");
  });

  it("comes back after a reload of the tab", () => {
    act(() => exerciseSession.start("rebuild"));
    expect(sessionStorage.getItem(SESSION_KEY)).toBe("rebuild");
  });
});

describe("a short link to an exercise", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    sessionStorage.clear();
    resetExerciseSession();
  });

  it("starts the exercise named by #ex=<id>, on load and when pasted", () => {
    window.history.replaceState(null, "", "/#ex=rebuild");
    const { unmount } = render(<WorkshopButton />);
    expect(banner()).toHaveAccessibleName("Exercise 4: Rebuild the search index from history");
    expect(useAppStore.getState().scenario.name).toBe("exercise: rebuild");
    act(() => {
      window.history.replaceState(null, "", "/#ex=cdc-race");
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
    expect(banner()).toHaveAccessibleName("Exercise 7: Let CDC settle the Kleppmann race");
    act(() => {
      window.history.replaceState(null, "", "/#ex=unknown");
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
    expect(banner()).toHaveAccessibleName("Exercise 7: Let CDC settle the Kleppmann race");
    unmount();
    window.history.replaceState(null, "", "/");
  });
});

describe("keepTimelineClear: the banner growing never hides the timeline in view", () => {
  function plotAt(top: number, bottom: number) {
    document.body.innerHTML = '<div data-testid="timeline"><div class="tl-plot"></div></div>';
    const plot = document.querySelector(".tl-plot") as HTMLElement;
    plot.getBoundingClientRect = () =>
      ({ top, bottom, height: bottom - top, left: 0, right: 800, width: 800 }) as DOMRect;
  }
  const scrolls: number[] = [];
  const scrollBy = window.scrollBy;
  afterEach(() => {
    window.scrollBy = scrollBy;
  });
  beforeEach(() => {
    scrolls.length = 0;
    window.scrollBy = ((_x: number, y: number) => {
      scrolls.push(y);
    }) as typeof window.scrollBy;
  });

  it("scrolls by as much as the banner covers of a timeline on screen", () => {
    plotAt(260, 560);
    expect(keepTimelineClear(480)).toBe(80);
    expect(scrolls).toEqual([80]);
  });

  it("never scrolls the timeline's top off the screen", () => {
    plotAt(40, 560);
    expect(keepTimelineClear(400)).toBe(40);
  });

  it("leaves a timeline the learner scrolled away from, or one already clear, alone", () => {
    plotAt(-400, -100);
    expect(keepTimelineClear(480)).toBe(0);
    plotAt(100, 400);
    expect(keepTimelineClear(480)).toBe(0);
    plotAt(500, 800);
    expect(keepTimelineClear(480)).toBe(0);
    expect(scrolls).toEqual([]);
    document.body.innerHTML = "";
  });
});
