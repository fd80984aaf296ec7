import { useMemo } from "react";
import { ACID_NAMES, ACID_ORDER } from "../../app/anomalies";
import type { Scenario } from "../../sim/types";
import { scoreboard } from "../../tour/scoreboard";

/** Chapter 7: the step's scenario run under every strategy, anomalies per ACID letter. */
export function StrategyScoreboard({ scenario }: { scenario: Scenario }) {
  // Four small runs; computed once per step, not per frame.
  const rows = useMemo(() => scoreboard(scenario), [scenario]);
  return (
    <table className="tour-scoreboard">
      <caption>Same run, four strategies: anomalies by ACID letter</caption>
      <thead>
        <tr>
          <th scope="col">Strategy</th>
          {ACID_ORDER.map((l) => (
            <th key={l} scope="col" title={ACID_NAMES[l]}>
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.strategy}>
            <th scope="row">{r.strategy}</th>
            {ACID_ORDER.map((l) => (
              <td key={l} className={r.counts[l] > 0 ? "broken" : "kept"}>
                {r.counts[l]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
