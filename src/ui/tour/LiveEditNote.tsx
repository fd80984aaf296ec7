import { useMemo } from "react";
import { useAppStore } from "../../app/app-store";
import { useUndoStore } from "../../app/undo";
import { tourActions, useTourStore } from "../../tour/tour-store";
import type { TourStep } from "../../tour/types";
import { scenarioChanges } from "../../workshop/scenario-diff";
import { driftText } from "../help/story-changes";

/**
 * A step's caption tells its run as written ("the index ends with A"). After
 * a live edit (Break it live, a setting, the strategy) the run on screen may
 * say otherwise, so the bar names what was changed and offers the step's own
 * run back. Edits are what Undo records: loading a step clears them, so a
 * step on its way in never shows this.
 */
export function LiveEditNote({ step }: { step: TourStep }) {
  const edited = useUndoStore((s) => s.past.length > 0);
  const scenario = useAppStore((s) => s.scenario);
  const changes = useMemo(
    () => (edited ? scenarioChanges(step.scenario, scenario).map((c) => c.text) : []),
    [edited, step, scenario],
  );
  if (changes.length === 0) return null;
  const back = () => {
    const { chapter, step: index } = useTourStore.getState();
    tourActions.goto(chapter, index);
  };
  return (
    <p className="tour-live-edit" data-testid="tour-live-edit">
      Changed live: {driftText(changes)}. The caption tells the step as written; the timeline shows
      your run.{" "}
      <button type="button" className="link-button" onClick={back}>
        Back to the step's run
      </button>
    </p>
  );
}
