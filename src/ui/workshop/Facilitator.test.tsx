import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { resetAppStore } from "../../app/app-store";
import { useLinkStore } from "../../app/link-store";
import { resetPlayback } from "../../app/playback";
import { exerciseById } from "../../workshop/exercises";
import { encodeProof } from "../../workshop/proof";
import { proofLink } from "./exercise-progress";
import { resetExerciseSession } from "./exercise-session";
import { facilitator, resetFacilitator, roomViewOf } from "./facilitator-store";
import { WorkshopButton } from "./WorkshopButton";
import { useWorkshopStore } from "./workshop-store";

function scenarioOf(id: string, which: "start" | "solution") {
  const e = exerciseById(id);
  if (e === undefined) throw new Error(`no ${id}`);
  return e[which]();
}

const proof = (name: string, solved: Record<string, "start" | "solution">) =>
  `https://room.test/#proof=${encodeProof(
    name,
    Object.fromEntries(Object.entries(solved).map(([id, w]) => [id, scenarioOf(id, w)])),
  )}`;

describe("the Facilitator view", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    localStorage.clear();
    sessionStorage.clear();
    resetExerciseSession();
    resetFacilitator();
    useWorkshopStore.setState({ open: false });
    useLinkStore.setState({ openedView: {}, problem: null });
    window.history.replaceState(null, "", "/");
  });

  it("checks three pasted proofs again, one forged: 2 solved, 1 rejected, with the reason", async () => {
    const user = userEvent.setup();
    render(<WorkshopButton />);
    await user.click(screen.getByRole("button", { name: "Workshop" }));
    await user.click(screen.getByRole("button", { name: "Facilitator" }));
    const view = screen.getByRole("dialog", { name: "Facilitator" });
    const pasted = [
      proof("Ada", { "lost-ack": "solution", "incr-fix": "solution" }),
      `Grace: ${proof("Grace", { "lost-ack": "solution" })}`,
      // Forged: claims lost-ack with the untouched start (acks=all loses nothing).
      proof("Mallory", { "lost-ack": "start" }),
      "",
      "thanks everyone!",
    ].join("\n");
    const box = within(view).getByLabelText(/Proofs, one per line/);
    act(() => facilitator.setText(pasted));
    expect(box).toHaveValue(pasted);
    await user.click(within(view).getByRole("button", { name: "Check proofs" }));
    await waitFor(
      () => expect(within(view).getByText(/4 lines read: 3 solved, 2 rejected/)).toBeVisible(),
      { timeout: 10_000 },
    );
    const table = within(view).getByRole("table", { name: "Who solved what" });
    const row = (who: string) => within(table).getByRole("row", { name: new RegExp(`^${who}`) });
    // Column 2 is exercise 2 (lost-ack): the cell after "Who" and exercise 1.
    const cell = (who: string, n: number) => within(row(who)).getAllByRole("cell")[n - 1];
    expect(cell("Ada", 2)).toHaveTextContent("✓ solved");
    expect(cell("Ada", 6)).toHaveTextContent("✓ solved");
    expect(cell("Grace", 2)).toHaveTextContent("✓ solved");
    expect(cell("Mallory", 2)).toHaveTextContent("✗ rejected");
    expect(cell("Mallory", 1)).toHaveTextContent("–");
    expect(
      within(view).getByText("2. Lose an acknowledged write: 2 solved, 1 rejected"),
    ).toBeVisible();
    expect(
      within(view).getByText("6. Fix the double count with a commit policy: 1 solved, 0 rejected"),
    ).toBeVisible();
    const rejected = within(view).getByRole("region", { name: /^Rejected \(2\)/ });
    expect(rejected).toHaveTextContent(/Mallory, exercise 2: Nothing has changed yet/);
    expect(rejected).toHaveTextContent(
      /Line 5, the whole proof: “thanks everyone!” is not a proof/,
    );
  });

  it("merges the proofs one learner pastes as they go into one row, latest per exercise", async () => {
    const user = userEvent.setup();
    render(<WorkshopButton />);
    await user.click(screen.getByRole("button", { name: "Workshop" }));
    await user.click(screen.getByRole("button", { name: "Facilitator" }));
    const view = screen.getByRole("dialog", { name: "Facilitator" });
    act(() =>
      facilitator.setText(
        [
          // Ada's first try is the untouched start; she fixes it, then solves one more.
          proof("Ada", { "lost-ack": "start" }),
          proof("Grace", { "lost-ack": "solution" }),
          proof("ada", { "lost-ack": "solution" }),
          proof("Ada", { "lost-ack": "solution", "incr-fix": "solution" }),
        ].join("\n"),
      ),
    );
    await user.click(within(view).getByRole("button", { name: "Check proofs" }));
    await waitFor(() => expect(within(view).getByText(/^4 lines read:/)).toBeVisible(), {
      timeout: 15_000,
    });
    const table = within(view).getByRole("table", { name: "Who solved what" });
    const body = within(table).getAllByRole("rowgroup")[1];
    expect(
      within(body)
        .getAllByRole("row")
        .map((r) => within(r).getByRole("rowheader").textContent),
    ).toEqual(["Ada", "Grace"]);
    const ada = within(body).getByRole("row", { name: /^Ada/ });
    const cells = within(ada).getAllByRole("cell");
    expect(cells[1]).toHaveTextContent("✓ solved");
    expect(cells[5]).toHaveTextContent("✓ solved");
    expect(ada.querySelector('[data-count="solved"]')).toHaveTextContent("2");
    expect(ada.querySelector('[data-count="rejected"]')).toHaveTextContent("0");
    // Learners, not lines: Ada and Grace solved exercise 2; Ada's early rejection is superseded.
    expect(within(view).getByRole("status")).toHaveTextContent(
      "4 lines read: 3 solved, 0 rejected.",
    );
    expect(
      within(view).getByText("2. Lose an acknowledged write: 2 solved, 0 rejected"),
    ).toBeVisible();
    expect(within(view).queryByRole("region", { name: /^Rejected/ })).toBeNull();
  });

  it("opens by link: #facilitator, and a learner's #proof=… checked at once", async () => {
    expect(roomViewOf("#facilitator")).toEqual({ view: "facilitator" });
    expect(roomViewOf("#handout")).toEqual({ view: "handout" });
    expect(roomViewOf("#s=1.abc")).toEqual({ view: null });
    const link = proofLink({}, "");
    expect(link).toMatch(/^#proof=1\./);
    const code = encodeProof("Ada", { "stale-read": scenarioOf("stale-read", "solution") });
    window.history.replaceState(null, "", `/#proof=${code}`);
    render(<WorkshopButton />);
    const view = await screen.findByRole("dialog", { name: "Facilitator" });
    await waitFor(
      () => expect(within(view).getByText(/1 line read: 1 solved, 0 rejected/)).toBeVisible(),
      { timeout: 10_000 },
    );
    await userEvent.click(within(view).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog", { name: "Facilitator" })).toBeNull();
    expect(window.location.hash).toBe("");
  });
});
