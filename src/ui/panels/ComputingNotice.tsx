import { useAppStore } from "../../app/app-store";
import { writesOf } from "../../app/run";

/**
 * While a big scenario simulates in the background: says so, and that the
 * view is still the previous run. The page stays usable meanwhile.
 */
export function ComputingNotice() {
  const computing = useAppStore((s) => s.computing);
  const scenario = useAppStore((s) => s.scenario);
  if (!computing) return null;
  const writes = writesOf(scenario);
  return (
    <div className="computing-notice" role="status">
      <span className="computing-spinner" aria-hidden="true" />
      <p>
        Simulating {writes.toLocaleString("en")} writes in the background; the view shows the
        previous run until this one is ready.
      </p>
    </div>
  );
}
