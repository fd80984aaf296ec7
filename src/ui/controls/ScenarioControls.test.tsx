import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { RunSummary } from "../panels/RunSummary";
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

const hash = () => screen.getByTestId("trace-hash").textContent;

describe("ScenarioControls and RunSummary", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
  });

  it("summarises the run: seed, strategy, events, quiescence and hash", () => {
    setup();
    const trace = useAppStore.getState().trace;
    expect(screen.getByText("Seed", { selector: "dt" }).nextSibling).toHaveTextContent("1");
    expect(screen.getByText("Events", { selector: "dt" }).nextSibling).toHaveTextContent(
      String(trace.events.length),
    );
    expect(screen.getByText("Quiescence", { selector: "dt" }).nextSibling).toHaveTextContent(
      `${trace.quiescedAt} ms`,
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
