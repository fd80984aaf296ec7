import "./workshop.css";
import { useCallback, useEffect } from "react";
import { useAppStore } from "../../app/app-store";
import { useLinkStore } from "../../app/link-store";
import { shortExerciseLink } from "../../url/view";
import { ExerciseBanner } from "./ExerciseBanner";
import { exerciseSession } from "./exercise-session";
import { Facilitator } from "./Facilitator";
import { facilitator, roomViewOf, useFacilitatorStore } from "./facilitator-store";
import { Handout } from "./Handout";
import { absolute } from "./verdict-text";
import { WorkshopPanel } from "./WorkshopPanel";
import { useWorkshopStore, workshop } from "./workshop-store";

/**
 * The header's Workshop button, its dialog and the exercise banner. It also
 * reacts to opened links: a link with sweep settings opens the dialog with
 * them filled in, and a link naming an exercise (`ex=<id>`) makes it the
 * active one and checks the scenario it brought, without marking anything
 * solved in this browser. A short link, `#ex=<id>` alone, starts the exercise.
 * `#facilitator` (or a learner's `#proof=…`) opens the Facilitator view, and
 * `#handout` the printable handout.
 */
/** The page was reloaded (not opened from a link for the first time in this tab). */
function isReload(): boolean {
  const nav = performance.getEntriesByType?.("navigation")[0] as
    | PerformanceNavigationTiming
    | undefined;
  return nav?.type === "reload";
}

export function WorkshopButton() {
  const open = useWorkshopStore((s) => s.open);
  const room = useFacilitatorStore((s) => s.view);
  const closeRoom = useCallback(() => {
    facilitator.open(null);
    // Leave no `#facilitator` behind: the address bar goes back to the run's link.
    if (roomViewOf(window.location.hash).view !== null)
      window.history.replaceState(window.history.state, "", window.location.pathname);
  }, []);

  useEffect(() => {
    const onOpened = (reloaded = false) => {
      const view = useLinkStore.getState().openedView;
      if (view.sweep !== undefined) {
        workshop.fromView(view.sweep);
        workshop.setOpen(true);
      }
      if (view.exercise !== undefined)
        void exerciseSession.openFromLink(view.exercise, useAppStore.getState().scenario, reloaded);
    };
    // A short link, `#ex=<id>`, opens the exercise's start (a scenario link is link-sync's).
    const onShort = () => {
      const id = shortExerciseLink(window.location.hash);
      if (id !== null) exerciseSession.start(id);
      const asked = roomViewOf(window.location.hash);
      if (asked.view !== null) {
        workshop.setOpen(false);
        facilitator.open(asked.view);
        if (asked.proof !== undefined) void facilitator.addProof(absolute(asked.proof));
      }
    };
    if (typeof window === "undefined") return;
    // A link opened before this mounted (the page's own URL) counts too.
    if (window.location.hash.includes("s=")) onOpened(isReload());
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
      {room === "facilitator" && <Facilitator onClose={closeRoom} />}
      {room === "handout" && <Handout onClose={closeRoom} />}
      <ExerciseBanner />
    </>
  );
}
