import { actions } from "../app/actions";
import { useAppStore } from "../app/app-store";
import { Timeline } from "./timeline/Timeline";

/** Connects the timeline to the store; the timeline itself knows nothing of it. */
export function TimelinePane() {
  const trace = useAppStore((s) => s.trace);
  const report = useAppStore((s) => s.report);
  const playhead = useAppStore((s) => s.playhead);
  const highlight = useAppStore((s) => s.highlight);
  const selectedSeq = useAppStore((s) => s.selectedSeq);
  return (
    <section className="timeline-pane" aria-label="Timeline">
      <Timeline
        trace={trace}
        report={report}
        playhead={playhead}
        highlight={highlight}
        selectedSeq={selectedSeq}
        onSelectEvent={actions.selectEvent}
        onSeek={actions.seek}
        height={300}
      />
    </section>
  );
}
