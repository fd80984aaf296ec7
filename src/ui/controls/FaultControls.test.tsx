import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { undoStack } from "../../app/undo";
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
    undoStack.clear();
  });

  it("restarts a crashed node after 100 ms unless told to stay down", async () => {
    const user = setup(300);
    expect(screen.getByRole("combobox", { name: "Restart" })).toHaveValue("100");
    await user.selectOptions(screen.getByRole("combobox", { name: "Node" }), "search");
    await user.click(screen.getByRole("button", { name: "Crash node" }));
    expect(useAppStore.getState().scenario.schedule).toEqual([
      { at: 300, kind: "crash", node: "search", restartAt: 400 },
    ]);
    expect(schedule().getByText(/300 ms: crash search, restart at 400 ms/)).toBeInTheDocument();
  });

  it("lists the schedule in time order and undoes edits one by one", async () => {
    const user = setup(500);
    await user.click(screen.getByRole("button", { name: "Heal network" }));
    act(() => actions.seek(100));
    await user.click(screen.getByRole("button", { name: "Restart node" }));
    const items = schedule().getAllByRole("listitem");
    expect(items.map((li) => li.textContent?.slice(0, 6))).toEqual(["100 ms", "500 ms"]);
    // Remove acts on the entry shown, not on its position in the schedule.
    await user.click(within(items[0] as HTMLElement).getByRole("button", { name: /^Remove/ }));
    expect(useAppStore.getState().scenario.schedule).toEqual([{ at: 500, kind: "heal" }]);
    act(() => {
      actions.undo();
    });
    expect(useAppStore.getState().scenario.schedule).toHaveLength(2);
    act(() => {
      actions.undo();
      actions.undo();
    });
    expect(useAppStore.getState().scenario.schedule).toEqual([]);
    expect(actions.undo()).toBe(false);
  });

  it("crashes a node at the playhead, lists it, and removes it", async () => {
    const user = setup(400);
    const before = useAppStore.getState().trace;
    await user.selectOptions(screen.getByRole("combobox", { name: "Node" }), "cache");
    await user.selectOptions(screen.getByRole("combobox", { name: "Restart" }), "stay down");
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
