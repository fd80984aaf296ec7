import { useEffect, useId, useRef } from "react";
import { EXERCISES } from "../../workshop/exercises";
import {
  countsPerExercise,
  type LearnerRow,
  learnerRows,
  type ProofCheck,
} from "./facilitator-check";
import { facilitator, useFacilitatorStore } from "./facilitator-store";

/** One row per unreadable proof, and per learner's latest solution that was rejected, with the reason. */
function rejections(checks: readonly ProofCheck[], rows: readonly LearnerRow[]) {
  const out: Array<{ key: string; who: string; what: string; reason: string }> = [];
  for (const c of checks)
    if (!c.ok)
      out.push({
        key: `${c.line}`,
        who: `Line ${c.line}`,
        what: "the whole proof",
        reason: c.reason,
      });
  for (const row of rows)
    for (const s of row.latest.values())
      if (!s.ok)
        out.push({
          key: `${row.key}-${s.id}`,
          who: row.who,
          what: s.number === null ? `“${s.id}”` : `exercise ${s.number}`,
          reason: s.reason,
        });
  return out;
}

/**
 * The facilitator's view of the room: paste the learners' proofs (one per
 * line, straight from the chat) and every solution is checked again in this
 * browser. A table shows who solved what, with counts per exercise and every
 * rejected proof with its reason. Nothing leaves the browser.
 */
export function Facilitator({ onClose }: { onClose: () => void }) {
  const { text, checks, progress } = useFacilitatorStore();
  const dialog = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  const rows = learnerRows(checks);
  const counts = countsPerExercise(checks);
  const rejected = rejections(checks, rows);
  const verified = counts.reduce((n, c) => n + c.solved, 0);
  const refused = rejected.length;
  return (
    <div className="workshop-backdrop">
      <div
        ref={dialog}
        className="workshop-dialog facilitator"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        tabIndex={-1}
      >
        <div className="workshop-head">
          <h2 id={`${id}-title`}>Facilitator</h2>
          <span className="hint">
            Paste the room's proofs; each solution is checked again here. Nothing leaves this
            browser.
          </span>
          <button type="button" className="workshop-close" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="facilitator-body">
          <form
            className="facilitator-paste"
            onSubmit={(e) => {
              e.preventDefault();
              void facilitator.checkAll();
            }}
          >
            <label htmlFor={`${id}-proofs`}>
              Proofs, one per line (the links learners copy with “Proof for the facilitator”)
            </label>
            <textarea
              id={`${id}-proofs`}
              rows={6}
              value={text}
              spellCheck={false}
              placeholder="https://…/#proof=1.…"
              onChange={(e) => facilitator.setText(e.target.value)}
            />
            <div className="exercise-actions">
              <button type="submit" className="primary" disabled={text.trim() === ""}>
                Check proofs
              </button>
              <button type="button" onClick={() => facilitator.clear()}>
                Clear
              </button>
              <span role="status" className="hint">
                {progress !== null
                  ? `Checking proof ${Math.min(progress.done + 1, progress.total)} of ${progress.total}…`
                  : checks.length > 0
                    ? `${checks.length} ${checks.length === 1 ? "line" : "lines"} read: ${verified} solved, ${refused} rejected.`
                    : "No proofs checked yet."}
              </span>
            </div>
          </form>
          {rows.length > 0 && (
            <table className="facilitator-table" aria-label="Who solved what">
              <thead>
                <tr>
                  <th scope="col">Who</th>
                  {EXERCISES.map((e) => (
                    <th key={e.id} scope="col" title={e.title}>
                      {e.number}
                    </th>
                  ))}
                  <th scope="col" className="facilitator-total" data-count="solved">
                    Solved
                  </th>
                  <th scope="col" className="facilitator-total">
                    Rejected
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-lines={row.lines.join(" ")}>
                    <th scope="row">{row.who}</th>
                    {EXERCISES.map((e) => {
                      const s = row.latest.get(e.id);
                      return (
                        <td
                          key={e.id}
                          className={s === undefined ? "" : s.ok ? "pass" : "fail"}
                          title={s === undefined ? undefined : `Line ${s.line}: ${s.reason}`}
                        >
                          {s === undefined ? "–" : s.ok ? "✓ solved" : "✗ rejected"}
                        </td>
                      );
                    })}
                    <td className="facilitator-total" data-count="solved">
                      {row.solved}
                    </td>
                    <td className="facilitator-total" data-count="rejected">
                      {row.rejected}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Learners solved</th>
                  {counts.map((c) => (
                    <td key={c.id} data-exercise={c.id}>
                      {c.solved}
                    </td>
                  ))}
                  <td className="facilitator-total" data-count="solved" colSpan={2} />
                </tr>
                <tr>
                  <th scope="row">Learners rejected</th>
                  {counts.map((c) => (
                    <td key={c.id} data-exercise={c.id}>
                      {c.rejected}
                    </td>
                  ))}
                  <td className="facilitator-total" data-count="solved" colSpan={2} />
                </tr>
              </tfoot>
            </table>
          )}
          {checks.length > 0 && (
            <section aria-labelledby={`${id}-per`}>
              <h3 id={`${id}-per`}>Per exercise</h3>
              <ul className="facilitator-counts">
                {counts.map((c) => (
                  <li key={c.id} data-exercise={c.id}>
                    {c.number}. {c.title}: {c.solved} solved, {c.rejected} rejected
                  </li>
                ))}
              </ul>
            </section>
          )}
          {rejected.length > 0 && (
            <section aria-labelledby={`${id}-rejected`}>
              <h3 id={`${id}-rejected`}>Rejected ({rejected.length})</h3>
              <ul className="facilitator-rejected">
                {rejected.map((r) => (
                  <li key={r.key}>
                    <strong>
                      {r.who}, {r.what}:
                    </strong>{" "}
                    {r.reason}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
