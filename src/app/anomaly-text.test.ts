import { describe, expect, it } from "vitest";
import { anomaliesAt } from "../check";
import type { Anomaly } from "../check/types";
import { presetScenario } from "../sim/presets";
import { explanationAt } from "./anomalies";
import { runScenario } from "./run";

const base = (explanation: string, state: Anomaly["state"]) =>
  ({ explanation, state }) as unknown as Anomaly;

describe("explanationAt: only what is known at the playhead", () => {
  const healedChange =
    "For a while search held x = A while db held x = B, until a later change brought them back in line.";

  it("keeps a healed anomaly's whole sentence", () => {
    expect(explanationAt(base(healedChange, "healed"))).toBe(healedChange);
  });

  it("before it heals, says it is not back in line yet", () => {
    const text = explanationAt(base(healedChange, "confirmed"));
    expect(text).toBe(
      "search holds x = A while db holds x = B; nothing has brought them back in line yet.",
    );
    expect(text).not.toMatch(/a later change/);
  });

  it("drops a later apply, and an end value while only suspected", () => {
    expect(
      explanationAt(
        base(
          "db applied A before B but search applied them the other way round, until a later apply put them back in line.",
          "suspected",
        ),
      ),
    ).toBe("db applied A before B but search applied them the other way round.");
    const ends =
      "db applied A before B but search applied them the other way round, so search ends with x = A while db ends with x = B.";
    expect(explanationAt(base(ends, "suspected"))).toBe(
      "db applied A before B but search applied them the other way round.",
    );
    expect(explanationAt(base(ends, "confirmed"))).toBe(ends);
  });

  it("says 'so far' for an end state the run has not reached yet", () => {
    const end = "At the end search holds x = A while db holds x = B.";
    expect(explanationAt(base(end, "suspected"))).toBe(
      "So far, search holds x = A while db holds x = B.",
    );
    expect(explanationAt(base(end, "confirmed"))).toBe(end);
  });

  it("no sentence on any preset mentions a repair before it happens", () => {
    for (const name of ["default", "kleppmann-race", "crash-between-writes", "log-replay"]) {
      const scenario = presetScenario(name);
      if (scenario === undefined) throw new Error(name);
      const { report } = runScenario(scenario);
      if (report === null) continue;
      for (const a of report.anomalies) {
        for (const t of [a.detectedAt, (a.healedAt ?? a.detectedAt + 1) - 1]) {
          const known = anomaliesAt(report, t).find((k) => k.id === a.id);
          if (known === undefined || known.state === "healed") continue;
          expect(explanationAt(known)).not.toMatch(/later (change|apply)/);
        }
      }
    }
  });
});
