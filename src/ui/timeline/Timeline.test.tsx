import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { check } from "../../check";
import { causeOf } from "../../check/cause";
import { simulate } from "../../sim/simulate";
import { CompareTimeline } from "./CompareTimeline";
import { preset, tinyReport, tinyTrace } from "./fixtures";
import { Timeline } from "./Timeline";

const root = () => screen.getByTestId("timeline");
const arrows = (c: HTMLElement) => c.querySelectorAll(".tl-arrow");

function show(playhead: number, extra: Partial<Parameters<typeof Timeline>[0]> = {}) {
  return render(
    <Timeline
      trace={tinyTrace()}
      report={tinyReport()}
      playhead={playhead}
      width={800}
      {...extra}
    />,
  );
}

describe("Timeline", () => {
  it("draws one labelled lane per node", () => {
    const { container } = show(20);
    for (const id of ["client-1", "db", "search"])
      expect(container.querySelector(`.tl-lane-label[data-lane="${id}"]`)).toHaveTextContent(id);
    expect(container.querySelectorAll(".tl-lane-rule")).toHaveLength(3);
    expect(screen.getByRole("application")).toHaveAccessibleName(/Space-time diagram/);
  });

  it("draws arrows only up to the playhead", () => {
    const { container, rerender } = show(0.5);
    expect(arrows(container)).toHaveLength(0);
    expect(root()).toHaveAttribute("data-arrows", "0");
    rerender(<Timeline trace={tinyTrace()} report={null} playhead={3} width={800} />);
    // Three messages have left, none arrived: all drawn in flight.
    expect(arrows(container)).toHaveLength(3);
    expect(container.querySelectorAll(".tl-flying")).toHaveLength(3);
    rerender(<Timeline trace={tinyTrace()} report={null} playhead={20} width={800} />);
    expect(container.querySelectorAll(".tl-flying")).toHaveLength(0);
    expect(root()).toHaveAttribute("data-arrows", "3");
  });

  it("ends a dropped message in a cross, and marks the duplicate", () => {
    const { container, rerender } = show(7);
    expect(container.querySelectorAll("[data-drop]")).toHaveLength(0);
    rerender(<Timeline trace={tinyTrace()} report={null} playhead={8} width={800} />);
    expect(container.querySelectorAll("[data-drop]")).toHaveLength(1);
    expect(root()).toHaveAttribute("data-drops", "1");
    expect(container.querySelector(".tl-dup")).toHaveTextContent("dup");
  });

  it("shows the anomaly's mark only from its detection, in the state at the playhead", () => {
    const { container, rerender } = show(8.9);
    expect(container.querySelectorAll("[data-anomaly]")).toHaveLength(0);
    rerender(<Timeline trace={tinyTrace()} report={tinyReport()} playhead={9} width={800} />);
    const mark = container.querySelector("[data-anomaly]");
    expect(mark).toHaveAttribute("data-state", "suspected");
    expect(mark).toHaveAttribute("data-mark", "anomaly-isolation");
    expect(mark).toHaveTextContent("I · isolation x?");
    // A mark that points (the write's apply on db joined to its lost copy on search), no band.
    expect(mark?.querySelector("rect")).toBeNull();
    expect(mark?.querySelector(".tl-am-link")).not.toBeNull();
    rerender(<Timeline trace={tinyTrace()} report={tinyReport()} playhead={16} width={800} />);
    const confirmed = container.querySelector("[data-anomaly]");
    expect(confirmed).toHaveAttribute("data-state", "confirmed");
    expect(confirmed).toHaveTextContent("I · isolation x");
    expect(confirmed).not.toHaveTextContent("I · isolation x?");
  });

  it("fades a band once its anomaly has healed", () => {
    const report = tinyReport();
    const [a] = report.anomalies;
    report.anomalies = [{ ...a, state: "healed", confirmedAt: undefined, healedAt: 12 }];
    const { container, rerender } = render(
      <Timeline trace={tinyTrace()} report={report} playhead={10} width={800} />,
    );
    expect(container.querySelector("[data-anomaly]")).toHaveAttribute("data-state", "suspected");
    rerender(<Timeline trace={tinyTrace()} report={report} playhead={12} width={800} />);
    const healed = container.querySelector("[data-anomaly]");
    expect(healed).toHaveAttribute("data-state", "healed");
    expect(healed).toHaveTextContent("I · isolation x (healed)");
  });

  it("selects a clicked event and shows its causal parent in the inspector", () => {
    const onSelect = vi.fn();
    const { container } = show(20, { onSelectEvent: onSelect });
    // The end of the client → db arrow is the delivery on db.
    const line = container.querySelector('.tl-arrow[data-arrow="1"] line');
    const [cx, cy] = [Number(line?.getAttribute("x2")), Number(line?.getAttribute("y2"))];
    fireEvent.click(container.querySelector(".tl-plot") as Element, { clientX: cx, clientY: cy });
    expect(onSelect).toHaveBeenCalledWith(4);
    const inspector = screen.getByTestId("timeline-inspector");
    expect(inspector).toHaveTextContent("deliver on db");
    // Sentences, not raw fields: what happened and how long the message took on its link.
    expect(screen.getByTestId("timeline-sentence")).toHaveTextContent(
      "db receives client-1's message about x = 1, 4 ms after it was sent.",
    );
    expect(inspector).toHaveTextContent("Took 4 ms on client-1 → db;");
    expect(screen.getByTestId("timeline-parent")).toHaveTextContent(
      "client-1 sends its message about x = 1 to db. (1 ms)",
    );
    fireEvent.click(screen.getByRole("button", { name: /client-1 sends its message/ }));
    expect(onSelect).toHaveBeenLastCalledWith(1);
  });

  it("shows the write behind an apply as its parent", () => {
    show(20, { selectedSeq: 8 });
    expect(screen.getByTestId("timeline-parent")).toHaveTextContent(
      "client-1 writes x = 1. (0 ms)",
    );
  });

  it("zooms with + and - when focused, and Fit all resets", () => {
    show(20);
    const plot = screen.getByRole("application");
    plot.focus();
    expect(root()).toHaveAttribute("data-zoom-k", "1.000");
    fireEvent.keyDown(plot, { key: "+" });
    expect(Number(root().dataset.zoomK)).toBeCloseTo(1.5);
    fireEvent.keyDown(plot, { key: "+" });
    fireEvent.keyDown(plot, { key: "-" });
    expect(Number(root().dataset.zoomK)).toBeCloseTo(1.5);
    fireEvent.keyDown(plot, { key: "ArrowRight" });
    fireEvent.click(screen.getByRole("button", { name: "Fit all" }));
    expect(root()).toHaveAttribute("data-zoom-k", "1.000");
  });

  it("draws only the past unless the future preview is on", () => {
    const { container, rerender } = show(5);
    expect(container.querySelectorAll(".tl-mark.tl-future")).toHaveLength(0);
    rerender(<Timeline trace={tinyTrace()} report={null} playhead={5} width={800} showFuture />);
    expect(container.querySelectorAll(".tl-mark.tl-future").length).toBeGreaterThan(0);
  });

  it("keeps counts on the container when marks go to canvas (no canvas in jsdom)", () => {
    const { container } = show(20, { renderer: "canvas" });
    expect(root()).toHaveAttribute("data-renderer", "canvas");
    expect(arrows(container)).toHaveLength(0);
    expect(root()).toHaveAttribute("data-arrows", "3");
    expect(container.querySelector("canvas")).not.toBeNull();
  });

  it("lights up the race in kleppmann-race under dual-write only once it happens", () => {
    const trace = simulate(preset("kleppmann-race"));
    const report = check(trace);
    const first = Math.min(...report.anomalies.map((a) => a.detectedAt));
    const { container, rerender } = render(
      <Timeline trace={trace} report={report} playhead={first - 0.01} width={900} />,
    );
    expect(container.querySelectorAll("[data-anomaly]")).toHaveLength(0);
    rerender(<Timeline trace={trace} report={report} playhead={trace.endTime} width={900} />);
    const labels = [...container.querySelectorAll("[data-anomaly]")].map((b) => b.textContent);
    expect(labels.some((l) => /I · isolation/.test(l ?? ""))).toBe(true);
  });
});

