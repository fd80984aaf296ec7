import { describe, expect, it } from "vitest";
import { simulate } from "../../sim/simulate";
import { CHAPTERS } from "../../tour/chapters";
import { ARROW_LOST, buildGeometry } from "./geometry";
import { keepLanes } from "./visible-lanes";

function run(id: string) {
  const step = CHAPTERS.flatMap((c) => c.steps).find((s) => s.id === id);
  if (step === undefined) throw new Error(id);
  return simulate(structuredClone(step.scenario));
}

describe("keepLanes: the timeline with only some lanes", () => {
  const trace = run("log/order");
  const lanes = ["client-1", "client-2", "db", "search", "broker-1"];
  const cut = keepLanes(trace, lanes);

  it("keeps the lanes asked for, in the run's order, and no event on another", () => {
    expect(cut.nodes.map((n) => n.id)).toEqual(lanes);
    expect(trace.nodes.length).toBeGreaterThan(lanes.length);
    const ids = new Set(trace.nodes.map((n) => n.id));
    for (const e of cut.events) if (ids.has(e.node)) expect(lanes).toContain(e.node);
    expect(cut.events.length).toBeLessThan(trace.events.length);
  });

  it("cuts a message wholly or not at all: no arrow points at a lane not drawn", () => {
    const sent = new Set(cut.events.filter((e) => e.type === "send").map((e) => e.msg));
    const ended = new Set(
      cut.events.filter((e) => e.type === "deliver" || e.type === "drop").map((e) => e.msg),
    );
    expect(sent.size).toBeGreaterThan(0);
    expect([...ended].every((m) => sent.has(m))).toBe(true);
    expect([...sent].every((m) => ended.has(m))).toBe(true);
    const g = buildGeometry(cut);
    expect(g.nodes.map((n) => n.id)).toEqual(lanes);
    let lost = 0;
    for (let i = 0; i < g.arrows.n; i++) if (g.arrows.kind[i] === ARROW_LOST) lost++;
    expect(lost).toBe(0);
    // What the step is about stays: the appends on the leader and the applies on the stores.
    expect(cut.events.filter((e) => e.type === "append")).toHaveLength(2);
    expect(cut.events.filter((e) => e.type === "apply")).toHaveLength(
      trace.events.filter((e) => e.type === "apply").length,
    );
  });

  it("is the same trace when every lane (or no list) is asked for", () => {
    expect(keepLanes(trace, undefined)).toBe(trace);
    expect(
      keepLanes(
        trace,
        trace.nodes.map((n) => n.id),
      ),
    ).toBe(trace);
  });
});
