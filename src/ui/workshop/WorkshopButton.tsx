import "./workshop.css";
import { useEffect } from "react";
import { useAppStore } from "../../app/app-store";
import { useLinkStore } from "../../app/link-store";
import { shortExerciseLink } from "../../url/view";
import { ExerciseBanner } from "./ExerciseBanner";
import { exerciseSession } from "./exercise-session";
import { WorkshopPanel } from "./WorkshopPanel";
import { useWorkshopStore, workshop } from "./workshop-store";

/**
 * The header's Workshop button, its dialog and the exercise banner. It also
 * reacts to opened links: a link with sweep settings opens the dialog with
 * them filled in, and a link naming an exercise (`ex=<id>`) makes it the
 * active one and checks the scenario it brought, without marking anything
 * solved in this browser. A short link, `#ex=<id>` alone, starts the exercise.
 */
export function WorkshopButton() {
  const open = useWorkshopStore((s) => s.open);

  useEffect(() => {
    const onOpened = () => {
      const view = useLinkStore.getState().openedView;
      if (view.sweep !== undefined) {
        workshop.fromView(view.sweep);
        workshop.setOpen(true);
      }
      if (view.exercise !== undefined)
        exerciseSession.openFromLink(view.exercise, useAppStore.getState().scenario);
    };
    // A short link, `#ex=<id>`, opens the exercise's start (a scenario link is link-sync's).
    const onShort = () => {
      const id = shortExerciseLink(window.location.hash);
      if (id !== null) exerciseSession.start(id);
    };
    if (typeof window === "undefined") return;
    // A link opened before this mounted (the page's own URL) counts too.
    if (window.location.hash.includes("s=")) onOpened();
    else onShort();
    window.addEventListener("hashchange", onShort);
    const off = useLinkStore.subscribe((s, prev) => {
      if (s.openedView !== prev.openedView) onOpened();
    });
    return () => {
      off();
      window.removeEventListener("hashchange", onShort);
    };
  }, []);

  return (
    <>
      <button type="button" onClick={() => workshop.setOpen(!open)} aria-expanded={open}>
        Workshop
      </button>
      {open && <WorkshopPanel />}
      <ExerciseBanner />
    </>
  );
}
