import { useMemo } from "react";
import { useAppStore } from "../../app/app-store";
import type { TraceEvent } from "../../sim/types";
import { describeEvent } from "../timeline/causal";

/** How many of the latest events the list shows: enough to follow, short enough to walk. */
const SHOWN = 12;

/** The index of the first event after time t (events are in time order). */
function upperBound(events: readonly TraceEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The timeline as text: the latest events up to the playhead, newest last, in
 * step with playback. A screen-reader user walks it like any list; a sighted
 * person can open it too. Polite live updates only when paused, so playback
 * does not flood the reader.
 */
export function EventList() {
  const events = useAppStore((s) => s.trace.events);
  const t = useAppStore((s) => Math.floor(s.playhead));
  const end = useMemo(() => upperBound(events, t), [events, t]);
  const shown = events.slice(Math.max(0, end - SHOWN), end);
  return (
    <details className="panel event-list">
      <summary>
        Events as text ({end} of {events.length} up to {t} ms)
      </summary>
      {shown.length === 0 ? (
        <p className="empty">Nothing has happened yet.</p>
      ) : (
        <ol aria-label="Latest events up to the playhead" start={end - shown.length + 1}>
          {shown.map((e) => (
            <li key={e.seq}>
              <span className="muted">{e.t} ms</span> {describeEvent(e)}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
