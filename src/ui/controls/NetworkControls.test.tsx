import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { NetworkControls } from "./NetworkControls";

const link = () => useAppStore.getState().scenario.network.default;

describe("NetworkControls", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
  });

  it("has a labelled slider per fault-model field that re-simulates", () => {
    render(<NetworkControls />);
    const before = useAppStore.getState().trace.traceHash;
    fireEvent.change(screen.getByRole("slider", { name: "Drop rate" }), {
      target: { value: "0.3" },
    });
    expect(link().dropRate).toBe(0.3);
    expect(screen.getByText("30%")).toBeInTheDocument();
    expect(useAppStore.getState().trace.traceHash).not.toBe(before);
    for (const name of ["Duplicate rate", "Reorder rate"])
      fireEvent.change(screen.getByRole("slider", { name }), { target: { value: "0.1" } });
    expect([link().duplicateRate, link().reorderRate]).toEqual([0.1, 0.1]);
  });

  it("keeps min delay at most max delay", () => {
    render(<NetworkControls />);
    fireEvent.change(screen.getByRole("slider", { name: "Min delay (ms)" }), {
      target: { value: "50" },
    });
    expect([link().delayMsMin, link().delayMsMax]).toEqual([50, 50]);
    fireEvent.change(screen.getByRole("slider", { name: "Max delay (ms)" }), {
      target: { value: "30" },
    });
    expect([link().delayMsMin, link().delayMsMax]).toEqual([30, 30]);
  });
});
