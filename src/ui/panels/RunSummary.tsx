import { useAppStore } from "../../app/app-store";
import { eventsOf } from "../../sim/event-reader";

export function RunSummary() {
  const trace = useAppStore((s) => s.trace);
  const quiescence =
    trace.quiescedAt !== null
      ? `${trace.quiescedAt} ms`
      : `not reached (${trace.capped?.cap ?? "cap"} at ${trace.capped?.at ?? trace.endTime} ms)`;
  return (
    <dl className="summary" aria-label="Run summary">
      <div>
        <dt>Seed</dt>
        <dd>{trace.scenario.seed}</dd>
      </div>
      <div>
        <dt>Strategy</dt>
        <dd data-testid="summary-strategy">{trace.scenario.strategy}</dd>
      </div>
      <div>
        <dt>Events</dt>
        <dd>{eventsOf(trace).length}</dd>
      </div>
      <div>
        <dt title="Quiescence: the moment no message is in flight and nothing is left to happen">
          All quiet at
        </dt>
        <dd>{quiescence}</dd>
      </div>
      <div>
        <dt title="Trace hash: a fingerprint of every event; the same link replays the same run with the same fingerprint">
          Run fingerprint
        </dt>
        <dd>
          <code data-testid="trace-hash">{trace.traceHash}</code>
        </dd>
      </div>
    </dl>
  );
}