describe("Timeline: the legend", () => {
  it("lists exactly the kinds of mark drawn on screen, growing as the run plays", () => {
    const trace = simulate(preset("crash-between-writes"));
    const report = check(trace);
    const drawn = (c: HTMLElement) =>
      new Set(
        [...c.querySelectorAll(".tl-plot [data-mark]")].map((e) => e.getAttribute("data-mark")),
      );
    const listed = (c: HTMLElement) =>
      new Set(
        [...c.querySelectorAll("[data-legend]")]
          .map((e) => e.getAttribute("data-legend"))
          .filter((k) => k !== "anomaly-states"),
      );
    const { container, rerender } = render(
      <Timeline trace={trace} report={report} playhead={5} width={900} renderer="svg" />,
    );
    const early = listed(container);
    expect(early).toEqual(drawn(container));
    rerender(
      <Timeline
        trace={trace}
        report={report}
        playhead={trace.endTime}
        width={900}
        renderer="svg"
      />,
    );
    const late = listed(container);
    expect(late).toEqual(drawn(container));
    for (const k of ["crash", "apply", "message", "anomaly-atomicity", "anomaly-consistency"])
      expect(late.has(k), k).toBe(true);
    expect(late.size).toBeGreaterThan(early.size);
    // With an anomaly on screen, the legend also says how its marks show their state.
    expect(container.querySelector('[data-legend="anomaly-states"]')).not.toBeNull();
    expect(new Set(root().getAttribute("data-marks")?.split(" "))).toEqual(
      new Set([...late, "anomaly-states"]),
    );
    // "All marks" lists every kind, with its definition on focus.
    fireEvent.click(screen.getByRole("button", { name: "All marks" }));
    expect(container.querySelectorAll("[data-legend]").length).toBeGreaterThan(30);
    fireEvent.focus(screen.getByRole("button", { name: /^truncate|^log truncated/ }));
    expect(container.querySelector(".tl-legend-def")).toHaveTextContent(
      "log truncated: A broker cuts its log back",
    );
  });
});

