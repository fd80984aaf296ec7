import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbFault, arbScenario } from "./arbitrary";
import { simulate } from "./simulate";
import { STRATEGIES, type TraceEvent } from "./types";

const RUNS = 200;

/** Events before `t`, without the run's own end marker (a longer run is simply not over yet). */
const eventsBefore = (events: TraceEvent[], t: number) =>
  events.filter((e) => e.t < t && e.type !== "quiesce");

describe("simulate (properties)", { timeout: 120_000 }, () => {
  it("gives the same trace hash for the same scenario", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const a = simulate(s);
        const b = simulate(structuredClone(s));
        expect(b.traceHash).toBe(a.traceHash);
        expect(b.events.length).toBe(a.events.length);
      }),
      { numRuns: RUNS },
    );
  });

  it("gives every strategy exactly the same workload", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const writes = STRATEGIES.map((strategy) => simulate({ ...s, strategy }).writes);
        for (const w of writes) expect(w).toEqual(writes[0]);
      }),
      { numRuns: RUNS },
    );
  });

  it("is prefix-stable: a fault scheduled at t changes nothing before t", () => {
    const arb = arbScenario.chain((s) => arbFault(s).map((fault) => ({ s, fault })));
    fc.assert(
      fc.property(arb, ({ s, fault }) => {
        const base = simulate(s);
        const edited = simulate({ ...s, schedule: [...s.schedule, fault] });
        // The base run stopped observing at its end; the edited one may run on past it.
        const horizon = Math.min(fault.at, base.endTime);
        expect(eventsBefore(edited.events, horizon)).toEqual(eventsBefore(base.events, horizon));
      }),
      { numRuns: RUNS },
    );
  });

  it("ends every run within its caps", () => {
    fc.assert(
      fc.property(
        arbScenario,
        fc.integer({ min: 50, max: 3000 }),
        fc.integer({ min: 20, max: 2000 }),
        (s, maxEvents, maxTimeMs) => {
          const t = simulate({ ...s, caps: { maxEvents, maxTimeMs } });
          expect(t.events.length).toBeLessThanOrEqual(maxEvents);
          expect(t.endTime).toBeLessThanOrEqual(maxTimeMs);
          if (t.quiescedAt === null) expect(t.capped).not.toBeNull();
          for (let i = 1; i < t.events.length; i++) {
            expect(t.events[i].t).toBeGreaterThanOrEqual(t.events[i - 1].t);
            expect(t.events[i].seq).toBe(i);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
