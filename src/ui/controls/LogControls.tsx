import { strategyOf } from "../../sim/strategy";
import "./log-controls.css";
import { useId } from "react";
import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import type { Acks, CommitPolicy, LogOptions } from "../../sim/types";

export const ACKS_OPTIONS: ReadonlyArray<{ value: Acks; label: string }> = [
  { value: 0, label: "0 (nobody: sent is acknowledged)" },
  { value: 1, label: "1 (the leader has it)" },
  { value: "all", label: "all (every in-sync replica has it)" },
];

export const COMMIT_OPTIONS: ReadonlyArray<{ value: CommitPolicy; label: string }> = [
  { value: "before-apply", label: "before-apply (at most once)" },
  { value: "after-apply", label: "after-apply (at least once)" },
  { value: "atomic", label: "atomic (with the store's state)" },
];

export const LOG_HELP =
  "acks and min.insync.replicas decide what an acknowledgement promises; unclean election lets a replica that is behind lead; the commit policy decides when a consumer stores its offset";

/** Edits the log's settings through the one door every control uses. */
export function setLog(patch: Partial<LogOptions>): void {
  actions.editScenario((s) => {
    s.log = { ...s.log, ...patch };
  });
}

const acksFrom = (text: string): Acks => (text === "all" ? "all" : (Number(text) as 0 | 1));

/**
 * The replicated log's settings that change a run's story: acks,
 * min.insync.replicas, unclean leader election and the consumers' commit
 * policy. Shown for the strategies that run a log (log, and cdc through its
 * connector), as the dual-write options are shown only under dual-write.
 */
export function LogControls() {
  const strategy = useAppStore((s) => s.scenario.strategy);
  const log = useAppStore((s) => s.scenario.log);
  const id = useId();
  if (!strategyOf(strategy).usesLog) return null;
  const replicas = Array.from({ length: log.brokers }, (_, i) => i + 1);
  // A scenario from a link may ask for more than there are brokers: keep its value choosable.
  if (!replicas.includes(log.minInsyncReplicas)) replicas.push(log.minInsyncReplicas);
  return (
    <fieldset className="log-options" aria-describedby={`${id}-help`}>
      <legend>Log</legend>
      <div className="field">
        <label htmlFor={`${id}-acks`}>acks</label>
        <select
          id={`${id}-acks`}
          value={String(log.acks)}
          onChange={(e) => setLog({ acks: acksFrom(e.target.value) })}
        >
          {ACKS_OPTIONS.map((o) => (
            <option key={String(o.value)} value={String(o.value)}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-isr`}>min.insync.replicas</label>
        <select
          id={`${id}-isr`}
          value={String(log.minInsyncReplicas)}
          onChange={(e) => setLog({ minInsyncReplicas: Number(e.target.value) })}
        >
          {replicas.map((n) => (
            <option key={n} value={String(n)}>
              {n} of {log.brokers}
            </option>
          ))}
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={log.uncleanLeaderElection}
          onChange={(e) => setLog({ uncleanLeaderElection: e.target.checked })}
        />
        Unclean leader election
      </label>
      <div className="field">
        <label htmlFor={`${id}-commit`}>Commit policy</label>
        <select
          id={`${id}-commit`}
          value={log.commit}
          onChange={(e) => setLog({ commit: e.target.value as CommitPolicy })}
        >
          {COMMIT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-help`} className="hint">
        {LOG_HELP}.
      </p>
    </fieldset>
  );
}
