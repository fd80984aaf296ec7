import type { AnomalyBand } from "./anomaly";
import { fmtMs } from "./causal";
import { type View, visibleRange } from "./view";

/** A text version of the picture for screen readers (visually hidden). */
export function Summary({
  id,
  v,
  bands,
  shown,
  drops,
}: {
  id: string;
  v: View;
  bands: AnomalyBand[];
  shown: number;
  drops: number;
}) {
  const [t0, t1] = visibleRange(v);
  const lanes = v.g.nodes.map((n) => n.id).join(", ");
  const anomalies = bands.length
    ? bands
        .map(
          (b) =>
            `${b.letter} ${b.anomaly.kind} on key ${b.anomaly.key} (${b.state}): ${b.anomaly.explanation}`,
        )
        .join(" ")
    : "No anomaly detected so far.";
  return (
    <p id={id} className="tl-sr-only" data-testid="timeline-summary">
      {`Timeline at ${fmtMs(v.playhead)} of ${fmtMs(v.g.endTime)}, showing ${fmtMs(Math.max(0, t0))} to ${fmtMs(t1)}. `}
      {`Lanes: ${lanes}. ${shown} of ${v.g.arrows.n} messages sent so far, ${drops} dropped. `}
      {anomalies}
    </p>
  );
}
