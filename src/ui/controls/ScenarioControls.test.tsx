import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { undoStack } from "../../app/undo";
import { RunSummary } from "../panels/RunSummary";
import { useKeyboardShortcuts } from "../use-keyboard-shortcuts";
import { ScenarioControls } from "./ScenarioControls";

function setup() {
  render(
    <>
      <ScenarioControls />
      <RunSummary />
    </>,
  );
  return userEvent.setup();
}

function Keys() {
  useKeyboardShortcuts();
  return null;
}

const hash = () => screen.getByTestId("trace-hash").textContent;

describe("ScenarioControls and RunSummary", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    undoStack.clear();
  });

  it("marks an edited preset as modified, resets it, and undoes with Ctrl+Z", async () => {
    const user = setup();
    render(<Keys />);
    const original = useAppStore.getState().scenario;
    expect(screen.getByRole("option", { name: "default" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Reset to preset" })).toBeNull();
    // A strategy is compared, not an edit of the story.
    await user.selectOptions(screen.getByRole("combobox", { name: "Strategy" }), "log");
    expect(screen.queryByRole("option", { name: "default (modified)" })).toBeNull();
    act(() => actions.schedule({ at: 50, kind: "heal" }));
    expect(screen.getByRole("option", { name: "default (modified)" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Scenario" })).toHaveValue("default");
    await user.click(screen.getByRole("button", { name: "Reset to preset" }));
    expect(useAppStore.getState().scenario).toEqual({ ...original, strategy: "log" });
    expect(screen.getByRole("option", { name: "default" })).toBeInTheDocument();
    // Undo takes back the reset, then the fault, then the strategy.
    await user.keyboard("{Control>}z{/Control}");
    expect(useAppStore.getState().scenario.schedule).toEqual([{ at: 50, kind: "heal" }]);
    await user.keyboard("{Meta>}z{/Meta}");
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(useAppStore.getState().scenario).toEqual(original);
    expect(screen.getByRole("button", { name: "Undo" })).toBeDisabled();
  });

  it("summarises the run: seed, strategy, events, quiescence and hash", () => {
    setup();
    const trace = useAppStore.getState().trace;
    expect(screen.getByText("Seed", { selector: "dt" }).nextSibling).toHaveTextContent("1");
    expect(screen.getByText("Events", { selector: "dt" }).nextSibling).toHaveTextContent(
      String(trace.events.length),
    );
    expect(screen.getByText("All quiet at", { selector: "dt" }).nextSibling).toHaveTextContent(
      `${trace.quiescedAt} ms`,
    );
    // The jargon stays findable, as a tooltip on the plain words.
    expect(screen.getByText("All quiet at", { selector: "dt" })).toHaveAttribute(
      "title",
      expect.stringContaining("Quiescence"),
    );
    expect(screen.getByText("Run fingerprint", { selector: "dt" })).toHaveAttribute(
      "title",
      expect.stringContaining("Trace hash"),
    );
    expect(hash()).toBe(trace.traceHash);
  });

  it("re-simulates when the strategy changes", async () => {
    const user = setup();
    const before = hash();
    await user.selectOptions(screen.getByRole("combobox", { name: "Strategy" }), "log");
    expect(screen.getByTestId("summary-strategy")).toHaveTextContent("log");
    expect(hash()).not.toBe(before);
  });

  it("changes the hash with the seed", async () => {
    const user = setup();
    const before = hash();
    const seed = screen.getByRole("spinbutton", { name: "Seed" });
    await user.clear(seed);
    await user.type(seed, "2");
    expect(useAppStore.getState().scenario.seed).toBe(2);
    expect(hash()).not.toBe(before);
  });

  it("loads a preset from the Scenario menu and follows outside seed changes", async () => {
    const user = setup();
    await user.selectOptions(screen.getByRole("combobox", { name: "Scenario" }), "cdc-outbox");
    expect(screen.getByTestId("summary-strategy")).toHaveTextContent("cdc");
    expect(screen.getByRole("combobox", { name: "Strategy" })).toHaveValue("cdc");
    const preset = useAppStore.getState().scenario;
    actions.loadScenario({ ...preset, seed: 7 });
    expect(await screen.findByDisplayValue("7")).toBe(
      screen.getByRole("spinbutton", { name: "Seed" }),
    );
  });
});
