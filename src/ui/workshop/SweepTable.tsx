import type { AnomalyKind } from "../../check/types";
import type { SweepResults } from "./workshop-store";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The chart's numbers, one row per point, with a way to open each witness. */
export function SweepTable({
  results,
  kind,
  onPoint,
}: {
  results: SweepResults;
  kind: AnomalyKind;
  onPoint: (index: number) => void;
}) {
  return (
    <table className="sweep-table">
      <caption>Runs with {kind}, share (95% interval, %)</caption>
      <thead>
        <tr>
          <th scope="col">{results.spec.param}</th>
          <th scope="col">strategy</th>
          <th scope="col">runs</th>
          <th scope="col">share</th>
          <th scope="col">witness</th>
        </tr>
      </thead>
      <tbody>
        {results.points.map((p, i) => {
          const [lo, hi] = p.intervals[kind];
          const seed = p.witnesses[kind];
          return (
            <tr key={`${p.value}-${p.strategy}`}>
              <td>{String(p.value)}</td>
              <td>{p.strategy}</td>
              <td>
                {p.counts[kind]}/{p.n}
              </td>
              <td>
                {pct(p.n === 0 ? 0 : p.counts[kind] / p.n)} ({Math.round(lo * 100)}–
                {Math.round(hi * 100)})
              </td>
              <td>
                {seed === undefined ? (
                  "—"
                ) : (
                  <button type="button" className="link-button" onClick={() => onPoint(i)}>
                    seed {seed}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
