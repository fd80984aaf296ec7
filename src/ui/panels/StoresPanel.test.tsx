import { act, render, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { StoresPanel } from "./StoresPanel";

function cell(row: string, column: string): HTMLElement {
  const table = screen.getByRole("table");
  const headers = within(table)
    .getAllByRole("columnheader")
    .map((h) => h.textContent);
  const rowEl = within(table).getByRole("row", { name: new RegExp(`^${row}\\b`) });
  return within(rowEl).getAllByRole("cell")[headers.indexOf(column) - 1];
}

describe("StoresPanel", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
  });

  it("marks the cell that differs from db with text, on the Kleppmann race under dual writes", () => {
    act(() => {
      actions.loadPreset("kleppmann-race");
      actions.editScenario((s) => {
        s.strategy = "dual-write";
      });
      actions.seek(useAppStore.getState().trace.endTime);
    });
    render(<StoresPanel />);
    const final = useAppStore.getState().trace.final.stores;
    expect(final.db.x).not.toBe(final.search.x);
    expect(cell("x", "db")).toHaveTextContent(String(final.db.x));
    expect(cell("x", "db")).not.toHaveTextContent("≠");
    expect(cell("x", "search")).toHaveTextContent(`${final.search.x}≠ db`);
  });

  it("shows the stores as they were at the playhead", () => {
    act(() => actions.loadPreset("kleppmann-race"));
    render(<StoresPanel />);
    expect(screen.getByText("No store holds a value yet.")).toBeInTheDocument();
    const firstApply = useAppStore.getState().trace.events.find((e) => e.type === "apply");
    act(() => actions.seek(firstApply?.t ?? 0));
    expect(cell("x", "db")).toHaveTextContent(String(firstApply?.value));
  });

  it("empties the cache when it crashes at the playhead", () => {
    act(() => actions.seek(600));
    render(<StoresPanel />);
    for (const key of ["x", "y", "z"]) expect(cell(key, "cache")).not.toHaveTextContent("—");
    act(() => actions.schedule({ at: 600, kind: "crash", node: "cache" }));
    act(() => actions.seek(601));
    for (const key of ["x", "y", "z"]) expect(cell(key, "cache")).toHaveTextContent("—≠ db");
  });
});
