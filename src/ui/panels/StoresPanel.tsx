import { useAppStore } from "../../app/app-store";
import { type CellValue, storeAt } from "../../app/store-index";
import { traceIndex } from "../../app/trace-index";

const show = (v: CellValue | undefined) => (v === undefined ? "—" : String(v));

/** Every store's key/value table at the playhead, one column per store, db first. */
export function StoresPanel() {
  const trace = useAppStore((s) => s.trace);
  const playhead = useAppStore((s) => s.playhead);
  const index = traceIndex(trace).stores;
  const reference = index.stores.includes("db") ? "db" : index.stores[0];
  const tables = new Map(index.stores.map((name) => [name, storeAt(index, name, playhead)]));
  const keys = index.keys.filter((k) => index.stores.some((name) => tables.get(name)?.has(k)));
  const joined = (name: string) => index.joinedAt[name] <= playhead;
  return (
    <section className="panel stores" aria-labelledby="stores-heading">
      <h2 id="stores-heading">Stores</h2>
      {keys.length === 0 ? (
        <p className="empty">No store holds a value yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">
            Each store's value per key at {Math.round(playhead)} ms; ≠ marks a value that differs
            from {reference}.
          </caption>
          <thead>
            <tr>
              <th scope="col">key</th>
              {index.stores.map((name) => (
                <th scope="col" key={name}>
                  {name}
                  {!joined(name) && <span className="muted"> (not yet)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const ref = tables.get(reference)?.get(key);
              return (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  {index.stores.map((name) => {
                    const value = tables.get(name)?.get(key);
                    const differs = name !== reference && joined(name) && value !== ref;
                    return (
                      <td key={name} className={differs ? "cell differs" : "cell"}>
                        <span className="value">{show(value)}</span>
                        {differs && (
                          <span className="badge diff" title={`${reference} holds ${show(ref)}`}>
                            ≠ {reference}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
