import { useEffect, useRef } from "react";
import { actions } from "../app/actions";
import { useAppStore } from "../app/app-store";
import { compareActions, useCompareStore } from "../app/compare";
import { useTourStore } from "../tour/tour-store";
import { CompareChoice, ComparePane } from "./ComparePane";
import { Timeline } from "./timeline/Timeline";
import { useLaneFocus } from "./tour/lane-focus";
import { useRoomHeight } from "./tour/room-height";
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

/** The timeline's text size in presenter mode, px: the floor for reading from the back of a room. */
export const PRESENTER_TEXT_PX = 16;

/** Connects the timeline to the store; the timeline itself knows nothing of it. */
export function TimelinePane() {
  const trace = useAppStore((s) => s.trace);
  const report = useAppStore((s) => s.report);
  const playhead = useAppStore((s) => s.playhead);
  const highlight = useAppStore((s) => s.highlight);
  const selectedSeq = useAppStore((s) => s.selectedSeq);
  const cause = useAppStore((s) => s.cause);
  const selectedAnomaly = useAppStore(
    (s) => s.report?.anomalies.find((a) => a.id === s.selectedAnomalyId) ?? null,
  );
  const pair = useCompareStore((s) => s.compare);
  // Presenter mode: text a room can read (16 px), and lanes tall enough to hold it.
  const presenter = useTourStore((s) => s.presenter);
  // On stage, only the lanes the step needs (set by the tour's bar): fewer lanes, taller ones.
  const visibleLanes = useLaneFocus((s) => (presenter ? s.lanes : undefined));
  const lanes = visibleLanes?.length ?? trace.nodes.length;
  const pane = useRef<HTMLElement>(null);
  const height = useRoomHeight(
    pane,
    presenter,
    presenter ? Math.min(520, Math.max(300, 120 + lanes * 48)) : 300,
  );
  return (
    <section ref={pane} className="timeline-pane" aria-label="Timeline">
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
          selectedAnomaly={selectedAnomaly}
          cause={cause}
          onSelectAnomaly={actions.selectAnomaly}
          height={height}
          textPx={presenter ? PRESENTER_TEXT_PX : undefined}
          visibleLanes={visibleLanes}
          toolbar={<CompareToggle on={false} />}
        />
      )}
    </section>
  );
}
