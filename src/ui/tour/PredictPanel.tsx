import { useMemo } from "react";
import { useAppStore } from "../../app/app-store";
import { rightAnswer } from "../../tour/predict";
import { tourActions, useTourStore } from "../../tour/tour-store";
import type { TourStep } from "../../tour/types";

/**
 * Stop, predict, reveal. While the question is open the run waits at 0 and the
 * choices are shown large (keys 1–4 or a click answer; Space reveals without an
 * answer). Once the step halts on its moment, the right choice is computed from
 * the run on show, never typed, and marked.
 */
export function PredictPanel({ step }: { step: TourStep }) {
  const predict = step.predict;
  const asking = useTourStore((s) => s.asking);
  const halted = useTourStore((s) => s.halted);
  const choice = useTourStore((s) => s.choice);
  const target = useTourStore((s) => s.target);
  const trace = useAppStore((s) => s.trace);
  const report = useAppStore((s) => s.report);
  const right = useMemo(
    () =>
      halted && predict !== undefined && report !== null && target !== null
        ? rightAnswer(step, { trace, report, target })
        : null,
    [halted, predict, report, step, target, trace],
  );
  if (predict === undefined) return null;
  const revealed = !asking && halted;
  const state = asking ? "asking" : revealed ? "revealed" : "playing";
  return (
    <section className={`tour-predict ${state}`} aria-label="Predict" data-state={state}>
      {/* Asked large while open; once answered the choices (right one marked) carry it. */}
      <p className={asking ? "tour-question" : "visually-hidden"}>{predict.question}</p>
      <ol className="tour-choices">
        {predict.choices.map((c, i) => {
          const isRight = revealed && right === i;
          const mark = !revealed ? "" : isRight ? " ✓" : choice === i ? " ✗" : "";
          return (
            <li key={c.label}>
              <button
                type="button"
                onClick={() => tourActions.answer(i)}
                disabled={!asking}
                aria-keyshortcuts={String(i + 1)}
                data-correct={revealed ? String(isRight) : undefined}
                data-chosen={choice === i ? "true" : undefined}
                className={`tour-choice${isRight ? " right" : ""}${
                  revealed && choice === i && !isRight ? " wrong" : ""
                }`}
              >
                <span className="tour-choice-key">{i + 1}</span> {c.label}
                {mark}
              </button>
            </li>
          );
        })}
      </ol>
      <p className={asking ? "tour-predict-hint" : "visually-hidden"} aria-live="polite">
        {asking
          ? `Ask the room, then press 1–${predict.choices.length} (or Space) to play the run.`
          : revealed
            ? right === null
              ? "The run does not settle this question."
              : `The run says: ${predict.choices[right].label}. Press R to replay the moment slowly.`
            : "Playing: the run will tell…"}
      </p>
    </section>
  );
}
