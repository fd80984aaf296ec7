import { useId } from "react";
import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";

export const DEDUPE_HELP =
  "Idempotency keys at the stores, an idempotent producer on the log, consumers skip what their store already applied";

/** Turns `dedupe` on (true) or off (absent: the scenario as it was before the field existed). */
export function setDedupe(on: boolean): void {
  actions.editScenario((s) => {
    if (on) s.dedupe = true;
    else delete s.dedupe;
  });
}

/**
 * Deduplication of retries and replays, everywhere at once: one switch for
 * every strategy, since each has its own place where a resent request or a
 * replayed record can apply twice.
 */
export function DedupeControl() {
  const on = useAppStore((s) => s.scenario.dedupe === true);
  const hintId = useId();
  return (
    <fieldset className="dedupe">
      <legend>Retries</legend>
      <label className="check" title={DEDUPE_HELP}>
        <input
          type="checkbox"
          checked={on}
          aria-describedby={hintId}
          onChange={(e) => setDedupe(e.target.checked)}
        />
        Deduplicate retries
      </label>
      <p id={hintId} className="hint">
        {DEDUPE_HELP}.
      </p>
    </fieldset>
  );
}
