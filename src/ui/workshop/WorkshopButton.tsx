import "./workshop.css";
import { useEffect, useState } from "react";
import { useAppStore } from "../../app/app-store";
import { useLinkStore } from "../../app/link-store";
import type { Verdict } from "../../workshop/exercises";
import { exerciseOf, saveSolved } from "./exercise-progress";
import { WorkshopPanel } from "./WorkshopPanel";
import { useWorkshopStore, workshop } from "./workshop-store";

/**
 * The header's Workshop button and its dialog. It also reacts to opened links:
 * a link with sweep settings opens the dialog with them filled in, and a link
 * to an exercise's scenario is verified again and, if it passes, marked solved.
 */
export function WorkshopButton() {
  const open = useWorkshopStore((s) => s.open);
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({});

  useEffect(() => {
    const onOpened = () => {
      const view = useLinkStore.getState().openedView;
      const scenario = useAppStore.getState().scenario;
      if (view.sweep !== undefined) {
        workshop.fromView(view.sweep);
        workshop.setOpen(true);
      }
      const exercise = exerciseOf(scenario);
      if (exercise === undefined) return;
      const verdict = exercise.verify(scenario);
      if (verdict.ok) saveSolved(exercise.id, scenario);
      setVerdicts((v) => ({ ...v, [exercise.id]: verdict }));
      // Only a solution is worth interrupting for; a starting scenario opens quietly.
      if (verdict.ok) workshop.setOpen(true);
    };
    // A link opened before this mounted (the page's own URL) counts too.
    if (typeof window !== "undefined" && window.location.hash.includes("s=")) onOpened();
    return useLinkStore.subscribe((s, prev) => {
      if (s.openedView !== prev.openedView) onOpened();
    });
  }, []);

  return (
    <>
      <button type="button" onClick={() => workshop.setOpen(!open)} aria-expanded={open}>
        Workshop
      </button>
      {open && <WorkshopPanel verdicts={verdicts} />}
    </>
  );
}
