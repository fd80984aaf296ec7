import { useAppStore } from "../../app/app-store";
import {
  type LogRecord,
  type OfflineSpell,
  type PartitionView,
  partitionAt,
  type TruncatedRecord,
} from "../../app/log-index";
import { traceIndex } from "../../app/trace-index";
import type { Report } from "../../check/types";
import type { LogOptions } from "../../sim/types";
import { GlossaryButton, GlossaryTerm } from "../help/Glossary";

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

/** The producer's settings that decide what a failover can lose, each term explained. */
function LogSettings({ log }: { log: LogOptions }) {
  return (
    <p className="log-settings" data-testid="log-settings">
      <GlossaryTerm id="acks">acks</GlossaryTerm>=<strong>{String(log.acks)}</strong>
      {" · "}
      <GlossaryTerm id="min-insync">min.insync.replicas</GlossaryTerm>=
      <strong>{log.minInsyncReplicas}</strong>
      {" · "}unclean leader election <strong>{log.uncleanLeaderElection ? "on" : "off"}</strong>
    </p>
  );
}

const recordText = (r: LogRecord) =>
  `${r.key} ${r.op === "incr" ? `+= ${r.value}` : `= ${r.value}`}`;

/** One row per record: the holder's log, what only other brokers hold, what was truncated. */
type Row =
  | { kind: "held"; record: LogRecord }
  | { kind: "elsewhere"; record: LogRecord & { brokers: string[] } }
  | { kind: "truncated"; record: TruncatedRecord };

function rowsOf(v: PartitionView): Row[] {
  const rows: Row[] = [
    ...v.truncated.map((record): Row => ({ kind: "truncated", record })),
    ...v.elsewhere.map((record): Row => ({ kind: "elsewhere", record })),
    ...v.records.map((record): Row => ({ kind: "held", record })),
  ];
  // By offset; at one offset, what was cut or is at risk before what stands.
  const order = { truncated: 0, elsewhere: 1, held: 2 };
  return rows.sort((a, b) => a.record.offset - b.record.offset || order[a.kind] - order[b.kind]);
}

function RecordRow({ row, hw }: { row: Row; hw: number }) {
  const r = row.record;
  if (row.kind === "truncated") {
    const t = row.record;
    return (
      <tr className="truncated" data-testid="truncated-record">
        <td>
          <s>{r.offset}</s>
        </td>
        <td>
          <s>#{r.write}</s>
        </td>
        <td>
          <s>{recordText(r)}</s>
        </td>
        <td>
          <GlossaryTerm id="truncated">truncated</GlossaryTerm> by {t.brokers.join(", ")} at {t.t}{" "}
          ms: written in <GlossaryTerm id="leader-epoch">epoch</GlossaryTerm> {r.epoch}, the epoch{" "}
          {t.toEpoch} leader never had it
        </td>
      </tr>
    );
  }
  if (row.kind === "elsewhere") {
    return (
      <tr className="elsewhere">
        <td>{r.offset}</td>
        <td>#{r.write}</td>
        <td>{recordText(r)}</td>
        <td>
          only on {row.record.brokers.join(", ")} (epoch {r.epoch}), not on the leader: at risk
        </td>
      </tr>
    );
  }
  const committed = r.offset < hw;
  return (
    <tr className={committed ? "" : "uncommitted"}>
      <td>{r.offset}</td>
      <td>#{r.write}</td>
      <td>{recordText(r)}</td>
      <td>{committed ? "committed" : <GlossaryTerm id="above-hw">above HW</GlossaryTerm>}</td>
    </tr>
  );
}

function emptyText(v: PartitionView): string {
  const whose = v.leader === null && v.holder !== null ? `${v.holder}'s log` : "The leader's log";
  return `${whose} is empty.`;
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
      <LogSettings log={trace.scenario.log} />
      {views.map((v) => {
        const rows = rowsOf(v);
        return (
          <div key={v.partition} className="partition">
            <h3>
              Partition {v.partition}: leader {v.leader ?? "none (offline)"},{" "}
              <GlossaryTerm id="high-watermark">high watermark</GlossaryTerm>{" "}
              <span data-testid={`hw-${v.partition}`}>{v.highWatermark}</span>
            </h3>
            <p className="isr" data-testid={`isr-${v.partition}`}>
              <GlossaryTerm id="isr">ISR</GlossaryTerm>:{" "}
              {v.isr.length > 0 ? v.isr.join(", ") : "none"}
              {" · "}
              <GlossaryTerm id="leader-epoch">leader epoch</GlossaryTerm> {v.epoch}
            </p>
            <OfflineNote partition={v.partition} spell={offlineAt(v, report, playhead)} />
            {v.records.length === 0 && <p className="empty">{emptyText(v)}</p>}
            {rows.length > 0 && (
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
                    {rows.length > MAX_ROWS && (
                      <tr>
                        <td colSpan={4} className="muted">
                          … {rows.length - MAX_ROWS} earlier records
                        </td>
                      </tr>
                    )}
                    {rows.slice(-MAX_ROWS).map((row) => (
                      <RecordRow
                        key={`${row.kind}:${row.record.offset}:${row.record.write}:${row.record.epoch}`}
                        row={row}
                        hw={v.highWatermark}
                      />
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
        );
      })}
    </section>
  );
}
