import { useMemo, useState } from "react";
import { actions } from "../../app/actions";
import { ACID_NAMES, explanationAt, groupedAnomaliesAt } from "../../app/anomalies";
import { useAppStore } from "../../app/app-store";
import type { Anomaly } from "../../check/types";

const STATE_MARK: Record<Anomaly["state"], string> = {
  suspected: "?",
  confirmed: "!",
  healed: "✓",
};

/** When it was detected, and confirmed or healed if that is known at the playhead yet. */
export function momentsOf(anomaly: Anomaly): string {
  const parts = [`detected at ${anomaly.detectedAt} ms`];
  if (anomaly.confirmedAt !== undefined) parts.push(`confirmed at ${anomaly.confirmedAt} ms`);
  if (anomaly.healedAt !== undefined) parts.push(`healed at ${anomaly.healedAt} ms`);
  return parts.join(" · ");
}

function AnomalyItem({
  anomaly,
  selected,
  later,
  onPick,
}: {
  anomaly: Anomaly;
  selected: boolean;
  /** Listed before a tap moved the playhead back: not detected yet at the playhead. */
  later: boolean;
  onPick: (id: string | null) => void;
}) {
  if (later)
    return (
      <li>
        <button
          type="button"
          className="anomaly later"
          aria-pressed={selected}
          onClick={() => onPick(anomaly.id)}
        >
          <span className="anomaly-head">
            <span className="kind">{anomaly.kind}</span> on <code>{anomaly.key}</code>
            <span className="muted"> detected later, at {anomaly.detectedAt} ms</span>
          </span>
        </button>
      </li>
    );
  return (
    <li>
      <button
        type="button"
        className={`anomaly state-${anomaly.state}`}
        aria-pressed={selected}
        onClick={() => onPick(selected ? null : anomaly.id)}
      >
        <span className="anomaly-head">
          <span className="kind">{anomaly.kind}</span> on <code>{anomaly.key}</code>
          <span className={`badge state state-${anomaly.state}`}>
            <span aria-hidden="true">{STATE_MARK[anomaly.state]} </span>
            {anomaly.state}
          </span>
          <span className="muted"> {momentsOf(anomaly)}</span>
        </span>
        <span className="explanation">{explanationAt(anomaly)}</span>
      </button>
    </li>
  );
}

/**
 * Anomalies known at the playhead, by ACID letter; selecting one jumps to it.
 * The jump moves the playhead back, which would take the later cards away
 * under the finger: the cards listed when one was picked stay (those not
 * detected yet at the playhead say only when they will be) until the
 * selection is cleared.
 */
export function AnomaliesPanel() {
  const report = useAppStore((s) => s.report);
  const checkError = useAppStore((s) => s.checkError);
  const selectedId = useAppStore((s) => s.selectedAnomalyId);
  // Whole ms are enough: anomalies are detected at event times, which are integers.
  const t = useAppStore((s) => Math.floor(s.playhead));
  const [pin, setPin] = useState<{ t: number; report: typeof report } | null>(null);
  const pinned = pin !== null && selectedId !== null && pin.report === report ? pin.t : t;
  const listT = Math.max(t, pinned);
  const groups = useMemo(() => groupedAnomaliesAt(report, listT), [report, listT]);
  const known = useMemo(
    () => new Map(groupedAnomaliesAt(report, t).flatMap((g) => g.anomalies.map((a) => [a.id, a]))),
    [report, t],
  );
  const pick = (id: string | null) => {
    setPin(id === null ? null : { t: listT, report });
    actions.selectAnomaly(id);
  };
  const ended = useAppStore((s) => s.playhead >= s.trace.endTime);
  return (
    <section className="panel anomalies" aria-labelledby="anomalies-heading">
      <h2 id="anomalies-heading">Anomalies</h2>
      {checkError !== null && <p className="error">The checker failed: {checkError}</p>}
      {groups.length === 0 ? (
        <p className="empty">{ended ? "None in this run." : "None so far."}</p>
      ) : (
        <div className="anomaly-groups">
          {groups.map((g) => (
            <section key={g.letter} className="acid-group" aria-labelledby={`acid-${g.letter}`}>
              <h3 id={`acid-${g.letter}`}>
                <span className="letter">{g.letter}</span> {ACID_NAMES[g.letter]} (
                {g.anomalies.length})
              </h3>
              <ul>
                {g.anomalies.map((a) => (
                  <AnomalyItem
                    key={a.id}
                    anomaly={known.get(a.id) ?? a}
                    later={!known.has(a.id)}
                    selected={a.id === selectedId}
                    onPick={pick}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
