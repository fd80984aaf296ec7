import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import { useTourStore } from "../../tour/tour-store";
import { FirstVisit, INTRO_SEEN_KEY, introFacts, introWanted } from "./FirstVisit";

describe("introWanted", () => {
  it("shows on a first visit by a person, and not again once seen", () => {
    expect(introWanted("", false, false)).toBe("show");
    expect(introWanted("", true, false)).toBe("hide");
  });

  it("keeps out of automated browsers and the bench page unless asked with ?intro=on", () => {
    expect(introWanted("", false, true)).toBe("hide");
    expect(introWanted("?intro=on", true, true)).toBe("show");
    expect(introWanted("?bench=timeline", false, false)).toBe("hide");
    expect(introWanted("?bench=timeline&intro=on", false, false)).toBe("hide");
    expect(introWanted("?intro=off", false, false)).toBe("hide");
  });
});

describe("introFacts", () => {
  it("names the real run's lanes, its slow message and its first anomaly", () => {
    act(() => actions.loadPreset("kleppmann-race"));
    const { trace, report } = useAppStore.getState();
    const facts = introFacts(trace, report);
    expect(facts.groups).toEqual([
      { group: "clients", nodes: ["client-1", "client-2"] },
      { group: "stores", nodes: ["db", "search"] },
    ]);
    // client-1 -> search is the preset's 40 ms link; every other link takes 5 ms.
    expect(facts.message).toMatchObject({ from: "client-1", to: "search", slowest: true });
    expect((facts.message?.arrived ?? 0) - (facts.message?.sent ?? 0)).toBe(40);
    const first = [...(report?.anomalies ?? [])].sort((a, b) => a.detectedAt - b.detectedAt)[0];
    expect(facts.anomaly).toMatchObject({ kind: first.kind, key: first.key, at: first.detectedAt });
  });

  it("falls back to a client's first message when every link is alike", () => {
    act(() => actions.loadPreset("acks1-leader-failover"));
    const { trace, report } = useAppStore.getState();
    const facts = introFacts(trace, report);
    expect(facts.message?.slowest).toBe(false);
    expect(facts.message?.from).toBe("client-1");
    expect(facts.anomaly).toMatchObject({ letter: "D", kind: "durability" });
  });
});

describe("FirstVisit", () => {
  beforeEach(() => {
    localStorage.removeItem(INTRO_SEEN_KEY);
    window.history.replaceState(null, "", "/?intro=on");
    act(() => actions.loadPreset("kleppmann-race"));
  });
  afterEach(() => {
    window.history.replaceState(null, "", "/");
    useTourStore.setState({ presenter: false, open: false });
  });

  it("says what the lanes, arrows and marks of this run are, and is remembered once closed", async () => {
    const { unmount } = render(<FirstVisit />);
    const card = screen.getByRole("dialog", { name: "What am I looking at?" });
    expect(card).toHaveTextContent("client-1, client-2");
    expect(card).toHaveTextContent(
      "The slowest here, client-1 → search, leaves at 20 ms and arrives at 60 ms.",
    );
    expect(card).toHaveTextContent(/Here the first, C · consistency on x, appears at \d+ ms\./);
    expect(screen.getByRole("button", { name: "Take the tour" })).toBeVisible();
    expect(screen.getByRole("button", { name: "Keyboard shortcuts (?)" })).toBeVisible();
    await userEvent.click(screen.getByRole("button", { name: "Got it" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(localStorage.getItem(INTRO_SEEN_KEY)).toBe("1");
    unmount();
    // Seen: a new page without ?intro=on does not show it.
    window.history.replaceState(null, "", "/");
    render(<FirstVisit />);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("closes on Escape", async () => {
    render(<FirstVisit />);
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("is never shown in presenter mode or in the tour", () => {
    act(() => useTourStore.setState({ presenter: true }));
    const { rerender } = render(<FirstVisit />);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    act(() => useTourStore.setState({ presenter: false, open: true }));
    rerender(<FirstVisit />);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    act(() => useTourStore.setState({ open: false }));
    rerender(<FirstVisit />);
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });
});
