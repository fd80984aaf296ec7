import { useEffect } from "react";
import { useAppStore } from "../../app/app-store";
import { ACID_LETTER } from "../../check/types";
import { CHAPTERS } from "../../tour/chapters";
import { captionWhileAsking } from "../../tour/predict";
import { stepLanes } from "../../tour/step-lanes";
import { tourActions, useTourStore } from "../../tour/tour-store";
import type { TourStep } from "../../tour/types";
import { KitButtons } from "../kit/KitButtons";
import { ChapterNav } from "./ChapterNav";
import { EvidenceStrip } from "./EvidenceStrip";
import { LetterScore } from "./LetterScore";
import { LiveEditNote } from "./LiveEditNote";
import { useLaneFocus } from "./lane-focus";
import { PredictPanel } from "./PredictPanel";
import { SpotlightNote } from "./SpotlightNote";
import { StrategyScoreboard } from "./StrategyScoreboard";

/** On stage, the timeline shows only the lanes the step needs (computed from the step and its run). */
function useStepLanes(step: TourStep): void {
  const presenter = useTourStore((s) => s.presenter);
  const trace = useAppStore((s) => s.trace);
  const report = useAppStore((s) => s.report);
  useEffect(() => {
    useLaneFocus.setState({ lanes: presenter ? stepLanes(step, trace, report) : undefined });
  }, [step, trace, report, presenter]);
  useEffect(() => () => useLaneFocus.setState({ lanes: undefined }), []);
}

/** The caption bar of talk mode: where we are, what to look at, and the clicker's buttons. */
export function TourBar() {
  const chapterIndex = useTourStore((s) => s.chapter);
  const stepIndex = useTourStore((s) => s.step);
  const halted = useTourStore((s) => s.halted);
  const target = useTourStore((s) => s.target);
  const asking = useTourStore((s) => s.asking);
  const chapter = CHAPTERS[chapterIndex];
  const step = chapter.steps[stepIndex];
  useStepLanes(step);
  const spot = "anomaly" in step.spotlight ? ACID_LETTER[step.spotlight.anomaly] : null;
  const atStart = chapterIndex === 0 && stepIndex === 0;
  const atEnd = chapterIndex === CHAPTERS.length - 1 && stepIndex === chapter.steps.length - 1;
  return (
    <section
      className="tour-bar"
      aria-label="Tour"
      data-state={asking ? "asking" : halted ? "halted" : "playing"}
      data-step={step.id}
    >
      <div className="tour-head">
        <ChapterNav current={chapterIndex} />
        <p className="tour-chapter">
          Chapter {chapter.number} · {chapter.title}
        </p>
        <LetterScore spot={spot} />
      </div>
      <div className="tour-body">
        <div className="tour-text" aria-live="polite">
          <div className="tour-title-row">
            <h2 className="tour-title">{step.title}</h2>
          </div>
          <p className="tour-caption">{asking ? captionWhileAsking(step) : step.caption}</p>
          <div className="tour-notes">
            {step.overlay !== undefined && <p className="tour-overlay">{step.overlay}</p>}
            <SpotlightNote spotlight={step.spotlight} />
            {(step.evidence.keys.length > 0 || step.evidence.log === true) && (
              <EvidenceStrip evidence={step.evidence} />
            )}
          </div>
          <PredictPanel step={step} />
          <LiveEditNote step={step} />
        </div>
        {step.scoreboard === true && <StrategyScoreboard scenario={step.scenario} />}
      </div>

      <div className="tour-nav">
        <button
          type="button"
          onClick={tourActions.prev}
          disabled={atStart}
          aria-keyshortcuts="PageUp ArrowLeft"
        >
          ← Previous step
        </button>
        <span className="tour-count">
          step {stepIndex + 1} of {chapter.steps.length}
        </span>
        <button
          type="button"
          className="primary"
          onClick={tourActions.next}
          disabled={atEnd}
          aria-keyshortcuts="PageDown ArrowRight Space"
        >
          Next step →
        </button>
        <span className="tour-play">
          {asking
            ? "question open"
            : halted
              ? `stopped at ${target} ms`
              : `playing to ${target ?? "…"} ms`}
        </span>
        <button
          type="button"
          onClick={tourActions.replay}
          disabled={asking}
          aria-keyshortcuts="R"
          title="Play this step's moment again, slowly (R)"
        >
          Replay (R)
        </button>
        <KitButtons />
        <button type="button" onClick={tourActions.exit} aria-keyshortcuts="Escape">
          Leave tour
        </button>
      </div>
    </section>
  );
}
