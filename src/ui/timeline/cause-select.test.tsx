import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { AnomaliesPanel } from "../panels/AnomaliesPanel";
import { TimelinePane } from "../TimelinePane";

/** The page's path: pick an anomaly in the list, read its cause on the timeline. */
describe("selecting an anomaly shows its cause", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
  });

  it("from the anomalies panel: the chain is numbered on the plot and read below it", async () => {
    const user = userEvent.setup();
    render(
      <>
        <TimelinePane />
        <AnomaliesPanel />
      </>,
    );
    act(() => {
      actions.loadPreset("kleppmann-race");
      actions.seek(useAppStore.getState().trace.endTime);
    });
    const item = screen.getByRole("button", { name: /^isolation on x/ });
    await user.click(item);
    const { cause, highlight, selectedAnomalyId } = useAppStore.getState();
    expect(selectedAnomalyId).toMatch(/^isolation:/);
    expect(cause.length).toBeGreaterThan(0);
    for (const step of cause) expect(highlight).toContain(step.seq);
    const panel = screen.getByRole("region", { name: "Cause of the anomaly" });
    const steps = within(panel).getAllByRole("listitem");
    expect(steps).toHaveLength(cause.length);
    expect(steps[0]).toHaveTextContent(/delayed 40 ms on a slow link/);
    expect(screen.getByTestId("timeline")).toHaveClass("tl-dim");
    expect(document.querySelectorAll("[data-cause-step]")).toHaveLength(cause.length);
    // Selecting it again clears the selection, the chain and the dimming.
    await user.click(item);
    expect(useAppStore.getState().cause).toEqual([]);
    expect(screen.queryByRole("region", { name: "Cause of the anomaly" })).toBeNull();
    expect(screen.getByTestId("timeline")).not.toHaveClass("tl-dim");
  });

  it("from the timeline: an anomaly's label is a button that selects it, and again clears it", async () => {
    const user = userEvent.setup();
    render(<TimelinePane />);
    act(() => {
      actions.loadPreset("kleppmann-race");
      actions.seek(useAppStore.getState().trace.endTime);
    });
    const label = screen.getByRole("button", { name: /^I isolation on key x/ });
    expect(label).toHaveAttribute("title", expect.stringMatching(/search/));
    label.focus();
    expect(label).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(useAppStore.getState().selectedAnomalyId).toMatch(/^isolation:/);
    expect(useAppStore.getState().cause.length).toBeGreaterThan(0);
    // A click, not a pointer press: d3-zoom's drag needs a real window.
    fireEvent.click(screen.getByRole("button", { name: /^I isolation on key x/ }));
    expect(useAppStore.getState().selectedAnomalyId).toBeNull();
  });
});