describe("Timeline: the cause of a selected anomaly", () => {
  function race() {
    const trace = simulate(preset("kleppmann-race"));
    const report = check(trace);
    const anomaly = report.anomalies.find((a) => a.kind === "isolation");
    if (anomaly === undefined) throw new Error("no isolation anomaly in kleppmann-race");
    return { trace, report, anomaly, cause: causeOf(trace, anomaly) };
  }

  it("numbers the chain on the plot, keeps it bright and dims the rest", () => {
    const { trace, report, anomaly, cause } = race();
    const { container } = render(
      <Timeline
        trace={trace}
        report={report}
        playhead={trace.endTime}
        width={900}
        selectedAnomaly={anomaly}
        cause={cause}
      />,
    );
    expect(root()).toHaveClass("tl-dim");
    const badges = [...container.querySelectorAll("[data-cause-step]")];
    expect(badges.map((b) => b.textContent)).toEqual(cause.map((_, k) => String(k + 1)));
    // The chain's events and the anomaly's own stay lit; others do not.
    const lit = new Set([...cause.map((s) => s.seq), ...anomaly.events]);
    const marks = [...container.querySelectorAll<SVGElement>(".tl-mark")];
    for (const m of marks)
      expect(m.classList.contains("tl-focus"), m.dataset.seq).toBe(lit.has(Number(m.dataset.seq)));
    expect(marks.some((m) => !m.classList.contains("tl-focus"))).toBe(true);
    // The delayed message itself (the root, a send) is a lit arrow.
    expect(container.querySelector(`.tl-arrow[data-arrow="${cause[0].seq}"]`)).toHaveClass(
      "tl-focus",
    );
    // Its band is the selected one; without a selection nothing dims.
    expect(container.querySelector(`[data-anomaly="${anomaly.id}"]`)).toHaveClass(
      "tl-anomaly-selected",
    );
  });

  it("reads the chain as numbered sentences; a step selects its event, × clears", () => {
    const { trace, report, anomaly, cause } = race();
    const onSelectEvent = vi.fn();
    const onSelectAnomaly = vi.fn();
    render(
      <Timeline
        trace={trace}
        report={report}
        playhead={trace.endTime}
        width={900}
        selectedAnomaly={anomaly}
        cause={cause}
        onSelectEvent={onSelectEvent}
        onSelectAnomaly={onSelectAnomaly}
      />,
    );
    const panel = screen.getByRole("region", { name: "Cause of the anomaly" });
    expect(panel).toHaveTextContent(anomaly.explanation);
    const items = panel.querySelectorAll("ol > li");
    expect([...items].map((li) => li.querySelector("button")?.textContent)).toEqual(
      cause.map((s) => s.text),
    );
    expect(items[0]).toHaveTextContent(
      "fault client-1's write of x = A to search is delayed 40 ms on a slow link",
    );
    fireEvent.click(screen.getByRole("button", { name: cause[0].text }));
    expect(onSelectEvent).toHaveBeenCalledWith(cause[0].seq);
    fireEvent.click(screen.getByRole("button", { name: "Close the cause" }));
    expect(onSelectAnomaly).toHaveBeenCalledWith(null);
  });

  it("selects an anomaly from its label on the plot", () => {
    const { trace, report } = race();
    const onSelectAnomaly = vi.fn();
    const { container } = render(
      <Timeline
        trace={trace}
        report={report}
        playhead={trace.endTime}
        width={900}
        onSelectAnomaly={onSelectAnomaly}
      />,
    );
    expect(root()).not.toHaveClass("tl-dim");
    const label = container.querySelector("[data-anomaly-label]") as SVGTextElement;
    const id = label.getAttribute("data-anomaly-label");
    const [lx, ly] = [Number(label.getAttribute("x")), Number(label.getAttribute("y"))];
    fireEvent.click(container.querySelector(".tl-plot") as Element, {
      clientX: lx + 6,
      clientY: ly - 4,
    });
    expect(onSelectAnomaly).toHaveBeenCalledWith(id);
  });
});

describe("CompareTimeline", () => {
  it("stacks two runs with a scoreboard and one shared zoom", () => {
    const a = tinyTrace();
    const b = tinyTrace();
    render(
      <CompareTimeline traces={[a, b]} reports={[tinyReport(), null]} playhead={20} width={800} />,
    );
    const timelines = screen.getAllByTestId("timeline");
    expect(timelines).toHaveLength(2);
    const rows = screen.getByTestId("scoreboard").querySelectorAll("tbody tr");
    expect(rows[0].querySelector('[data-letter="I"]')).toHaveTextContent("1");
    expect(rows[1].querySelector('[data-letter="I"]')).toHaveTextContent("…");
    fireEvent.keyDown(screen.getAllByRole("application")[0], { key: "+" });
    expect(Number(timelines[1].dataset.zoomK)).toBeCloseTo(1.5);
  });
});
