import { useState } from "react";
import { actions, playheadMs } from "../../app/actions";
import { useAppStore } from "../../app/app-store";

function NodeSelect(props: { label: string; value: string; onChange: (v: string) => void }) {
  const nodes = useAppStore((s) => s.trace.nodes);
  return (
    <label className="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {n.id}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Keeps a chosen node valid when the node list changes (a strategy without brokers, say). */
function useNodeChoice(preferred: string[]): [string, (v: string) => void] {
  const nodes = useAppStore((s) => s.trace.nodes);
  const [choice, setChoice] = useState<string | null>(null);
  const ids = nodes.map((n) => n.id);
  const fallback = preferred.find((p) => ids.includes(p)) ?? ids[0] ?? "";
  const value = choice !== null && ids.includes(choice) ? choice : fallback;
  return [value, setChoice];
}

/** Restart delays offered for "Crash node"; "stay down" is the empty value. */
export const RESTART_AFTER_MS = [50, 100, 200, 500] as const;
const DEFAULT_RESTART_MS = 100;

/** Break it live: every action lands in the schedule at the playhead. */
export function FaultControls() {
  const playhead = useAppStore((s) => Math.round(s.playhead));
  const [node, setNode] = useNodeChoice(["cache", "db"]);
  const [from, setFrom] = useNodeChoice(["client-1"]);
  const [to, setTo] = useNodeChoice(["search", "cache", "db"]);
  const [oneWay, setOneWay] = useState(false);
  // A crashed node comes back by default: a node that stays down makes every strategy look broken.
  const [restartAfter, setRestartAfter] = useState<number | null>(DEFAULT_RESTART_MS);
  return (
    <fieldset className="faults">
      <legend>Break it at {playhead} ms</legend>
      <div className="fault-row">
        <NodeSelect label="Node" value={node} onChange={setNode} />
        <label className="field">
          <span>Restart</span>
          <select
            value={restartAfter === null ? "" : String(restartAfter)}
            onChange={(e) => setRestartAfter(e.target.value === "" ? null : Number(e.target.value))}
          >
            {RESTART_AFTER_MS.map((ms) => (
              <option key={ms} value={String(ms)}>
                after {ms} ms
              </option>
            ))}
            <option value="">stay down</option>
          </select>
        </label>
        <button
          type="button"
          onClick={() => {
            const at = playheadMs();
            actions.schedule(
              restartAfter === null
                ? { at, kind: "crash", node }
                : { at, kind: "crash", node, restartAt: at + restartAfter },
            );
          }}
        >
          Crash node
        </button>
        <button
          type="button"
          onClick={() => actions.schedule({ at: playheadMs(), kind: "restart", node })}
        >
          Restart node
        </button>
      </div>
      <div className="fault-row">
        <NodeSelect label="Cut from" value={from} onChange={setFrom} />
        <NodeSelect label="Cut to" value={to} onChange={setTo} />
        <label className="check">
          <input type="checkbox" checked={oneWay} onChange={(e) => setOneWay(e.target.checked)} />
          One direction only
        </label>
        <button
          type="button"
          disabled={from === to}
          onClick={() =>
            actions.schedule({
              at: playheadMs(),
              kind: "partition",
              a: [from],
              b: [to],
              ...(oneWay ? { oneWay: true } : {}),
            })
          }
        >
          Partition
        </button>
      </div>
      <div className="fault-row">
        <button type="button" onClick={() => actions.schedule({ at: playheadMs(), kind: "heal" })}>
          Heal network
        </button>
      </div>
    </fieldset>
  );
}
