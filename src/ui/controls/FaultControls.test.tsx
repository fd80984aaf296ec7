import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { FaultControls } from "./FaultControls";
import { ScheduleList } from "./ScheduleList";

function setup(at: number) {
  act(() => actions.seek(at));
  render(
    <>
      <FaultControls />
      <ScheduleList />
    </>,
  );
  return userEvent.setup();
}

const schedule = () => within(screen.getByRole("list", { name: "Schedule" }));

describe("FaultControls and ScheduleList", { timeout: 20_000 }, () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
  });

  it("crashes a node at the playhead, lists it, and removes it", async () => {
    const user = setup(400);
    const before = useAppStore.getState().trace;
    await user.selectOptions(screen.getByRole("combobox", { name: "Node" }), "cache");
    await user.click(screen.getByRole("button", { name: "Crash node" }));
    expect(useAppStore.getState().scenario.schedule).toEqual([
      { at: 400, kind: "crash", node: "cache" },
    ]);
    expect(schedule().getByText("400 ms: crash cache")).toBeInTheDocument();
    // Prefix stability, as the person sees it: nothing before the playhead changed.
    const after = useAppStore.getState().trace;
    const prefix = (t: typeof after) => t.events.filter((e) => e.t < 400);
    expect(prefix(after)).toEqual(prefix(before));
    expect(useAppStore.getState().playhead).toBe(400);

    await user.click(schedule().getByRole("button", { name: /^Remove/ }));
    expect(screen.queryByRole("list", { name: "Schedule" })).not.toBeInTheDocument();
    expect(useAppStore.getState().trace.traceHash).toBe(before.traceHash);
  });

  it("partitions one direction, restarts a node and heals", async () => {
    const user = setup(200);
    await user.selectOptions(screen.getByRole("combobox", { name: "Cut from" }), "client-1");
    await user.selectOptions(screen.getByRole("combobox", { name: "Cut to" }), "search");
    await user.click(screen.getByRole("checkbox", { name: "One direction only" }));
    await user.click(screen.getByRole("button", { name: "Partition" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Node" }), "search");
    await user.click(screen.getByRole("button", { name: "Restart node" }));
    await user.click(screen.getByRole("button", { name: "Heal network" }));
    expect(useAppStore.getState().scenario.schedule).toEqual([
      { at: 200, kind: "partition", a: ["client-1"], b: ["search"], oneWay: true },
      { at: 200, kind: "restart", node: "search" },
      { at: 200, kind: "heal" },
    ]);
    expect(schedule().getAllByRole("listitem")).toHaveLength(3);
    expect(schedule().getByText("200 ms: partition client-1 → search")).toBeInTheDocument();
  });

  it("will not partition a node from itself", async () => {
    const user = setup(0);
    await user.selectOptions(screen.getByRole("combobox", { name: "Cut from" }), "db");
    await user.selectOptions(screen.getByRole("combobox", { name: "Cut to" }), "db");
    expect(screen.getByRole("button", { name: "Partition" })).toBeDisabled();
  });
});
