import { describe, expect, it } from "vitest";
import { check } from "../check/index";
import { simulate } from "../sim/simulate";
import type { Scenario } from "../sim/types";
import { EXERCISES, exerciseById, type Run, type Runner, TOO_BIG } from "./exercises";

/** A runner that simulates here, counting its calls; `capAt` cuts the nth run short. */
function counting(capAt?: number): { run: Runner; calls: () => number } {
  let n = 0;
  return {
    calls: () => n,
    run: async (s: Scenario): Promise<Run> => {
      n++;
      const trace = simulate(s);
      if (n === capAt) {
        const cut = Object.assign(Object.create(Object.getPrototypeOf(trace)), trace, {
          capped: { cap: "budget", at: 1 },
        });
        return { seed: s.seed, trace: cut, anomalies: [] };
      }
      return { seed: s.seed, trace, anomalies: check(trace).anomalies };
    },
  };
}

describe("checking through a given run door (the page's budgeted one)", () => {
  it.each(EXERCISES.map((e) => [e.id, e] as const))(
    "%s: gives the same verdict as checking here, for the solution and the start",
    async (_id, e) => {
      for (const s of [e.solution(), e.start()]) {
        const { run } = counting();
        expect(await e.verifyWith(s, run)).toEqual(e.verify(s));
      }
    },
  );

  it("asks for no run at all for an oversized scenario named as an exercise", async () => {
    const e = exerciseById("lost-ack");
    if (e === undefined) throw new Error("no lost-ack");
    const big: Scenario = {
      ...e.start(),
      workload: {
        kind: "generated",
        writes: 5000,
        keys: 10,
        ratePerSec: 1000,
        op: "set",
        readRate: 0,
        startMs: 0,
      },
    };
    const { run, calls } = counting();
    const v = await e.verifyWith(big, run);
    expect(v.ok).toBe(false);
    expect(v.reason).toMatch(/Workload/);
    expect(calls()).toBe(0);
  });

  it("fails a check whose run the budget cut short, without judging the partial run", async () => {
    const e = exerciseById("incr-fix");
    if (e === undefined) throw new Error("no incr-fix");
    const { run, calls } = counting(2);
    const v = await e.verifyWith(e.solution(), run);
    expect(v).toEqual({ ok: false, reason: TOO_BIG });
    expect(calls()).toBe(2);
  });

  it("fails with the reason when the run door throws", async () => {
    const e = exerciseById("cdc-race");
    if (e === undefined) throw new Error("no cdc-race");
    const v = await e.verifyWith(e.solution(), async () => {
      throw new Error("the worker died");
    });
    expect(v).toEqual({ ok: false, reason: "The check could not run: the worker died." });
  });
});
