import { describe, expect, it } from "vitest";
import { causeOf } from "../check/cause";
import { CHAPTERS } from "./chapters";
import { playTarget } from "./play-target";
import { spotlitAnomalyId } from "./spotlight";
import { runStep } from "./verify";

/** What the tour shows when a step halts on its spotlit anomaly: that anomaly's cause. */
describe("every tour step's anomalies have a readable cause", () => {
  for (const [c, chapter] of CHAPTERS.entries()) {
    for (const [s, step] of chapter.steps.entries()) {
      const { trace, report } = runStep(step);
      if (report.anomalies.length === 0) continue;
      it(`${c + 1}.${s + 1} ${step.id}`, () => {
        for (const a of report.anomalies) {
          const chain = causeOf(trace, a);
          expect(chain.length, a.id).toBeGreaterThan(0);
          expect(["fault", "race"], a.id).toContain(chain[0].role);
          for (let k = 1; k < chain.length; k++)
            expect(chain[k].t, a.id).toBeGreaterThanOrEqual(chain[k - 1].t);
        }
        // The anomaly a step spotlights is caused by a fault the step's scenario has, if it has one.
        const id = spotlitAnomalyId(step.spotlight, report, playTarget(step, trace, report));
        const spot = report.anomalies.find((a) => a.id === id);
        const faults =
          step.scenario.schedule.length + Object.keys(step.scenario.network.links).length;
        if (spot !== undefined && faults > 0)
          expect(
            causeOf(trace, spot).some((st) => st.role === "fault"),
            spot.id,
          ).toBe(true);
      });
    }
  }
});
