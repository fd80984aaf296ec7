import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { actions } from "../app/actions";
import { resetAppStore, useAppStore } from "../app/app-store";
import { playback, resetPlayback } from "../app/playback";
import type { TimelineProps } from "./timeline/Timeline";

// The timeline has its own tests; here it only has to receive the right props.
vi.mock("./timeline/Timeline", () => ({
  Timeline: (props: TimelineProps) => (
    <div
      data-testid="timeline"
      data-playhead={props.playhead}
      data-highlight={(props.highlight ?? []).join(",")}
    >
      <button type="button" onClick={() => props.onSeek?.(123)}>
        Seek in timeline
      </button>
    </div>
  ),
}));

const { App } = await import("./App");

describe("App", { timeout: 30_000 }, () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
  });

  it("plays and steps from the keyboard, but not while typing in a field", async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.keyboard(" ");
    expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument();
    await user.keyboard(" ");
    expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();
    await user.keyboard("{Home}{ArrowRight}");
    const first = useAppStore.getState().playhead;
    expect(first).toBeGreaterThan(0);
    await user.keyboard("{ArrowRight}{ArrowLeft}");
    expect(useAppStore.getState().playhead).toBe(first);
    await user.keyboard("{End}");
    expect(useAppStore.getState().playhead).toBe(useAppStore.getState().trace.endTime);
    expect(playback.status()).toBe("ended");
    await user.keyboard("{Home}");
    expect(useAppStore.getState().playhead).toBe(0);

    await user.click(screen.getByRole("spinbutton", { name: "Seed" }));
    await user.keyboard(" {ArrowRight}");
    expect(playback.status()).not.toBe("playing");
    expect(useAppStore.getState().playhead).toBe(0);
  });

  it("reaches every control with Tab", async () => {
    const user = userEvent.setup();
    render(<App />);
    const reached = new Set<Element>();
    for (let i = 0; i < 80; i++) {
      await user.tab();
      const el = document.activeElement;
      if (el === null || el === document.body) continue;
      if (reached.has(el)) break;
      reached.add(el);
    }
    const controls = [
      ...["Play", "Step back", "Step forward", "Restart", "Crash node", "Restart node"].map(
        (name) => screen.getByRole("button", { name }),
      ),
      ...["Speed", "Scenario", "Strategy", "Node", "Cut from", "Cut to"].map((name) =>
        screen.getByRole("combobox", { name }),
      ),
      screen.getByRole("spinbutton", { name: "Seed" }),
      ...[
        "Time",
        "Min delay (ms)",
        "Max delay (ms)",
        "Drop rate",
        "Duplicate rate",
        "Reorder rate",
      ].map((name) => screen.getByRole("slider", { name })),
    ];
    for (const control of controls) expect(reached.has(control), control.outerHTML).toBe(true);
  });

  it("wires the timeline: playhead, seek, and the selected anomaly's events", async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole("button", { name: "Seek in timeline" }));
    expect(screen.getByTestId("timeline")).toHaveAttribute("data-playhead", "123");
    act(() => {
      actions.loadPreset("crash-between-writes");
      actions.seek(useAppStore.getState().trace.endTime);
    });
    const anomaly = useAppStore.getState().report?.anomalies[0];
    expect(anomaly).toBeDefined();
    await user.click(screen.getAllByRole("button", { name: new RegExp(`${anomaly?.kind} on`) })[0]);
    expect(screen.getByTestId("timeline")).toHaveAttribute(
      "data-highlight",
      anomaly?.events.join(","),
    );
    expect(screen.getByTestId("timeline")).toHaveAttribute(
      "data-playhead",
      String(anomaly?.detectedAt),
    );
  });
});
