import { memo, useEffect, useState } from "react";
import { explanationAt } from "../../app/anomalies";
import type { AnomalyBand } from "./anomaly";
import { fmtMs } from "./causal";
import { type View, visibleRange } from "./view";

/** A text version of the picture for screen readers (visually hidden). */
function SummaryView({
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
            `${b.letter} ${b.anomaly.kind} on key ${b.anomaly.key} (${b.state}): ${explanationAt(b.anomaly)}`,
        )
        .join(" ")
    : "No anomaly detected so far.";
  const text =
    `Timeline at ${fmtMs(v.playhead)} of ${fmtMs(v.g.endTime)}, showing ${fmtMs(Math.max(0, t0))} to ${fmtMs(t1)}. ` +
    `Lanes: ${lanes}. ${shown} of ${v.g.arrows.n} messages sent so far, ${drops} dropped. ${anomalies}`;
  return <SettledText id={id} text={text} />;
}

/**
 * While a pan or a zoom runs, the text would change every frame: a relayout of
 * the page for nobody (and chatter for a screen reader describing the plot).
 * It follows once the text has been still for a moment.
 */
const SETTLE_MS = 200;

function SettledText({ id, text }: { id: string; text: string }) {
  const [shown, setShown] = useState(text);
  useEffect(() => {
    if (text === shown) return;
    const timer = setTimeout(() => setShown(text), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text, shown]);
  return (
    <p id={id} className="tl-sr-only" data-testid="timeline-summary">
      {shown}
    </p>
  );
}

/** Memoised: hover and other local state of the timeline must not redraw every layer. */
export const Summary = memo(SummaryView);
