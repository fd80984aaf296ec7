import { describe, expect, it } from "vitest";
import {
  eventBySeq,
  eventsBetween,
  eventsOf,
  firstAfter,
  firstAtOrAfter,
  indexOfSeq,
} from "./event-reader";
import { presetScenario } from "./presets";
import { SimulatedTrace, simulate } from "./simulate";
import { TraceColumns } from "./trace-columns";
import type { Trace, TraceEvent } from "./types";

const FIELDS = [
  "t",
  "seq",
  "type",
  "node",
  "peer",
  "msg",
  "write",
  "key",
  "value",
  "offset",
  "partition",
  "ref",
  "detail",
] as const satisfies readonly (keyof TraceEvent)[];

function event(seq: number, t: number, extra: Partial<TraceEvent> = {}): TraceEvent {
  return { seq, t, type: "send", node: "client-1", ...extra };
}

/** A hand-built trace: only `events`, as tests build them. */
function handBuilt(events: TraceEvent[]): Trace {
  const base = simulate(presetScenario("default") ?? fail());
  return { ...base, columns: undefined, events };
}

function fail(): never {
  throw new Error("no default preset");
}

/** A simulated trace whose whole-run `events` array must never be made. */
function columnsOnly(trace: Trace): Trace {
  const columns = trace.columns;
  if (!(columns instanceof TraceColumns)) throw new Error("not a simulated trace");
  const guarded = new SimulatedTrace(trace, columns);
  Object.defineProperty(guarded, "events", {
    get() {
      throw new Error("read trace.events");
    },
  });
  return guarded;
}

describe("eventsOf", () => {
  it("reads a hand-built trace's array field by field, with one reader per array", () => {
    const events = [
      event(0, 1, { peer: "db", msg: 7 }),
      event(1, 2, { type: "apply", node: "db", key: "k", value: 3, write: 1 }),
      event(2, 2, { type: "elect", node: "broker-1", detail: "epoch 1", partition: 0 }),
    ];
    const trace = handBuilt(events);
    const r = eventsOf(trace);
    expect(r.length).toBe(3);
    for (let i = 0; i < events.length; i++) {
      expect(r.get(i)).toBe(events[i]);
      for (const f of FIELDS) expect(r[f](i)).toBe(events[i][f]);
    }
    expect(eventsOf(trace)).toBe(r);
    expect(eventsOf({ ...trace })).toBe(r);
  });

  it("reads a simulated trace from its columns, the same as its event objects, without making them", () => {
    const scenario = presetScenario("acks1-leader-failover") ?? fail();
    const trace = simulate(scenario);
    const events = simulate(scenario).events;
    const r = eventsOf(columnsOnly(trace));
    expect(r).toBe(trace.columns);
    expect(r.length).toBe(events.length);
    for (let i = 0; i < events.length; i++)
      for (const f of FIELDS) expect(Object.is(r[f](i), events[i][f]), `${f}(${i})`).toBe(true);
  });

  it("reads columns that answer only get and type (a test's cut of a run) through get", () => {
    const events = [event(0, 1, { peer: "db", msg: 7 }), event(1, 2, { type: "apply", key: "k" })];
    const columns = {
      length: 2,
      get: (i: number) => events[i],
      type: (i: number) => events[i].type,
    };
    const trace: Trace = { ...handBuilt([]), columns };
    const r = eventsOf(trace);
    expect(r.length).toBe(2);
    for (let i = 0; i < events.length; i++)
      for (const f of FIELDS) expect(r[f](i)).toBe(events[i][f]);
    expect(eventsOf(trace)).toBe(r);
  });
});

describe("time windows", () => {
  const times = [0, 1, 1, 1, 4, 9, 9, 12];
  const r = eventsOf(handBuilt(times.map((t, i) => event(i, t))));

  it("finds the first event at or after, and after, any time, as a scan would", () => {
    for (let t = -1; t <= 13; t += 0.5) {
      const atOrAfter = times.findIndex((x) => x >= t);
      const after = times.findIndex((x) => x > t);
      expect(firstAtOrAfter(r, t), `>= ${t}`).toBe(atOrAfter < 0 ? times.length : atOrAfter);
      expect(firstAfter(r, t), `> ${t}`).toBe(after < 0 ? times.length : after);
    }
  });

  it("makes objects only for the window asked for, clamped to the trace", () => {
    expect(eventsBetween(r, firstAtOrAfter(r, 1), firstAfter(r, 4)).map((e) => e.seq)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(eventsBetween(r, -3, 2).map((e) => e.seq)).toEqual([0, 1]);
    expect(eventsBetween(r, 6, 99).map((e) => e.seq)).toEqual([6, 7]);
    expect(eventsBetween(r, 5, 5)).toEqual([]);
  });
});

describe("seq lookups", () => {
  it("finds an event by seq in one look when seqs are the indexes", () => {
    const trace = columnsOnly(simulate(presetScenario("default") ?? fail()));
    const r = eventsOf(trace);
    const last = r.length - 1;
    expect(indexOfSeq(r, last)).toBe(last);
    expect(eventBySeq(r, 3)).toEqual(r.get(3));
    expect(indexOfSeq(r, r.length)).toBe(-1);
    expect(eventBySeq(r, -1)).toBeUndefined();
  });

  it("finds it in a hand-built trace whose seqs start late or skip", () => {
    const r = eventsOf(handBuilt([event(10, 0), event(11, 1), event(15, 2), event(12, 3)]));
    expect(indexOfSeq(r, 11)).toBe(1);
    expect(indexOfSeq(r, 15)).toBe(2);
    expect(indexOfSeq(r, 12)).toBe(3);
    expect(indexOfSeq(r, 13)).toBe(-1);
    expect(eventBySeq(r, 12)?.t).toBe(3);
    expect(indexOfSeq(eventsOf(handBuilt([])), 0)).toBe(-1);
  });
});
