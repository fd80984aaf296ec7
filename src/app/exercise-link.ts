/**
 * The workshop exercise the visitor is working on, as the address bar sees
 * it: while one is active the link keeps `ex=<id>`, so a reload or a shared
 * link carries the exercise along with the edited scenario. The workshop's
 * session (src/ui/workshop) sets it; link sync reads it (src/app cannot import
 * the page's UI, so the id meets here).
 */
import { create } from "zustand";
import type { ExerciseId } from "../url/workshop-names";

export const useActiveExercise = create<{ exercise: ExerciseId | null }>()(() => ({
  exercise: null,
}));

export function setActiveExercise(exercise: ExerciseId | null): void {
  if (useActiveExercise.getState().exercise !== exercise) useActiveExercise.setState({ exercise });
}
