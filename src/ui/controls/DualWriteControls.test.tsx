import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { DualWriteControls } from "./DualWriteControls";

describe("DualWriteControls", () => {
  beforeEach(() => resetAppStore());

  it("edits the write order and when the caller hears done, re-simulating each time", async () => {
    render(<DualWriteControls />);
    const hash = useAppStore.getState().trace.traceHash;
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: "Write order" }),
      "parallel",
    );
    expect(useAppStore.getState().scenario.dualWrite.order).toBe("parallel");
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: "Tell the caller “done”" }),
      "first",
    );
    expect(useAppStore.getState().scenario.dualWrite.ackAfter).toBe("first");
    expect(useAppStore.getState().trace.traceHash).not.toBe(hash);
  });

  it("is shown only under dual-write", () => {
    render(<DualWriteControls />);
    act(() =>
      actions.editScenario((s) => {
        s.strategy = "log";
      }),
    );
    expect(screen.queryByRole("combobox", { name: "Write order" })).toBeNull();
  });
});
