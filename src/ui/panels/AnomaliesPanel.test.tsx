import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { AnomaliesPanel, momentsOf } from "./AnomaliesPanel";

describe("AnomaliesPanel", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    act(() => {
      actions.loadPreset("crash-between-writes");
    });
  });

  it("lists an anomaly only once the playhead reaches it, under its ACID letter", () => {
    const report = useAppStore.getState().report;
    const atomicity = report?.anomalies.find((a) => a.kind === "atomicity");
    expect(atomicity).toBeDefined();
    const at = atomicity?.detectedAt ?? 0;
    render(<AnomaliesPanel />);
    expect(screen.getByText("None so far.")).toBeInTheDocument();
    act(() => actions.seek(at - 1));
    expect(screen.queryByRole("heading", { name: /Atomicity/ })).not.toBeInTheDocument();
    act(() => actions.seek(at));
    const group = screen.getByRole("region", { name: /^A Atomicity/ });
    const item = within(group).getByRole("button", { name: /atomicity on x/ });
    expect(item).toHaveTextContent(atomicity?.explanation ?? "");
  });

  it("seeks to an anomaly and highlights its events when selected", async () => {
    const user = userEvent.setup();
    const end = useAppStore.getState().trace.endTime;
    act(() => actions.seek(end));
    render(<AnomaliesPanel />);
    const first = useAppStore.getState().report?.anomalies[0];
    expect(first).toBeDefined();
    const button = screen.getAllByRole("button", { name: new RegExp(`${first?.kind} on`) })[0];
    await user.click(button);
    const state = useAppStore.getState();
    expect(state.playhead).toBe(first?.detectedAt);
    expect(state.selectedAnomalyId).toBe(first?.id);
    expect(state.highlight).toEqual(first?.events);
    expect(screen.getByRole("button", { pressed: true })).toHaveTextContent(first?.kind ?? "");
    await user.click(screen.getByRole("button", { pressed: true }));
    expect(useAppStore.getState().highlight).toEqual([]);
  });

  it("says when an anomaly was detected, and confirmed or healed only once that is known", () => {
    const a = { detectedAt: 60 } as Parameters<typeof momentsOf>[0];
    expect(momentsOf(a)).toBe("detected at 60 ms");
    expect(momentsOf({ ...a, confirmedAt: 68 })).toBe("detected at 60 ms · confirmed at 68 ms");
    expect(momentsOf({ ...a, healedAt: 90 })).toBe("detected at 60 ms · healed at 90 ms");
  });

  it("keeps the cards listed when one is tapped, so the list does not shrink under the finger", async () => {
    const user = userEvent.setup();
    act(() => actions.loadPreset("default"));
    const { report, trace } = useAppStore.getState();
    const all = [...(report?.anomalies ?? [])].sort((a, b) => a.detectedAt - b.detectedAt);
    const first = all[0];
    const later = all.filter((a) => a.detectedAt > first.detectedAt);
    expect(later.length).toBeGreaterThan(0);
    act(() => actions.seek(trace.endTime));
    render(<AnomaliesPanel />);
    const cards = () => screen.getAllByRole("button", { name: / on / }).length;
    const before = cards();
    expect(before).toBe(all.length);
    await user.click(
      screen.getAllByRole("button", { name: new RegExp(`^${first.kind} on ${first.key}`) })[0],
    );
    expect(useAppStore.getState().playhead).toBe(first.detectedAt);
    expect(cards()).toBe(before);
    // Those not detected at the playhead say only when they will be: no explanation from the future.
    const waiting = screen.getAllByRole("button", { name: /detected later, at \d+ ms$/ });
    expect(waiting).toHaveLength(later.length);
    for (const a of later) expect(screen.queryByText(a.explanation)).not.toBeInTheDocument();
    // Clearing the selection lets the list follow the playhead again.
    await user.click(screen.getByRole("button", { pressed: true }));
    expect(cards()).toBe(all.length - later.length);
  });
});
