import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import { describeEntry } from "../../app/schedule-text";

export function ScheduleList() {
  const schedule = useAppStore((s) => s.scenario.schedule);
  return (
    <section className="schedule" aria-labelledby="schedule-heading">
      <h3 id="schedule-heading">Schedule</h3>
      {schedule.length === 0 ? (
        <p className="empty">Nothing scheduled: no faults in this run.</p>
      ) : (
        <ul aria-labelledby="schedule-heading">
          {schedule.map((entry, i) => {
            const text = describeEntry(entry);
            return (
              // Entries have no id; their position is their identity until one is removed.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
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
