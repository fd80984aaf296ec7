import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { EventList } from "./EventList";

describe("EventList", () => {
  beforeEach(() => resetAppStore());

  it("lists the events up to the playhead as text, and follows it", async () => {
    render(<EventList />);
    await userEvent.click(screen.getByText(/Events as text/));
    act(() => useAppStore.setState({ playhead: 0 }));
    expect(screen.getByText("Nothing has happened yet.")).toBeInTheDocument();
    const { events } = useAppStore.getState().trace;
    const t = events[30].t;
    act(() => useAppStore.setState({ playhead: t }));
    const items = screen.getAllByRole("listitem");
    expect(items.length).toBeGreaterThan(0);
    expect(items.at(-1)?.textContent).toContain(`${t} ms`);
    expect(screen.getByText(/Events as text/).textContent).toContain(`up to ${t} ms`);
  });
});
