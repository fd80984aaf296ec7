import { describe, expect, it } from "vitest";
import { anomaliesAt } from "../check";
import { PRESETS } from "../sim/presets";
import { STRATEGIES } from "../sim/types";
import { explanationAt } from "./anomalies";
import { runScenario } from "./run";
import { traceIndex } from "./trace-index";

/**
 * Issue 18: text at the playhead says only what is known at the playhead.
 * For every preset under every strategy, at every event time, each anomaly
 * known then is explained without naming anything that happens later: no
 * time after the playhead, no write not yet invoked, no repair not yet made,
 * no end state before the run's end.
 */
describe("every explanation at every playhead time mentions nothing later", () => {
  for (const preset of PRESETS)
    for (const strategy of STRATEGIES)
      it(`${preset.name} under ${strategy}`, () => {
        const { trace, report } = runScenario({ ...preset.scenario, strategy });
        if (report === null) return;
        const invokedAt = new Map<number, number>();
        for (const e of trace.events)
          if (e.type === "invoke" && e.write !== undefined && !invokedAt.has(e.write))
            invokedAt.set(e.write, e.t);
        let checked = 0;
        const endBeforeEnd = new Set<string>();
        for (const t of traceIndex(trace).times) {
          for (const a of anomaliesAt(report, t)) {
            const text = explanationAt(a);
            const where = `${a.id} at ${t} ms: ${text}`;
            checked++;
            for (const m of text.matchAll(/(\d+) ms\b/g))
              expect(Number(m[1]), where).toBeLessThanOrEqual(t);
            for (const m of text.matchAll(/write #(\d+)/g))
              expect(
                invokedAt.get(Number(m[1])) ?? Number.POSITIVE_INFINITY,
                where,
              ).toBeLessThanOrEqual(t);
            if (a.state !== "healed")
              expect(text, where).not.toMatch(
                /later (change|apply)|until .*(brought|put) them back/,
              );
            if (a.state === "suspected" && /^At the end|\bends with\b|at the end\b/.test(text))
              endBeforeEnd.add(`${preset.name}/${strategy}/${a.kind}`);
          }
        }
        // No suspected anomaly speaks of the end before the run has reached it.
        expect([...endBeforeEnd]).toEqual([]);
        // The run's anomalies were all looked at, at least at their detection time.
        if (report.anomalies.length > 0)
          expect(checked).toBeGreaterThanOrEqual(report.anomalies.length);
      });
});
