import { useEffect, useRef } from "react";
import { actions } from "../app/actions";
import { useAppStore } from "../app/app-store";
import { compareActions, useCompareStore } from "../app/compare";
import { CompareChoice, ComparePane } from "./ComparePane";
import { Timeline } from "./timeline/Timeline";
import "./compare.css";

/**
 * The toggle lives in the single timeline's toolbar, and in the pane's bar in
 * compare mode: pressing it swaps one instance for the other, so the new one
 * takes the focus the old one had.
 */
let refocus = false;

function CompareToggle({ on }: { on: boolean }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refocus) ref.current?.focus();
    refocus = false;
  }, []);
  return (
    <button
      ref={ref}
      type="button"
      className="compare-toggle"
      aria-pressed={on}
      onClick={() => {
        refocus = true;
        compareActions.toggle();
      }}
      title="The same scenario under two strategies, stacked on one time axis"
    >
      Compare
    </button>
  );
}

/** Connects the timeline to the store; the timeline itself knows nothing of it. */
export function TimelinePane() {
  const trace = useAppStore((s) => s.trace);
  const report = useAppStore((s) => s.report);
  const playhead = useAppStore((s) => s.playhead);
  const highlight = useAppStore((s) => s.highlight);
  const selectedSeq = useAppStore((s) => s.selectedSeq);
  const pair = useCompareStore((s) => s.compare);
  return (
    <section className="timeline-pane" aria-label="Timeline">
      {pair ? (
        <>
          <div className="timeline-pane-bar">
            <CompareChoice pair={pair} />
            <CompareToggle on />
          </div>
          <ComparePane pair={pair} />
        </>
      ) : (
        <Timeline
          trace={trace}
          report={report}
          playhead={playhead}
          highlight={highlight}
          selectedSeq={selectedSeq}
          onSelectEvent={actions.selectEvent}
          onSeek={actions.seek}
          height={300}
          toolbar={<CompareToggle on={false} />}
        />
      )}
    </section>
  );
}
