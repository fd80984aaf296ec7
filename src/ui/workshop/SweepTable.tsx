import type { AnomalyKind } from "../../check/types";
import { COUNT_LABEL, counted, healedOnly, type SweepCount } from "./sweep-count";
import type { SweepResults } from "./workshop-store";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The chart's numbers, one row per point: confirmed and healed-only runs
 * counted apart, the share the chart draws, and a way to open each witness.
 */
export function SweepTable({
  results,
  kind,
  count,
  onPoint,
}: {
  results: SweepResults;
  kind: AnomalyKind;
  count: SweepCount;
  onPoint: (index: number) => void;
}) {
  return (
    <table className="sweep-table">
      <caption>
        Runs with {kind}: confirmed (did not heal) and healed only; the share counts{" "}
        {COUNT_LABEL[count]} (95% interval, %)
      </caption>
      <thead>
        <tr>
          <th scope="col">{results.spec.param}</th>
          <th scope="col">strategy</th>
          <th scope="col">confirmed</th>
          <th scope="col">healed only</th>
          <th scope="col">share</th>
          <th scope="col">witness</th>
        </tr>
      </thead>
      <tbody>
        {results.points.map((p, i) => {
          const c = counted(p, kind, count);
          const [lo, hi] = c.interval;
          return (
            <tr key={`${p.value}-${p.strategy}`}>
              <td>{String(p.value)}</td>
              <td>{p.strategy}</td>
              {p.n === 0 ? (
                <td colSpan={4}>not run (cancelled)</td>
              ) : (
                <>
                  <td>
                    {p.confirmed[kind]}/{p.n}
                  </td>
                  <td>{healedOnly(p, kind)}</td>
                  <td>
                    {pct(c.k / p.n)} ({Math.round(lo * 100)}–{Math.round(hi * 100)})
                  </td>
                  <td>
                    {c.witness === undefined ? (
                      "—"
                    ) : (
                      <button type="button" className="link-button" onClick={() => onPoint(i)}>
                        seed {c.witness}
                      </button>
                    )}
                  </td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
