import { useId } from "react";
import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import { strategyOf } from "../../sim/strategy";
import type { DualWriteOptions } from "../../sim/types";

/**
 * How the application writes the stores itself under `dual-write`: one after
 * another or all at once, and when it tells its caller "done". Shown only for
 * that strategy, where it changes the run.
 */
export function DualWriteControls() {
  const strategy = useAppStore((s) => s.scenario.strategy);
  const options = useAppStore((s) => s.scenario.dualWrite);
  const id = useId();
  if (strategyOf(strategy).clientWrites !== "every-store") return null;
  const set = (patch: Partial<DualWriteOptions>) =>
    actions.editScenario((s) => {
      s.dualWrite = { ...s.dualWrite, ...patch };
    });
  return (
    <fieldset className="dual-write-options">
      <legend>Dual writes</legend>
      <div className="field">
        <label htmlFor={`${id}-order`}>Write order</label>
        <select
          id={`${id}-order`}
          value={options.order}
          onChange={(e) => set({ order: e.target.value as DualWriteOptions["order"] })}
        >
          <option value="sequential">one store after another</option>
          <option value="parallel">all stores at once</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-ack`}>Tell the caller “done”</label>
        <select
          id={`${id}-ack`}
          value={options.ackAfter ?? "all"}
          onChange={(e) => set({ ackAfter: e.target.value as "all" | "first" })}
        >
          <option value="all">after every store accepted</option>
          <option value="first">after the first store (write-behind)</option>
        </select>
      </div>
    </fieldset>
  );
}
