import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { encodeLink } from "../../url/index";
import { BreakItPanel } from "../panels/BreakItPanel";
import { LOG_HELP, LogControls } from "./LogControls";

const log = () => useAppStore.getState().scenario.log;

describe("LogControls", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    act(() => {
      actions.loadPreset("acks-all-leader-failover");
    });
  });

  it("is a labelled Log group in Break it live, described by its help", () => {
    render(<BreakItPanel />);
    const group = screen.getByRole("group", { name: "Log" });
    expect(group).toHaveAccessibleDescription(`${LOG_HELP}.`);
    expect(screen.getByRole("combobox", { name: "acks" })).toHaveValue("all");
    expect(screen.getByRole("combobox", { name: "min.insync.replicas" })).toHaveValue("2");
    expect(screen.getByRole("checkbox", { name: "Unclean leader election" })).not.toBeChecked();
    expect(screen.getByRole("combobox", { name: "Commit policy" })).toHaveValue("after-apply");
  });

  it("changes each setting in the scenario and re-simulates: acks=1 loses the acknowledged write", async () => {
    const user = userEvent.setup();
    render(<LogControls />);
    const hash = useAppStore.getState().trace.traceHash;
    await user.selectOptions(screen.getByRole("combobox", { name: "acks" }), "1");
    expect(log().acks).toBe(1);
    expect(useAppStore.getState().trace.scenario.log.acks).toBe(1);
    expect(useAppStore.getState().trace.traceHash).not.toBe(hash);
    expect(useAppStore.getState().report?.anomalies.some((a) => a.kind === "durability")).toBe(
      true,
    );

    await user.selectOptions(screen.getByRole("combobox", { name: "acks" }), "0");
    expect(log().acks).toBe(0);
    await user.selectOptions(screen.getByRole("combobox", { name: "acks" }), "all");
    expect(log().acks).toBe("all");
    await user.selectOptions(screen.getByRole("combobox", { name: "min.insync.replicas" }), "1");
    expect(log().minInsyncReplicas).toBe(1);
    await user.click(screen.getByRole("checkbox", { name: "Unclean leader election" }));
    expect(log().uncleanLeaderElection).toBe(true);
    await user.selectOptions(screen.getByRole("combobox", { name: "Commit policy" }), "atomic");
    expect(log().commit).toBe("atomic");
  });

  it("is reachable from the keyboard in order, every setting a native, focusable control", async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">before</button>
        <LogControls />
      </>,
    );
    screen.getByRole("button", { name: "before" }).focus();
    await user.tab();
    expect(screen.getByRole("combobox", { name: "acks" })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("combobox", { name: "min.insync.replicas" })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("checkbox", { name: "Unclean leader election" })).toHaveFocus();
    await user.keyboard(" ");
    expect(log().uncleanLeaderElection).toBe(true);
    await user.tab();
    const commit = screen.getByRole("combobox", { name: "Commit policy" });
    expect(commit).toHaveFocus();
    // jsdom does not move a select with arrow keys; the e2e journey does, in Chromium.
    await user.selectOptions(commit, "atomic");
    expect(log().commit).toBe("atomic");
  });

  it("puts a setting back byte for byte: the same link as before", async () => {
    const user = userEvent.setup();
    render(<LogControls />);
    const before = encodeLink(useAppStore.getState().scenario);
    await user.selectOptions(screen.getByRole("combobox", { name: "Commit policy" }), "atomic");
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Commit policy" }),
      "after-apply",
    );
    expect(encodeLink(useAppStore.getState().scenario)).toBe(before);
  });

  it("offers min.insync.replicas up to the broker count, and follows a loaded scenario", () => {
    render(<LogControls />);
    const isr = screen.getByRole("combobox", { name: "min.insync.replicas" });
    expect([...(isr as HTMLSelectElement).options].map((o) => o.value)).toEqual(["1", "2", "3"]);
    act(() =>
      actions.loadScenario({
        ...useAppStore.getState().scenario,
        log: { ...log(), acks: 1, commit: "before-apply", uncleanLeaderElection: true },
      }),
    );
    expect(screen.getByRole("combobox", { name: "acks" })).toHaveValue("1");
    expect(screen.getByRole("combobox", { name: "Commit policy" })).toHaveValue("before-apply");
    expect(screen.getByRole("checkbox", { name: "Unclean leader election" })).toBeChecked();
  });

  it("is shown under log and cdc, not where no log runs", () => {
    render(<LogControls />);
    for (const [strategy, shown] of [
      ["cdc", true],
      ["dual-write", false],
      ["single-db", false],
      ["log", true],
    ] as const) {
      act(() =>
        actions.editScenario((s) => {
          s.strategy = strategy;
        }),
      );
      expect(screen.queryByRole("group", { name: "Log" }) !== null).toBe(shown);
    }
  });
});
