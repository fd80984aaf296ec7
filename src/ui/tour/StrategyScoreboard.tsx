import { useEffect, useState } from "react";
import { ACID_NAMES, ACID_ORDER } from "../../app/anomalies";
import type { Scenario } from "../../sim/types";
import { type ScoreRow, scoreboardInBackground } from "../../tour/scoreboard";

/**
 * Chapter 7: the step's scenario run under every strategy, anomalies per ACID
 * letter. The four runs go through the app's run door once per step (an effect,
 * never a render), and an answer for a step already left is dropped.
 */
export function StrategyScoreboard({ scenario }: { scenario: Scenario }) {
  const [rows, setRows] = useState<{ scenario: Scenario; rows: ScoreRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    scoreboardInBackground(scenario).then(
      (r) => {
        if (live) setRows({ scenario, rows: r });
      },
      (e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [scenario]);
  const shown = rows?.scenario === scenario ? rows.rows : null;
  return (
    <table className="tour-scoreboard" aria-busy={shown === null && error === null}>
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
        {error !== null && (
          <tr>
            <td colSpan={ACID_ORDER.length + 1}>The scoreboard could not run: {error}</td>
          </tr>
        )}
        {error === null && shown === null && (
          <tr>
            <td colSpan={ACID_ORDER.length + 1}>Running the four strategies…</td>
          </tr>
        )}
        {shown?.map((r) => (
          <tr key={r.strategy}>
            <th scope="row">{r.strategy}</th>
            {ACID_ORDER.map((l) =>
              r.checkError !== null ? (
                <td key={l} title={`The checker failed: ${r.checkError}`}>
                  ?
                </td>
              ) : (
                <td key={l} className={r.counts[l] > 0 ? "broken" : "kept"}>
                  {r.counts[l]}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
