import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { useLinkStore } from "../../app/link-store";
import { resetPlayback } from "../../app/playback";
import { presetScenario } from "../../sim/presets";
import { exerciseById } from "../../workshop/exercises";
import { sweepPoints } from "../../workshop/sweep";
import { PROGRESS_KEY } from "./exercise-progress";
import { exerciseSession, resetExerciseSession, useExerciseSession } from "./exercise-session";
import { WorkshopButton } from "./WorkshopButton";
import { DEFAULT_FORM, useWorkshopStore } from "./workshop-store";

async function openWorkshop() {
  const user = userEvent.setup();
  render(<WorkshopButton />);
  await user.click(screen.getByRole("button", { name: "Workshop" }));
  return { user, dialog: screen.getByRole("dialog", { name: "Workshop" }) };
}

function fillSweep(values: string, seeds: number) {
  fireEvent.change(screen.getByRole("textbox", { name: /Values/ }), { target: { value: values } });
  fireEvent.change(screen.getByRole("spinbutton", { name: /Seeds/ }), {
    target: { value: String(seeds) },
  });
}

// Sweeps and shrinks simulate for real; a busy machine needs more than the default 5 s.
const SLOW = 60_000;

describe("Workshop panel (no Worker in jsdom: chunks run on the main thread)", () => {
  beforeEach(() => {
    expect(typeof Worker).toBe("undefined");
    resetPlayback();
    resetAppStore();
    localStorage.clear();
    resetExerciseSession();
    window.history.replaceState(null, "", "/");
    useWorkshopStore.setState({
      open: false,
      form: DEFAULT_FORM,
      results: null,
      progress: null,
      status: null,
    });
    useLinkStore.setState({ openedView: {}, problem: null });
  }, SLOW);

  it(
    "runs a sweep with progress, draws the chart and table, and opens a witness",
    async () => {
      actions.loadPreset("default");
      const { user } = await openWorkshop();
      fillSweep("0,0.2", 4);
      await user.click(screen.getByRole("button", { name: "Run sweep" }));
      expect(screen.getByRole("progressbar", { name: "Sweep progress" })).toHaveAttribute(
        "aria-valuenow",
      );
      const table = await screen.findByRole("table", {}, { timeout: SLOW });
      expect(screen.getByRole("img", { name: /Share of runs with atomicity/ })).toBeInTheDocument();
      expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
      // The page counts exactly what the CLI's sweepPoints counts.
      const expected = sweepPoints({
        scenario: presetScenario("default") ?? useAppStore.getState().scenario,
        strategies: ["dual-write", "log"],
        param: "dropRate",
        values: [0, 0.2],
        seeds: 4,
      });
      expect(useWorkshopStore.getState().results?.points).toEqual(expected);
      const rows = within(table).getAllByRole("row");
      expect(rows).toHaveLength(1 + 4);
      expect(rows[3]).toHaveTextContent(`0.2dual-write${expected[2].counts.atomicity}/4`);
      const witness = screen.getAllByRole("button", {
        name: /dual-write, dropRate 0.2: .*open a witness run/,
      })[0];
      await user.click(witness);
      const scenario = useAppStore.getState().scenario;
      expect(scenario.name).toMatch(/^witness: atomicity, dropRate = 0.2, seed \d+/);
      expect(scenario.network.default.dropRate).toBe(0.2);
      expect(useAppStore.getState().report?.anomalies.some((a) => a.kind === "atomicity")).toBe(
        true,
      );
      // It opens at the moment its anomaly appears, with the anomaly selected.
      const first = useAppStore.getState().report?.anomalies.find((a) => a.kind === "atomicity");
      expect(first?.detectedAt).toBeGreaterThan(0);
      expect(useAppStore.getState().selectedAnomalyId).toBe(first?.id);
      expect(useAppStore.getState().playhead).toBe(first?.detectedAt);
    },
    SLOW,
  );

  it(
    "cancels a sweep and keeps the runs that finished",
    async () => {
      const { user } = await openWorkshop();
      fillSweep("0,0.1,0.2", 200);
      await user.click(screen.getByRole("button", { name: "Run sweep" }));
      await waitFor(
        () =>
          expect(
            Number(screen.getByRole("progressbar").getAttribute("aria-valuenow")),
          ).toBeGreaterThan(0),
        { timeout: SLOW },
      );
      await user.click(screen.getByRole("button", { name: "Cancel" }));
      expect(await screen.findByText(/Cancelled/, {}, { timeout: SLOW })).toBeInTheDocument();
      const results = useWorkshopStore.getState().results;
      const runs = results?.points.reduce((n, p) => n + p.n, 0) ?? 0;
      expect(runs).toBeGreaterThan(0);
      expect(runs).toBeLessThan(1200);
    },
    SLOW,
  );

  it(
    "refuses bad values with a message instead of running",
    async () => {
      const { user } = await openWorkshop();
      fillSweep("0,5", 3);
      await user.click(screen.getByRole("button", { name: "Run sweep" }));
      expect(screen.getByRole("alert")).toHaveTextContent(/probability/);
    },
    SLOW,
  );

  it(
    "shrinks the current run to a smaller one that still shows the kind",
    async () => {
      actions.loadScenario(
        presetScenario("crash-between-writes") ?? useAppStore.getState().scenario,
      );
      const { user } = await openWorkshop();
      await user.click(screen.getByRole("button", { name: "Shrink" }));
      await screen.findByText(/Shrunk in \d+ runs/, {}, { timeout: SLOW });
      const s = useAppStore.getState().scenario;
      expect(s.name).toMatch(/shrunk for atomicity/);
      expect(s.workload.kind === "script" && s.workload.ops.length).toBe(1);
      expect(useAppStore.getState().report?.anomalies.some((a) => a.kind === "atomicity")).toBe(
        true,
      );
    },
    SLOW,
  );

  it(
    "starts an exercise, checks a wrong and a right answer, and remembers it",
    async () => {
      const { user } = await openWorkshop();
      const item = screen.getByRole("listitem", { name: "Break atomicity with one fault" });
      await user.click(within(item).getByRole("button", { name: "Start" }));
      expect(useAppStore.getState().scenario.name).toBe("exercise: one-fault");
      expect(useExerciseSession.getState().active).toBe("one-fault");
      await user.click(screen.getByRole("button", { name: "Workshop" }));
      const again = screen.getByRole("listitem", { name: "Break atomicity with one fault" });
      await user.click(within(again).getByRole("button", { name: "Check my solution" }));
      await waitFor(() =>
        expect(within(again).getByRole("status")).toHaveTextContent(
          /Not yet: Nothing has changed yet/,
        ),
      );
      actions.schedule({ at: 18, kind: "crash", node: "client-1" });
      await user.click(within(again).getByRole("button", { name: "Check my solution" }));
      await waitFor(() =>
        expect(within(again).getByRole("status")).toHaveTextContent(/Pass: One crash of client-1/),
      );
      expect(within(again).getByText("Solved")).toBeInTheDocument();
      expect(
        within(again).getByRole("link", { name: "shareable link" }).getAttribute("href"),
      ).toMatch(/#s=1\..*&ex=one-fault$/);
      expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? "{}")).toHaveProperty("one-fault");
    },
    SLOW,
  );

  it(
    "verifies a solution opened from a link without marking it solved, nor opening the dialog",
    async () => {
      render(<WorkshopButton />);
      const solution = exerciseById("cdc-race")?.solution();
      if (solution === undefined) throw new Error("missing exercise");
      act(() => {
        actions.loadScenario(solution);
        useLinkStore.setState({ openedView: { exercise: "cdc-race" } });
      });
      const banner = screen.getByRole("region", { name: /^Exercise 7: Let CDC settle/ });
      await waitFor(() =>
        expect(within(banner).getByRole("status")).toHaveTextContent(
          /^Verified solution: db and search/,
        ),
      );
      expect(screen.queryByRole("dialog")).toBeNull();
      expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
      await userEvent.click(screen.getByRole("button", { name: "Workshop" }));
      const item = screen.getByRole("listitem", { name: "Let CDC settle the Kleppmann race" });
      expect(within(item).queryByText("Solved")).toBeNull();
      expect(screen.getByText(/0 of 7 solved/)).toBeInTheDocument();
    },
    SLOW,
  );

  it(
    "checks a scenario by the exercise its link names, not by the scenario's name",
    async () => {
      render(<WorkshopButton />);
      // The incr-fix start is named for incr-fix but opened as an attempt at incr-double.
      const start = exerciseById("incr-fix")?.start();
      if (start === undefined) throw new Error("missing exercise");
      act(() => {
        actions.loadScenario(start);
        useLinkStore.setState({ openedView: { exercise: "incr-double" } });
      });
      const banner = screen.getByRole("region", {
        name: /^Exercise 5: Make increments count twice/,
      });
      await waitFor(() =>
        expect(within(banner).getByRole("status")).toHaveTextContent(
          /^Opened from a link, not solved yet: This is the start of exercise 6/,
        ),
      );
      // A scenario carrying an exercise's name but no ex= opens as an ordinary scenario.
      act(() => exerciseSession.leave());
      act(() => {
        actions.loadScenario(start);
        useLinkStore.setState({ openedView: {} });
      });
      expect(screen.queryByRole("region", { name: /^Exercise/ })).toBeNull();
    },
    SLOW,
  );

  it(
    "opens with the sweep settings of an opened link",
    async () => {
      render(<WorkshopButton />);
      useLinkStore.setState({
        openedView: {
          sweep: {
            param: "acks",
            values: [0, "all"],
            strategies: ["log"],
            seeds: 7,
            kind: "durability",
          },
        },
      });
      await screen.findByRole("dialog", { name: "Workshop" });
      expect(screen.getByRole("textbox", { name: /Values/ })).toHaveValue("0,all");
      expect(screen.getByRole("spinbutton", { name: /Seeds/ })).toHaveValue(7);
      expect(screen.getByRole("checkbox", { name: "dual-write" })).not.toBeChecked();
    },
    SLOW,
  );
});
