import { useEffect, useRef, useState } from "react";
import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import { EXERCISES, type Verdict } from "../../workshop/exercises";
import { loadProgress, type Progress, saveSolved } from "./exercise-progress";
import { useWorkshopStore } from "./workshop-store";

/** A link as the page's own URL plus hash, so it can be copied and shared whole. */
function absolute(hash: string): string {
  return typeof window === "undefined"
    ? hash
    : `${window.location.origin}${window.location.pathname}${hash}`;
}

export function Exercises({ initialVerdicts = {} }: { initialVerdicts?: Record<string, Verdict> }) {
  const [progress, setProgress] = useState<Progress>(loadProgress);
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>(initialVerdicts);
  const list = useRef<HTMLOListElement>(null);
  // An exercise verified from an opened link may sit below the fold: bring it into view.
  const opened = Object.keys(initialVerdicts)[0];
  useEffect(() => {
    if (opened === undefined) return;
    const item = list.current?.querySelector(`[data-exercise="${opened}"]`);
    item?.scrollIntoView?.({ block: "nearest" });
  }, [opened]);

  const check = (id: string) => {
    const exercise = EXERCISES.find((e) => e.id === id);
    if (exercise === undefined) return;
    const scenario = useAppStore.getState().scenario;
    const verdict = exercise.verify(scenario);
    setVerdicts((v) => ({ ...v, [id]: verdict }));
    if (verdict.ok) setProgress(saveSolved(id, scenario));
  };

  const solvedCount = EXERCISES.filter((e) => progress[e.id] !== undefined).length;
  return (
    <section className="workshop-section" aria-labelledby="exercises-heading">
      <h3 id="exercises-heading">
        Exercises{" "}
        <span className="hint">
          ({solvedCount} of {EXERCISES.length} solved)
        </span>
      </h3>
      <ol className="exercise-list" ref={list}>
        {EXERCISES.map((e) => {
          const solved = progress[e.id];
          const verdict = verdicts[e.id];
          return (
            <li key={e.id} className="exercise" aria-label={e.title} data-exercise={e.id}>
              <div className="exercise-head">
                <strong>{e.title}</strong>
                {solved && <span className="badge solved">Solved</span>}
              </div>
              <p>{e.goal}</p>
              <details>
                <summary>Hint</summary>
                <p>{e.hint}</p>
              </details>
              <div className="exercise-actions">
                <button
                  type="button"
                  onClick={() => {
                    actions.loadScenario(e.start(), null);
                    useWorkshopStore.setState({ open: false });
                  }}
                >
                  Start
                </button>
                <button type="button" onClick={() => check(e.id)}>
                  Check my solution
                </button>
              </div>
              {verdict && (
                <p className={verdict.ok ? "verdict pass" : "verdict fail"} role="status">
                  {verdict.ok ? "Pass: " : "Not yet: "}
                  {verdict.reason}
                </p>
              )}
              {solved && (
                <p className="solution-link">
                  Your solution: <a href={absolute(solved.link)}>shareable link</a> (the checkers
                  verify it again when it opens)
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
