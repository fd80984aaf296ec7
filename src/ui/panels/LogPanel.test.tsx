import { act, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { LogPanel } from "./LogPanel";

describe("LogPanel", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
  });

  it("is absent without a log", () => {
    render(<LogPanel />);
    expect(screen.queryByRole("heading", { name: "Log" })).not.toBeInTheDocument();
  });

  it("shows the leader's records, the high watermark and consumer offsets", () => {
    act(() => {
      actions.loadPreset("log-replay");
      actions.seek(useAppStore.getState().trace.endTime);
    });
    render(<LogPanel />);
    expect(
      screen.getByRole("heading", { name: /leader broker-1, high watermark 8/ }),
    ).toBeVisible();
    expect(screen.getAllByRole("row")).toHaveLength(1 + 8);
    expect(screen.getByRole("row", { name: /^7 #8 u = H committed$/ })).toBeInTheDocument();
    const consumers = screen.getByRole("list", { name: "Consumers of partition 0" });
    expect(consumers).toHaveTextContent("consumer-search: committed offset 8");
  });

  it("follows the playhead: records above the high watermark, and the new leader after failover", () => {
    act(() => actions.loadPreset("acks1-leader-failover"));
    render(<LogPanel />);
    act(() => actions.seek(20));
    expect(
      screen.getByRole("heading", { name: /leader broker-1, high watermark 0/ }),
    ).toBeVisible();
    expect(screen.getByRole("row", { name: /^0 #1 x = A above HW$/ })).toBeInTheDocument();
    act(() => actions.seek(150));
    expect(screen.getByRole("heading", { name: /leader broker-2/ })).toBeVisible();
    expect(screen.getByText("The leader's log is empty.")).toBeInTheDocument();
  });
});
