import { useAppStore } from "../../app/app-store";
import { type OfflineSpell, type PartitionView, partitionAt } from "../../app/log-index";
import { traceIndex } from "../../app/trace-index";
import type { Report } from "../../check/types";
import { GlossaryButton } from "../help/Glossary";

/** Rows drawn per partition; a long run's older records are summarised in one line. */
const MAX_ROWS = 60;

/**
 * A partition with no leader at `t`: from the log at the playhead, or from
 * the report's partitions offline at the end once the playhead is past their start.
 */
function offlineAt(view: PartitionView, report: Report | null, t: number): OfflineSpell | null {
  if (view.offline !== null) return view.offline;
  const atEnd = report?.offline?.find((o) => o.partition === view.partition && o.since <= t);
  return atEnd === undefined ? null : { since: atEnd.since, waitingFor: atEnd.waitingFor };
}

function OfflineNote({ partition, spell }: { partition: number; spell: OfflineSpell | null }) {
  if (spell === null) return null;
  return (
    <p className="offline-note">
      Partition {partition} offline since {spell.since} ms — waiting for{" "}
      {spell.waitingFor ?? "an in-sync replica"} to return; its records are unavailable, not lost
    </p>
  );
}

/** The log at the playhead: the leader's records, the high watermark, every consumer's position. */
export function LogPanel() {
  const trace = useAppStore((s) => s.trace);
  const playhead = useAppStore((s) => s.playhead);
  const report = useAppStore((s) => s.report);
  const index = traceIndex(trace).log;
  if (index === null) return null;
  const views = Array.from({ length: index.partitions }, (_, p) => partitionAt(index, p, playhead));
  return (
    <section className="panel log" aria-labelledby="log-heading">
      <h2 id="log-heading">Log</h2>
      <GlossaryButton label="What do acks, ISR, high watermark mean? Glossary" />
      {views.map((v) => (
        <div key={v.partition} className="partition">
          <h3>
            Partition {v.partition}: leader {v.leader ?? "none (offline)"}, high watermark{" "}
            <span data-testid={`hw-${v.partition}`}>{v.highWatermark}</span>
          </h3>
          <OfflineNote partition={v.partition} spell={offlineAt(v, report, playhead)} />
          {v.records.length === 0 ? (
            <p className="empty">
              {v.leader === null && v.holder !== null
                ? `${v.holder}'s log is empty.`
                : "The leader's log is empty."}
            </p>
          ) : (
            <div className="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">offset</th>
                    <th scope="col">write</th>
                    <th scope="col">record</th>
                    <th scope="col">state</th>
                  </tr>
                </thead>
                <tbody>
                  {v.records.length > MAX_ROWS && (
                    <tr>
                      <td colSpan={4} className="muted">
                        … {v.records.length - MAX_ROWS} earlier records
                      </td>
                    </tr>
                  )}
                  {v.records.slice(-MAX_ROWS).map((r) => (
                    <tr key={r.offset} className={r.offset < v.highWatermark ? "" : "uncommitted"}>
                      <td>{r.offset}</td>
                      <td>#{r.write}</td>
                      <td>
                        {r.key} {r.op === "incr" ? `+= ${r.value}` : `= ${r.value}`}
                      </td>
                      <td>{r.offset < v.highWatermark ? "committed" : "above HW"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ul className="positions" aria-label={`Consumers of partition ${v.partition}`}>
            {v.consumers.map((c) => (
              <li key={c.consumer}>
                {c.consumer}: committed offset <strong>{c.committed}</strong>
                {v.highWatermark > c.committed && (
                  <span className="muted"> (lag {v.highWatermark - c.committed})</span>
                )}
              </li>
            ))}
          </ul>
          <p className="muted brokers">
            Log end per broker: {v.brokerEnds.map((b) => `${b.broker} ${b.end}`).join(", ")}
          </p>
        </div>
      ))}
    </section>
  );
}
