import { useMemo } from "react";
import { useAppStore } from "../../app/app-store";
import { eventsBetween, eventsOf, firstAfter } from "../../sim/event-reader";
import { describeEvent } from "../timeline/causal";

/** How many of the latest events the list shows: enough to follow, short enough to walk. */
const SHOWN = 12;

/**
 * The timeline as text: the latest events up to the playhead, newest last, in
 * step with playback. A screen-reader user walks it like any list; a sighted
 * person can open it too. Polite live updates only when paused, so playback
 * does not flood the reader.
 */
export function EventList() {
  const trace = useAppStore((s) => s.trace);
  const t = useAppStore((s) => Math.floor(s.playhead));
  const events = eventsOf(trace);
  const end = useMemo(() => firstAfter(events, t), [events, t]);
  // Objects for the shown window only, not for the run.
  const shown = useMemo(() => eventsBetween(events, end - SHOWN, end), [events, end]);
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
