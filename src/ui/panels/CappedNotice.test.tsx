import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { CappedNotice } from "./CappedNotice";

describe("CappedNotice", () => {
  beforeEach(() => resetAppStore());

  it("is absent for a run that settled", () => {
    render(<CappedNotice />);
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("names the cap that stopped a run and offers fewer writes", async () => {
    render(<CappedNotice />);
    act(() =>
      actions.editScenario((s) => {
        s.caps.maxEvents = 100;
      }),
    );
    expect(screen.getByRole("status")).toHaveTextContent("cap of 100 events");
    const writes = () => {
      const w = useAppStore.getState().scenario.workload;
      return w.kind === "generated" ? w.writes : w.ops.length;
    };
    const before = writes();
    await userEvent.click(screen.getByRole("button", { name: /Halve the writes/ }));
    expect(writes()).toBe(Math.ceil(before / 2));
  });
});
