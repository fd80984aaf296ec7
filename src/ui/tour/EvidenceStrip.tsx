import { useAppStore } from "../../app/app-store";
import { partitionAt } from "../../app/log-index";
import { type CellValue, storeAt } from "../../app/store-index";
import { traceIndex } from "../../app/trace-index";
import type { Evidence } from "../../tour/types";

/** Records shown per partition: the latest ones, so the strip stays one line. */
const MAX_RECORDS = 6;

const show = (v: CellValue | undefined) => (v === undefined ? "—" : String(v));

/**
 * The Stores and Log evidence a step's caption names, at the playhead, next to
 * the timeline: each named key's value per store with "≠ db" where a store
 * disagrees, and the log's latest records. The full panels sit below the fold
 * in presenter mode; this strip keeps the proof on the same screen.
 */
export function EvidenceStrip({ evidence }: { evidence: Evidence }) {
  const trace = useAppStore((s) => s.trace);
  const playhead = useAppStore((s) => s.playhead);
  const index = traceIndex(trace);
  const stores = index.stores.stores;
  const reference = stores.includes("db") ? "db" : stores[0];
  const tables = new Map(stores.map((name) => [name, storeAt(index.stores, name, playhead)]));
  const joined = (name: string) => index.stores.joinedAt[name] <= playhead;
  const log = evidence.log === true ? index.log : null;
  return (
    <section className="tour-evidence" aria-label="Evidence" data-testid="tour-evidence">
      {evidence.keys.map((key) => {
        const ref = tables.get(reference)?.get(key);
        const shown = stores.filter(joined);
        // Every store agrees: one cell says so, the strip stays one line.
        if (shown.every((name) => tables.get(name)?.get(key) === ref))
          return (
            <ul key={key} className="tour-evidence-key" aria-label={`Stores: ${key}`}>
              <li className="tour-evidence-name">{key}</li>
              <li
                className="tour-evidence-cell same"
                data-key={key}
                title={`${shown.join(", ")} all hold ${show(ref)}`}
              >
                <span className="value">{show(ref)}</span>{" "}
                <span className="store">
                  {shown.length === 1 ? shown[0] : `all ${shown.length}`}
                </span>
              </li>
            </ul>
          );
        return (
          <ul key={key} className="tour-evidence-key" aria-label={`Stores: ${key}`}>
            <li className="tour-evidence-name">{key}</li>
            {shown.map((name) => {
              const value = tables.get(name)?.get(key);
              const differs = name !== reference && value !== ref;
              return (
                <li
                  key={name}
                  className={differs ? "tour-evidence-cell differs" : "tour-evidence-cell"}
                  data-store={name}
                  data-key={key}
                >
                  <span className="store">{name}</span> <span className="value">{show(value)}</span>
                  {differs && <span className="badge diff">≠ {reference}</span>}
                </li>
              );
            })}
          </ul>
        );
      })}
      {log !== null &&
        Array.from({ length: log.partitions }, (_, p) => {
          const view = partitionAt(log, p, playhead);
          const records = view.records.slice(-MAX_RECORDS);
          return (
            <ul
              // biome-ignore lint/suspicious/noArrayIndexKey: partitions are numbered, never reordered
              key={p}
              className="tour-evidence-log"
              aria-label={log.partitions === 1 ? "Log" : `Log, partition ${p}`}
            >
              <li className="tour-evidence-name">log{log.partitions === 1 ? "" : ` p${p}`}</li>
              {records.length === 0 && <li className="tour-evidence-record empty">empty</li>}
              {view.records.length > records.length && (
                <li className="tour-evidence-record more">…</li>
              )}
              {records.map((r) => (
                <li key={r.offset} className="tour-evidence-record" data-offset={r.offset}>
                  <span className="offset">{r.offset}</span> {r.key}
                  {r.op === "incr" ? "+" : "="}
                  {String(r.value)}
                </li>
              ))}
            </ul>
          );
        })}
    </section>
  );
}
