import { act, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { CappedNotice } from "./CappedNotice";
import { ComputingNotice } from "./ComputingNotice";

describe("ComputingNotice", () => {
  beforeEach(() => resetAppStore());

  it("says a big run is computing, and hides the previous run's capped notice meanwhile", () => {
    render(
      <>
        <ComputingNotice />
        <CappedNotice />
      </>,
    );
    expect(screen.queryByRole("status")).toBeNull();
    const { trace, scenario } = useAppStore.getState();
    act(() =>
      useAppStore.setState({
        trace: { ...trace, events: trace.events, capped: { cap: "budget", at: 5 } },
      }),
    );
    expect(screen.getByRole("status")).toHaveTextContent("too long to compute");
    act(() =>
      useAppStore.setState({
        computing: true,
        scenario: {
          ...scenario,
          workload: {
            kind: "script",
            ops: Array(1234).fill({ at: 1, client: 1, op: "set", key: "x", value: 1 }),
          },
        },
      }),
    );
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("Simulating 1,234 writes in the background");
    expect(screen.queryByText(/too long to compute/)).toBeNull();
    act(() => useAppStore.setState({ computing: false }));
    expect(screen.queryByText(/in the background/)).toBeNull();
  });
});
