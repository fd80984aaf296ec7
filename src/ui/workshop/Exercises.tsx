import { useEffect, useRef } from "react";
import { EXERCISES } from "../../workshop/exercises";
import { exerciseSession, useExerciseSession } from "./exercise-session";
import { ProofBox } from "./ProofBox";
import { absolute, verdictPrefix } from "./verdict-text";
import { workshop } from "./workshop-store";

/** The Workshop dialog's list of exercises: start one, check the scenario on screen against it. */
export function Exercises() {
  const progress = useExerciseSession((s) => s.progress);
  const verdicts = useExerciseSession((s) => s.verdicts);
  const active = useExerciseSession((s) => s.active);
  const checking = useExerciseSession((s) => s.checking);
  const list = useRef<HTMLOListElement>(null);
  // The active exercise may sit below the fold: bring it into view.
  useEffect(() => {
    if (active === null) return;
    const item = list.current?.querySelector(`[data-exercise="${active}"]`);
    item?.scrollIntoView?.({ block: "nearest" });
  }, [active]);

  const solvedCount = EXERCISES.filter((e) => progress[e.id] !== undefined).length;
  return (
    <section className="workshop-section" aria-labelledby="exercises-heading">
      <h3 id="exercises-heading">
        Exercises{" "}
        <span className="hint">
          ({solvedCount} of {EXERCISES.length} solved in this browser)
        </span>
      </h3>
      <ProofBox />
      <ol className="exercise-list" ref={list}>
        {EXERCISES.map((e) => {
          const solved = progress[e.id];
          const verdict = verdicts[e.id];
          return (
            <li
              key={e.id}
              className={e.id === active ? "exercise active" : "exercise"}
              aria-label={e.title}
              data-exercise={e.id}
            >
              <div className="exercise-head">
                <strong>{e.title}</strong>
                {solved && <span className="badge solved">Solved</span>}
                {e.id === active && <span className="badge">Active</span>}
              </div>
              <p>{e.goal}</p>
              <p className="hint">{e.mayChange}</p>
              <details>
                <summary>Hint</summary>
                <p>{e.hint}</p>
              </details>
              <div className="exercise-actions">
                <button
                  type="button"
                  onClick={() => {
                    exerciseSession.start(e.id);
                    workshop.setOpen(false);
                  }}
                >
                  Start
                </button>
                <button
                  type="button"
                  disabled={checking === e.id}
                  onClick={() => void exerciseSession.check(e.id)}
                >
                  {checking === e.id ? "Checking…" : "Check my solution"}
                </button>
              </div>
              {verdict && (
                <p className={verdict.ok ? "verdict pass" : "verdict fail"} role="status">
                  {verdictPrefix(verdict)}
                  {verdict.reason}
                </p>
              )}
              {solved && (
                <p className="solution-link">
                  Your solution: <a href={absolute(solved.link)}>shareable link</a> (it names the
                  exercise; the page checks it again when it opens)
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
