import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { playback, resetPlayback } from "../../app/playback";
import { PlaybackControls } from "./PlaybackControls";

const time = () => screen.getByRole("slider", { name: "Time" }) as HTMLInputElement;

describe("PlaybackControls", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
  });

  it("toggles Play to Pause and back", async () => {
    const user = userEvent.setup();
    render(<PlaybackControls />);
    await user.click(screen.getByRole("button", { name: "Play" }));
    expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument();
    expect(playback.status()).toBe("playing");
    await user.click(screen.getByRole("button", { name: "Pause" }));
    expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();
    expect(playback.status()).toBe("paused");
  });

  it("steps to the next and previous event time", async () => {
    const user = userEvent.setup();
    render(<PlaybackControls />);
    await user.click(screen.getByRole("button", { name: "Step forward" }));
    const first = Number(time().value);
    expect(first).toBeGreaterThan(0);
    await user.click(screen.getByRole("button", { name: "Step forward" }));
    expect(Number(time().value)).toBeGreaterThan(first);
    await user.click(screen.getByRole("button", { name: "Step back" }));
    expect(Number(time().value)).toBe(first);
  });

  it("scrubs with the Time slider and restarts", async () => {
    const user = userEvent.setup();
    render(<PlaybackControls />);
    fireEvent.change(time(), { target: { value: "400" } });
    expect(useAppStore.getState().playhead).toBe(400);
    expect(screen.getByText("400 / 1281 ms")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Restart" }));
    expect(useAppStore.getState().playhead).toBe(0);
  });

  it("changes the speed", async () => {
    const user = userEvent.setup();
    render(<PlaybackControls />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Speed" }), "4");
    expect(playback.speed()).toBe(4);
    act(() => playback.send({ type: "SET_SPEED", speed: 0.25 }));
    expect(screen.getByRole("combobox", { name: "Speed" })).toHaveValue("0.25");
  });

  it("says how long the run plays at the chosen speed", async () => {
    const user = userEvent.setup();
    render(<PlaybackControls />);
    const speed = screen.getByRole("combobox", { name: "Speed" });
    expect(speed).toHaveAttribute(
      "title",
      expect.stringContaining("At 1× this run plays in about 6 s"),
    );
    await user.selectOptions(speed, "2");
    expect(speed).toHaveAttribute(
      "title",
      expect.stringContaining("At 2× this run plays in about 3 s"),
    );
  });
});
