import { explanationAt } from "../../app/anomalies";
import type { CauseStep } from "../../check/cause";
import { ACID_LETTER, type Anomaly } from "../../check/types";

interface Props {
  anomaly: Anomaly;
  cause: readonly CauseStep[];
  selectedSeq: number | null;
  onSelectEvent: (seq: number | null) => void;
  onClose: () => void;
}

const ROLE: Record<CauseStep["role"], string> = {
  fault: "fault",
  race: "race",
  effect: "then",
  anomaly: "anomaly",
};

/**
 * The selected anomaly read as its causal chain: numbered sentences, root
 * first, the same numbers the plot puts beside each event. A step's button
 * selects its event (the event inspector opens on it).
 */
export function CauseInspector({ anomaly, cause, selectedSeq, onSelectEvent, onClose }: Props) {
  return (
    <section
      className="tl-inspector tl-cause-inspector"
      aria-label="Cause of the anomaly"
      data-testid="timeline-cause"
    >
      <header>
        <strong>
          {ACID_LETTER[anomaly.kind]} · {anomaly.kind}
        </strong>{" "}
        on <code>{anomaly.key}</code>: how it happened
        <button type="button" className="tl-close" aria-label="Close the cause" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="tl-cause-what">{explanationAt(anomaly)}</p>
      <ol className="tl-cause-steps">
        {cause.map((step) => (
          <li key={step.seq} data-role={step.role}>
            <span className={`tl-cause-role tl-cause-role-${step.role}`}>{ROLE[step.role]}</span>{" "}
            <button
              type="button"
              className="tl-link"
              aria-pressed={step.seq === selectedSeq}
              onClick={() => onSelectEvent(step.seq === selectedSeq ? null : step.seq)}
            >
              {step.text}
            </button>{" "}
            <span className="tl-cause-t">at {step.t} ms</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
