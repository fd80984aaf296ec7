import { describe, expect, it } from "vitest";
import { check } from "../check";
import { simulate } from "../sim/simulate";
import { CHAPTERS } from "./chapters";
import { promisedKinds } from "./play-target";
import { stepLanes } from "./step-lanes";

const steps = CHAPTERS.flatMap((c) => c.steps);

function lanesOf(id: string) {
  const step = steps.find((s) => s.id === id);
  if (step === undefined) throw new Error(id);
  const trace = simulate(structuredClone(step.scenario));
  return { step, trace, lanes: stepLanes(step, trace, check(trace)) };
}

describe("the lanes a step needs on stage", () => {
  it("keeps every client and store, what the step spotlights, its faults and its anomalies", () => {
    for (const step of steps) {
      const trace = simulate(structuredClone(step.scenario));
      const report = check(trace);
      const lanes = stepLanes(step, trace, report);
      const ids = trace.nodes.map((n) => n.id);
      // In the run's order, and nothing the run does not have.
      expect(lanes, step.id).toEqual(ids.filter((id) => lanes.includes(id)));
      for (const n of trace.nodes)
        if (n.group === "clients" || n.group === "stores") expect(lanes, step.id).toContain(n.id);
      if ("lanes" in step.spotlight)
        for (const id of step.spotlight.lanes) expect(lanes, step.id).toContain(id);
      const kinds = new Set<string>(promisedKinds(step));
      const bySeq = new Map(trace.events.map((e) => [e.seq, e]));
      for (const a of report.anomalies.filter((x) => kinds.has(x.kind)))
        for (const seq of a.events) {
          const node = bySeq.get(seq)?.node;
          if (node !== undefined && ids.includes(node)) expect(lanes, step.id).toContain(node);
        }
    }
  });

  it("leaves out the followers and consumers a log step does not talk about", () => {
    const order = lanesOf("log/order");
    expect(order.lanes).toEqual(["client-1", "client-2", "db", "search", "broker-1"]);
    expect(order.trace.nodes.length).toBe(9);
    // The replay step is about the cache's consumer: it stays, the other consumers go.
    const replay = lanesOf("log/replay");
    expect(replay.lanes).toContain("consumer-cache");
    expect(replay.lanes).not.toContain("consumer-db");
    expect(replay.lanes).not.toContain("broker-2");
    // acks=1 loses a write on a follower's takeover: the followers are the story.
    const acks = lanesOf("log/acks-1");
    expect(acks.lanes).toEqual(expect.arrayContaining(["broker-1", "broker-2", "broker-3"]));
    expect(acks.lanes.some((id) => id.startsWith("consumer-"))).toBe(false);
  });

  it("keeps every lane of a dual-write step (they have no lane to spare)", () => {
    const race = lanesOf("dual-writes/race");
    expect(race.lanes).toEqual(race.trace.nodes.map((n) => n.id));
  });
});
