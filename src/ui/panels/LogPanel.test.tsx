import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { DEFAULT_LOG } from "../../sim/defaults";
import { scriptScenario } from "../../sim/test-helpers";
import { LogPanel } from "./LogPanel";

/** One partition, min.insync 1, unclean election off: its lone leader dies and nobody may take over. */
const offlineAtEnd = scriptScenario(
  [
    { at: 10, client: 1, op: "set", key: "x", value: "A" },
    { at: 500, client: 1, op: "set", key: "x", value: "B" },
  ],
  {
    strategy: "log",
    clients: 1,
    log: { ...DEFAULT_LOG, acks: "all", minInsyncReplicas: 1, uncleanLeaderElection: false },
    schedule: [
      { at: 0, kind: "partition", a: ["broker-1"], b: ["broker-2", "broker-3"], until: 1400 },
      { at: 700, kind: "crash", node: "broker-1" },
    ],
  },
);

describe("LogPanel", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
  });

  it("is absent without a log", () => {
    render(<LogPanel />);
    expect(screen.queryByRole("heading", { name: "Log" })).not.toBeInTheDocument();
  });

  it("shows the leader's records, the high watermark and consumer offsets", () => {
    act(() => {
      actions.loadPreset("log-replay");
      actions.seek(useAppStore.getState().trace.endTime);
    });
    render(<LogPanel />);
    expect(
      screen.getByRole("heading", { name: /leader broker-1, high watermark 8/ }),
    ).toBeVisible();
    expect(screen.getAllByRole("row")).toHaveLength(1 + 8);
    expect(screen.getByRole("row", { name: /^7 #8 u = H committed$/ })).toBeInTheDocument();
    const consumers = screen.getByRole("list", { name: "Consumers of partition 0" });
    expect(consumers).toHaveTextContent("consumer-search: committed offset 8");
  });

  it("follows the playhead: records above the high watermark, and the new leader after failover", () => {
    act(() => actions.loadPreset("acks1-leader-failover"));
    render(<LogPanel />);
    act(() => actions.seek(20));
    expect(
      screen.getByRole("heading", { name: /leader broker-1, high watermark 0/ }),
    ).toBeVisible();
    expect(screen.getByRole("row", { name: /^0 #1 x = A above HW$/ })).toBeInTheDocument();
    act(() => actions.seek(150));
    expect(screen.getByRole("heading", { name: /leader broker-2/ })).toBeVisible();
    expect(screen.getByText("The leader's log is empty.")).toBeInTheDocument();
  });

  it("shows the producer's settings and the ISR and leader epoch at the playhead", () => {
    act(() => actions.loadPreset("acks1-leader-failover"));
    render(<LogPanel />);
    expect(screen.getByTestId("log-settings")).toHaveTextContent(
      "acks=1 · min.insync.replicas=2 · unclean leader election off",
    );
    act(() => actions.seek(20));
    expect(screen.getByTestId("isr-0")).toHaveTextContent(
      "ISR: broker-1, broker-2, broker-3 · leader epoch 0",
    );
    // The controller elects broker-2 in epoch 1, with the ISR it kept.
    const elect = useAppStore.getState().trace.events.find((e) => e.type === "elect");
    expect(elect?.detail).toBe("epoch 1; isr broker-2,broker-3");
    act(() => actions.seek((elect?.t ?? 0) - 1));
    expect(screen.getByTestId("isr-0")).toHaveTextContent("ISR: broker-1, broker-2, broker-3");
    act(() => actions.seek(elect?.t ?? 0));
    expect(screen.getByTestId("isr-0")).toHaveTextContent(
      "ISR: broker-2, broker-3 · leader epoch 1",
    );
  });

  it("keeps a truncated record on show, struck through, with its epoch", () => {
    act(() => actions.loadPreset("acks1-leader-failover"));
    const { trace } = useAppStore.getState();
    const cut = trace.events.find((e) => e.type === "truncate");
    if (cut === undefined) throw new Error("the preset truncates no record");
    render(<LogPanel />);
    // Before the truncation the acknowledged x = A is only on the dead old leader: at risk.
    act(() => actions.seek(cut.t - 1));
    expect(
      screen.getByRole("row", {
        name: /^0 #1 x = A only on broker-1 \(epoch 0\), not on the leader/,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId("truncated-record")).not.toBeInTheDocument();
    act(() => actions.seek(cut.t));
    const row = screen.getByTestId("truncated-record");
    expect(row).toHaveAccessibleName(
      `0 #1 x = A truncated by broker-1 at ${cut.t} ms: written in epoch 0, the epoch 1 leader never had it`,
    );
    expect(
      within(row)
        .getAllByText((_, el) => el?.tagName === "S")
        .map((s) => s.textContent),
    ).toEqual(["0", "#1", "x = A"]);
    // Still there at the end, beside the record that took its offset.
    act(() => actions.seek(trace.endTime));
    expect(screen.getByTestId("truncated-record")).toBeInTheDocument();
    expect(screen.getByRole("row", { name: /^0 #2 y = B committed$/ })).toBeInTheDocument();
    expect(screen.queryByText("The leader's log is empty.")).not.toBeInTheDocument();
  });

  it("opens the glossary at the term that was clicked", async () => {
    act(() => {
      actions.loadPreset("acks1-leader-failover");
      actions.seek(20);
    });
    render(<LogPanel />);
    const isr = screen.getByRole("button", { name: "ISR" });
    expect(isr).toHaveAttribute("title", expect.stringMatching(/caught up with the leader/));
    await userEvent.click(isr);
    const open = screen
      .getAllByRole("dialog", { hidden: true })
      .filter((d) => d.dataset.open === "true");
    expect(open).toHaveLength(1);
    expect(open[0].querySelector(".current")).toHaveTextContent(/^ISR \(in-sync replicas\)/);
    for (const name of [
      "acks",
      "min.insync.replicas",
      "leader epoch",
      "high watermark",
      "above HW",
    ])
      expect(screen.getByRole("button", { name })).toHaveAttribute("aria-haspopup", "dialog");
  });

  it("says when a partition is offline: since when, whom it waits for, and that nothing is lost", () => {
    act(() => actions.loadScenario(offlineAtEnd));
    const { trace, report } = useAppStore.getState();
    const elect = trace.events.find((e) => e.type === "elect");
    expect(elect?.detail).toMatch(/^offline.*waiting for broker-1$/);
    const since = elect?.t ?? 0;
    // The report agrees: offline at the end.
    expect(report?.offline).toMatchObject([{ partition: 0, since, waitingFor: "broker-1" }]);
    const note = `Partition 0 offline since ${since} ms — waiting for broker-1 to return; its records are unavailable, not lost`;
    render(<LogPanel />);
    act(() => actions.seek(since - 1));
    expect(screen.queryByText(/offline since/)).not.toBeInTheDocument();
    act(() => actions.seek(since));
    expect(screen.getByText(note)).toBeVisible();
    expect(screen.getByRole("heading", { name: /leader none \(offline\)/ })).toBeVisible();
    act(() => actions.seek(trace.endTime));
    expect(screen.getByText(note)).toBeVisible();
    // The records are there, on the replica it waits for: the same as the run's final log.
    expect(trace.final.log[0].length).toBeGreaterThan(0);
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent?.match(/^\d+#(\d+)/)?.[1])).toEqual(
      trace.final.log[0].map(String),
    );
  });

  it("drops the note once a later election brings the partition back", () => {
    act(() =>
      actions.loadScenario({
        ...offlineAtEnd,
        schedule: [...offlineAtEnd.schedule, { at: 1500, kind: "restart", node: "broker-1" }],
      }),
    );
    const { trace, report } = useAppStore.getState();
    const elects = trace.events.filter((e) => e.type === "elect");
    expect(elects.map((e) => e.detail?.split(":")[0].split(" ")[0])).toEqual(["offline", "epoch"]);
    expect(report?.offline).toEqual([]);
    render(<LogPanel />);
    act(() => actions.seek(elects[1].t - 1));
    expect(screen.getByText(/^Partition 0 offline since/)).toBeVisible();
    act(() => actions.seek(elects[1].t));
    expect(screen.queryByText(/offline since/)).not.toBeInTheDocument();
  });

  it("takes the report's offline partitions too, once the playhead reaches them", () => {
    act(() => actions.loadPreset("log-replay"));
    const { report } = useAppStore.getState();
    if (report === null) throw new Error("no report");
    const offline = { partition: 0, since: 30, waitingFor: null, writes: [], explanation: "" };
    act(() => useAppStore.setState({ report: { ...report, offline: [offline] } }));
    render(<LogPanel />);
    act(() => actions.seek(29));
    expect(screen.queryByText(/offline since/)).not.toBeInTheDocument();
    act(() => actions.seek(30));
    expect(
      screen.getByText(
        "Partition 0 offline since 30 ms — waiting for an in-sync replica to return; its records are unavailable, not lost",
      ),
    ).toBeVisible();
  });
});
