/**
 * The tour store as the speaker view's host sees it (see speaker-sync.ts):
 * its position, its changes, and its public actions for the speaker's commands.
 */
import type { SpeakerCommand, SpeakerTour, SpeakerTourView } from "./speaker-sync";
import { tourActions, useTourStore } from "./tour-store";

function view(): SpeakerTourView {
  const { open, chapter, step, presenter, blank } = useTourStore.getState();
  return { open, chapter, step, presenter, blank };
}

const MOVES = {
  next: tourActions.next,
  prev: tourActions.prev,
  first: tourActions.first,
  last: tourActions.last,
} as const;

function apply(command: SpeakerCommand): void {
  const { open } = useTourStore.getState();
  if (command.type === "start") {
    if (!open) tourActions.start();
  } else if (command.type === "blank") {
    // Blanking means something only while the tour is on screen.
    if (open) tourActions.toggleBlank();
  } else if (command.type === "goto") tourActions.goto(command.chapter, command.step);
  else MOVES[command.type]();
}

export const speakerTour: SpeakerTour = {
  view,
  apply,
  subscribe: (listener) =>
    useTourStore.subscribe((s, prev) => {
      if (
        s.open !== prev.open ||
        s.chapter !== prev.chapter ||
        s.step !== prev.step ||
        s.presenter !== prev.presenter ||
        s.blank !== prev.blank
      )
        listener();
    }),
};
