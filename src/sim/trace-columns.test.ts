import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashTrace } from "./hash";
import { presetScenario } from "./presets";
import { simulate } from "./simulate";
import { HEAD_EVENTS, TraceColumns } from "./trace-columns";
import { EVENT_TYPES, type TraceEvent } from "./types";

/** The reader's field accessors: each answers what `get(i)` would hold. */
const READER_FIELDS = [
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

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const name = fc.constantFrom("client-1", "db", "cache", "search", "broker-2", "", "é∑");
const int = fc.integer({ min: -5, max: 3_000_000 });

const eventArb = fc.record({
  t: fc.oneof(fc.nat(600_000), fc.double({ min: 0, max: 1e6, noNaN: true })),
  type: fc.constantFrom(...EVENT_TYPES),
  node: name,
  peer: maybe(name),
  msg: maybe(int),
  write: maybe(int),
  key: maybe(fc.string({ maxLength: 4 })),
  value: maybe(fc.oneof(fc.string({ maxLength: 6 }), int, fc.double(), fc.constant(Number.NaN))),
  offset: maybe(int),
  partition: maybe(fc.nat(8)),
  ref: maybe(int),
  detail: maybe(fc.string({ maxLength: 8 })),
});

function columnsOf(events: Omit<TraceEvent, "seq">[], head?: number): TraceColumns {
  const c = new TraceColumns(head);
  for (const e of events) {
    c.push(
      e.t,
      e.type,
      e.node,
      e.peer,
      e.msg,
      e.write,
      e.key,
      e.value,
      e.offset,
      e.partition,
      e.ref,
      e.detail,
    );
  }
  return c;
}

describe("TraceColumns", () => {
  const roundTrip = (input: Omit<TraceEvent, "seq">[], head?: number): void => {
    const c = columnsOf(input, head);
    const events = c.toEvents();
    const expected = input.map((e, seq) => ({ ...e, seq }));
    expect(events).toEqual(expected);
    for (const [i, e] of events.entries()) expect(Object.is(e.value, input[i].value)).toBe(true);
    expect(c.hash()).toBe(hashTrace(expected));
    // Every field of every event, read from the columns without making the event.
    for (let i = 0; i < expected.length; i++) {
      const e = expected[i];
      for (const f of READER_FIELDS) expect(Object.is(c[f](i), e[f]), `${f}(${i})`).toBe(true);
    }
    for (const i of [0, input.length >> 1, input.length - 1]) {
      if (i < 0 || i >= input.length) continue;
      expect(c.get(i)).toEqual(expected[i]);
      expect(c.type(i)).toBe(input[i].type);
    }
  };

  it("gives back every event it was given and hashes like hashTrace", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), fc.nat(45), (input, head) =>
        roundTrip(input, head),
      ),
      { numRuns: 300 },
    );
  });

  it("does the same across chunk boundaries, whatever part of the run stays objects", () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1000, maxLength: 3100, size: "max" }),
        fc.constantFrom(0, 1, 1023, 1500),
        (input, head) => roundTrip(input, head),
      ),
      { numRuns: 8, endOnFailure: true },
    );
  });

  it("packs to plain data and back, through a structured clone, without losing an event", () => {
    const input = fc.sample(eventArb, { numRuns: 2600, seed: 3 });
    const c = columnsOf(input, 300);
    const packed = c.pack();
    const copy = TraceColumns.unpack(structuredClone(packed, { transfer: packed.buffers }));
    expect(copy.length).toBe(input.length);
    expect(copy.toEvents()).toEqual(input.map((e, seq) => ({ ...e, seq })));
    expect(copy.hash()).toBe(hashTrace(copy.toEvents()));
    expect(copy.get(2000)).toEqual({ ...input[2000], seq: 2000 });
    expect(copy.type(2599)).toBe(input[2599].type);
  });

  it("keeps a run's first HEAD_EVENTS events as objects and the rest in columns", () => {
    const input = fc.sample(eventArb, { numRuns: HEAD_EVENTS + 1500, seed: 7 });
    roundTrip(input);
  });

  it("a simulated trace's lazily made events hash to the run's traceHash", () => {
    for (const preset of [
      "default",
      "acks1-leader-failover",
      "consumer-crash-incr",
      "cdc-outbox",
    ]) {
      const scenario = presetScenario(preset);
      if (scenario === undefined) throw new Error(`no preset ${preset}`);
      const trace = simulate(scenario);
      expect(trace.events.length).toBeGreaterThan(0);
      expect(trace.events.every((e, i) => e.seq === i)).toBe(true);
      expect(hashTrace(trace.events)).toBe(trace.traceHash);
      expect(trace.events).toBe(trace.events);
    }
  });
});
