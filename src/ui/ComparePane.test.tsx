import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../app/actions";
import { resetAppStore, useAppStore } from "../app/app-store";
import { compareRun, resetCompareStore } from "../app/compare";
import { resetPlayback } from "../app/playback";
import { TimelinePane } from "./TimelinePane";

const row = (strategy: string) =>
  screen.getByTestId("scoreboard").querySelector(`tr[data-strategy="${strategy}"]`) as HTMLElement;
const cell = (strategy: string, letter: string) =>
  Number(
    within(row(strategy)).getByText(/\d+/, { selector: `[data-letter="${letter}"]` }).textContent,
  );

describe("Compare mode", { timeout: 30_000 }, () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    resetCompareStore();
  });

  it("stacks dual-write over log for the scenario, and scores the race only under dual-write", async () => {
    const user = userEvent.setup();
    act(() => {
      actions.loadPreset("kleppmann-race");
    });
    render(<TimelinePane />);
    expect(screen.getAllByTestId("timeline")).toHaveLength(1);
    const toggle = () => screen.getByRole("button", { name: "Compare" });
    expect(toggle()).toHaveAttribute("aria-pressed", "false");
    await user.click(toggle());
    // The toggle moves from the timeline's toolbar to the pane's bar, keeping the focus.
    expect(toggle()).toHaveAttribute("aria-pressed", "true");
    expect(toggle()).toHaveFocus();
    expect(screen.getByRole("combobox", { name: "First strategy" })).toHaveValue("dual-write");
    expect(screen.getByRole("combobox", { name: "Second strategy" })).toHaveValue("log");
    const timelines = screen.getAllByTestId("timeline");
    expect(timelines.map((t) => t.querySelector(".tl-title")?.textContent)).toEqual([
      "dual-write",
      "log",
    ]);
    // Nothing is detected at the start of the run.
    expect(cell("dual-write", "total")).toBe(0);
    act(() => actions.seek(useAppStore.getState().trace.endTime));
    expect(cell("dual-write", "I")).toBeGreaterThanOrEqual(1);
    expect(cell("log", "I")).toBe(0);
    expect(cell("log", "total")).toBe(0);

    await user.selectOptions(screen.getByRole("combobox", { name: "Second strategy" }), "cdc");
    expect(screen.getAllByTestId("timeline")[1].querySelector(".tl-title")).toHaveTextContent(
      "cdc",
    );
    await user.click(toggle());
    expect(screen.getAllByTestId("timeline")).toHaveLength(1);
    expect(toggle()).toHaveFocus();
  });

  it("runs the other strategy once per scenario and reuses the app's own run", () => {
    const { scenario, trace, report, checkError } = useAppStore.getState();
    const own = { trace, report, checkError };
    expect(compareRun(scenario, own, scenario.strategy)).toBe(own);
    const other = scenario.strategy === "log" ? "dual-write" : "log";
    const first = compareRun(scenario, own, other);
    // A small scenario runs at once, through the same door as the app's run.
    if (first instanceof Promise) throw new Error("a small scenario ran in the background");
    expect(first.trace.scenario.strategy).toBe(other);
    expect(compareRun(scenario, own, other)).toBe(first);
    // An edit makes a new scenario object: a new run, never a stale one.
    act(() =>
      actions.editScenario((s) => {
        s.seed += 1;
      }),
    );
    const next = useAppStore.getState();
    const again = compareRun(next.scenario, { ...next, checkError: null }, other);
    expect(again).not.toBe(first);
    if (again instanceof Promise) throw new Error("a small scenario ran in the background");
    expect(again.trace.scenario.seed).toBe(scenario.seed + 1);
  });
});
