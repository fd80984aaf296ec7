import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import { RUN_BUDGET_MS, writesOf } from "../../app/run";
import type { Scenario } from "../../sim/types";

function halveWrites(draft: Scenario): void {
  const w = draft.workload;
  if (w.kind === "generated") w.writes = Math.max(1, Math.ceil(w.writes / 2));
  else w.ops = w.ops.slice(0, Math.max(1, Math.ceil(w.ops.length / 2)));
}

/**
 * A run stopped by a cap says which cap, where the picture ends, and offers
 * the setting that brings it back within bounds.
 */
export function CappedNotice() {
  const trace = useAppStore((s) => s.trace);
  // While the next run computes, this notice would describe the previous one.
  const computing = useAppStore((s) => s.computing);
  const capped = trace.capped;
  if (capped === null || computing) return null;
  const { scenario } = trace;
  const why =
    capped.cap === "budget"
      ? `it took too long to compute (over ${RUN_BUDGET_MS / 1000} seconds)`
      : capped.cap === "maxEvents"
        ? `it reached the cap of ${scenario.caps.maxEvents.toLocaleString("en")} events`
        : `simulated time reached its cap of ${scenario.caps.maxTimeMs.toLocaleString("en")} ms before the stores settled (a fault that never heals keeps a run going)`;
  const writes = writesOf(scenario);
  return (
    <div className="capped-notice" role="status">
      <p>
        This run was stopped at {capped.at.toLocaleString("en")} ms because {why}; the picture ends
        there and anomalies found so far stay <em>suspected</em>.
      </p>
      {writes > 1 && (
        <button type="button" onClick={() => actions.editScenario(halveWrites)}>
          Halve the writes ({writes} → {Math.ceil(writes / 2)})
        </button>
      )}
    </div>
  );
}
