import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { PanelBoundary } from "./PanelBoundary";

function Boom({ fail }: { fail: boolean }) {
  if (fail) throw new Error("kaboom");
  return <p>fine</p>;
}

describe("PanelBoundary", () => {
  it("shows the failure in place of the panel, keeps its neighbours, and offers a way back", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <div>
        <PanelBoundary name="Stores">
          <Boom fail />
        </PanelBoundary>
        <PanelBoundary name="Anomalies">
          <Boom fail={false} />
        </PanelBoundary>
      </div>,
    );
    expect(screen.getByRole("alert", { name: "Stores error" })).toHaveTextContent("kaboom");
    expect(screen.getByText("fine")).toBeInTheDocument();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await userEvent.click(screen.getByRole("button", { name: "Copy error details" }));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining("kaboom"));
    expect(await screen.findByText("Details copied")).toBeInTheDocument();
    expect(
      screen.getByRole("button", { name: "Reset to the default scenario" }),
    ).toBeInTheDocument();
    spy.mockRestore();
  });
});
