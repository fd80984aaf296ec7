import { describe, expect, it } from "vitest";
import { defaultScenario } from "./defaults";
import { simulate } from "./simulate";

describe("simulate budget", () => {
  const big = { ...defaultScenario(), workload: { ...defaultScenario().workload, writes: 2000 } };

  it("stops when the caller's budget says so, and says which cap stopped it", () => {
    let asked = 0;
    const t = simulate(big, { shouldStop: () => ++asked >= 2 });
    expect(t.capped?.cap).toBe("budget");
    expect(t.quiescedAt).toBeNull();
    expect(asked).toBe(2);
    expect(t.events.length).toBeLessThan(simulate(big).events.length);
  });

  it("does not change a run that finishes within its budget", () => {
    expect(simulate(big, { shouldStop: () => false }).traceHash).toBe(simulate(big).traceHash);
  });
});
