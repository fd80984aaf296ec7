import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import { describeEntry } from "../../app/schedule-text";

/** Entries in time order (ties in schedule order), each with its index in the schedule. */
export function byTime<T extends { at: number }>(
  schedule: readonly T[],
): Array<{ entry: T; i: number }> {
  return schedule
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => a.entry.at - b.entry.at || a.i - b.i);
}

export function ScheduleList() {
  const schedule = useAppStore((s) => s.scenario.schedule);
  return (
    <section className="schedule" aria-labelledby="schedule-heading">
      <h3 id="schedule-heading">Schedule</h3>
      {schedule.length === 0 ? (
        <p className="empty">Nothing scheduled: no faults in this run.</p>
      ) : (
        <ul aria-labelledby="schedule-heading">
          {byTime(schedule).map(({ entry, i }) => {
            const text = describeEntry(entry);
            return (
              // Entries have no id; their position in the schedule is their identity until one is removed.
              <li key={`${i}-${text}`}>
                <span>{text}</span>
                <button
                  type="button"
                  className="small"
                  aria-label={`Remove ${text}`}
                  onClick={() => actions.unschedule(i)}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
