import { useEffect, useId, useMemo, useState } from "react";
import { actions } from "../app/actions";
import { useAppStore } from "../app/app-store";
import { compareActions, compareRun } from "../app/compare";
import type { Run } from "../app/run";
import { STRATEGY } from "../sim/strategy";
import { STRATEGIES, type Strategy } from "../sim/types";
import { CompareTimeline } from "./timeline/CompareTimeline";

/** One lane height for both runs, so their lanes read alike; the log's run has more lanes. */
const COMPARE_LANE_PX = 20;

function StrategySelect(props: {
  label: string;
  value: Strategy;
  onChange: (s: Strategy) => void;
}) {
  const id = useId();
  return (
    <span className="compare-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as Strategy)}
      >
        {STRATEGIES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The two strategies being compared; shown in the timeline pane's bar. */
export function CompareChoice({ pair }: { pair: [Strategy, Strategy] }) {
  return (
    <div className="compare-choice">
      <StrategySelect
        label="First strategy"
        value={pair[0]}
        onChange={(s) => compareActions.setStrategy(0, s)}
      />
      <StrategySelect
        label="Second strategy"
        value={pair[1]}
        onChange={(s) => compareActions.setStrategy(1, s)}
      />
    </div>
  );
}

/**
 * The app's scenario under two strategies, stacked on one time axis, driven by
 * the app's one playhead.
 */
export function ComparePane({ pair }: { pair: [Strategy, Strategy] }) {
  const appTrace = useAppStore((s) => s.trace);
  // The scenario of the run on show: while a big edit computes in the background,
  // both sides stay the previous run, and both change when the new one arrives.
  const scenario = appTrace.scenario;
  const report = useAppStore((s) => s.report);
  const checkError = useAppStore((s) => s.checkError);
  const playhead = useAppStore((s) => s.playhead);
  const [first, second] = pair;
  const [a, b] = useMemo(() => {
    const own = { trace: appTrace, report, checkError };
    return [compareRun(scenario, own, first), compareRun(scenario, own, second)] as const;
  }, [scenario, appTrace, report, checkError, first, second]);
  const arrivedA = useArrived(a);
  const arrivedB = useArrived(b);
  if (arrivedA === null || arrivedB === null || "error" in arrivedA || "error" in arrivedB) {
    const failed = [arrivedA, arrivedB].find((x) => x !== null && "error" in x);
    const waiting = arrivedA === null ? first : second;
    return (
      <div className="compare-pane">
        <p className="compare-waiting" role="status">
          {failed !== undefined && failed !== null && "error" in failed
            ? `The comparison could not run: ${failed.error}`
            : `Running the same scenario under ${STRATEGY[waiting].label} in the background…`}
        </p>
      </div>
    );
  }
  const shownA = arrivedA.run;
  const shownB = arrivedB.run;
  // Playback stops at the end of the app's own run. A run that goes on longer
  // would then never show its tail (nor count the anomalies found there), so
  // once the app's run has ended, both are shown to their ends.
  const end = Math.max(shownA.trace.endTime, shownB.trace.endTime);
  const shown = playhead >= appTrace.endTime ? end : playhead;
  return (
    <div className="compare-pane">
      <CompareTimeline
        traces={[shownA.trace, shownB.trace]}
        reports={[shownA.report, shownB.report]}
        playhead={shown}
        onSeek={actions.seek}
        laneHeight={COMPARE_LANE_PX}
      />
    </div>
  );
}

type Arrival = { run: Run } | { error: string } | null;

/** A run, or null until a run computing in the background arrives, or the error it failed with. */
function useArrived(run: Run | Promise<Run>): Arrival {
  const [arrived, setArrived] = useState<{ from: Promise<Run>; got: Arrival } | null>(null);
  useEffect(() => {
    if (!(run instanceof Promise)) return;
    let live = true;
    run.then(
      (done) => live && setArrived({ from: run, got: { run: done } }),
      (err: unknown) =>
        live &&
        setArrived({ from: run, got: { error: err instanceof Error ? err.message : String(err) } }),
    );
    return () => {
      live = false;
    };
  }, [run]);
  if (!(run instanceof Promise)) return { run };
  return arrived?.from === run ? arrived.got : null;
}
