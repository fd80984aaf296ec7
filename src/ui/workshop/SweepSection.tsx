import { useRef } from "react";
import { ANOMALY_KINDS, type AnomalyKind } from "../../check/types";
import { STRATEGIES, type Strategy } from "../../sim/types";
import { PARAM_INFO, SWEEP_PARAMS, type SweepParam } from "../../workshop/params";
import { exportPng, exportSvg } from "./chart-export";
import { SweepChart } from "./SweepChart";
import { SweepTable } from "./SweepTable";
import { COUNT_LABEL, type SweepCount } from "./sweep-count";
import { useWorkshopStore, workshop } from "./workshop-store";

function formatEta(ms: number | null): string {
  if (ms === null) return "estimating time left…";
  if (ms < 1000) return "under a second left";
  const s = Math.round(ms / 1000);
  return s < 90 ? `about ${s} s left` : `about ${Math.round(s / 60)} min left`;
}

export function SweepSection() {
  const { form, formError, progress, results, status, shrinkNotes, shrinking } = useWorkshopStore();
  const chart = useRef<SVGSVGElement>(null);
  const running = progress !== null;
  const toggle = (s: Strategy, on: boolean) =>
    workshop.editForm({
      strategies: on
        ? STRATEGIES.filter((x) => x === s || form.strategies.includes(x))
        : form.strategies.filter((x) => x !== s),
    });
  const fileBase = results ? `sweep-${results.spec.param}-${form.kind}` : "sweep";

  return (
    <section className="workshop-section" aria-labelledby="sweep-heading">
      <h3 id="sweep-heading">Sweep</h3>
      <form
        className="sweep-form"
        onSubmit={(e) => {
          e.preventDefault();
          void workshop.run();
        }}
      >
        <fieldset>
          <legend>Strategies</legend>
          {STRATEGIES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={form.strategies.includes(s)}
                onChange={(e) => toggle(s, e.target.checked)}
              />{" "}
              {s}
            </label>
          ))}
        </fieldset>
        <label>
          Vary{" "}
          <select
            value={form.param}
            onChange={(e) => workshop.editForm({ param: e.target.value as SweepParam })}
          >
            {SWEEP_PARAMS.map((p) => (
              <option key={p} value={p}>
                {PARAM_INFO[p].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Values <span className="hint">({PARAM_INFO[form.param].hint})</span>{" "}
          <input
            value={form.values}
            onChange={(e) => workshop.editForm({ values: e.target.value })}
            size={18}
          />
        </label>
        <label>
          Seeds per point{" "}
          <input
            type="number"
            min={1}
            max={10000}
            value={form.seeds}
            onChange={(e) => workshop.editForm({ seeds: Number(e.target.value) })}
            style={{ width: "6em" }}
          />
        </label>
        <label>
          Chart{" "}
          <select
            value={form.kind}
            onChange={(e) => workshop.editForm({ kind: e.target.value as AnomalyKind })}
          >
            {ANOMALY_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          Count{" "}
          <select
            value={form.count}
            onChange={(e) => workshop.editForm({ count: e.target.value as SweepCount })}
          >
            {(Object.keys(COUNT_LABEL) as SweepCount[]).map((c) => (
              <option key={c} value={c}>
                {COUNT_LABEL[c]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={running}>
          Run sweep
        </button>
        <button
          type="button"
          onClick={() => void workshop.shrinkCurrent()}
          disabled={shrinking}
          title="Shrink the current run to a minimal one that still shows the chosen kind"
        >
          Shrink
        </button>
      </form>
      {formError && (
        <p className="workshop-error" role="alert">
          {formError}
        </p>
      )}
      {running && (
        <div className="sweep-progress">
          <div
            role="progressbar"
            aria-label="Sweep progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round((100 * progress.done) / Math.max(1, progress.total))}
            className="progress-track"
          >
            <div
              className="progress-fill"
              style={{ width: `${(100 * progress.done) / Math.max(1, progress.total)}%` }}
            />
          </div>
          <span>
            {progress.done} / {progress.total} runs · {formatEta(progress.etaMs)}
          </span>
          <button type="button" onClick={() => workshop.cancel()}>
            Cancel
          </button>
        </div>
      )}
      {status && (
        <p className="workshop-status" role="status">
          {status}
        </p>
      )}
      {shrinkNotes.length > 0 && (
        <details className="shrink-notes">
          <summary>What shrinking removed ({shrinkNotes.length})</summary>
          <ul>
            {shrinkNotes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes can repeat; their order is their identity.
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
      {!results && !running && (
        <p className="hint">
          A sweep runs the scenario on screen many times per setting, one seed after another, and
          charts how often each strategy shows the chosen anomaly. Shrink cuts the run on screen
          down to a smallest one that still shows it.
        </p>
      )}
      {results && (
        <div className="sweep-results">
          <p className="hint">
            {results.cancelled ? "Cancelled: " : ""}
            {results.points.reduce((n, p) => n + p.n, 0)} runs in{" "}
            {(results.elapsedMs / 1000).toFixed(1)} s
            {results.cancelled
              ? `; only the runs that finished are counted and drawn (${results.points.filter((p) => p.n === 0).length} of ${results.points.length} points never ran)`
              : ""}
            . A run counts when it shows {form.kind} {COUNT_LABEL[form.count]}; the table gives
            confirmed and healed-only runs apart. Click a point to open such a run.
          </p>
          <div className="sweep-figure">
            <SweepChart
              ref={chart}
              results={results}
              kind={form.kind}
              count={form.count}
              onPoint={(i) => workshop.openWitness(i)}
            />
            <SweepTable
              results={results}
              kind={form.kind}
              count={form.count}
              onPoint={(i) => workshop.openWitness(i)}
            />
          </div>
          <div className="sweep-actions">
            <button
              type="button"
              onClick={() => chart.current && exportSvg(chart.current, `${fileBase}.svg`)}
            >
              Export SVG
            </button>
            <button
              type="button"
              onClick={() => chart.current && void exportPng(chart.current, `${fileBase}.png`)}
            >
              Export PNG
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
