import { create } from "zustand";

/**
 * The lanes the timeline shows while a tour step is on stage in presenter
 * mode (`stepLanes`); undefined: every lane. The tour's bar sets it, the
 * timeline's pane reads it: a tiny store of its own, so the page's timeline
 * needs nothing of the tour's chunk to read it.
 */
export const useLaneFocus = create<{ lanes: readonly string[] | undefined }>()(() => ({
  lanes: undefined,
}));
