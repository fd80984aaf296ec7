import { create } from "zustand";
import type { RestoreError, ViewState } from "../url/index";

/**
 * Where a refused input came from decides what the page says and offers:
 * a bad link replaces nothing but offers the default scenario; a bad file
 * leaves the current scenario as it was; an unreadable view part of an
 * otherwise good link is only a note.
 */
export type InputSource = "link" | "file" | "view";

export interface InputProblem {
  source: InputSource;
  error: RestoreError;
  /** The file's name, for `file` problems: people import several in a row. */
  fileName?: string;
}

interface LinkState {
  problem: InputProblem | null;
  /**
   * The view the last opened link asked for. Playhead and strategy are applied
   * on opening; compare and tour are kept here for the views that show them.
   */
  openedView: ViewState;
  /**
   * The model version of the opened link when it is older than the simulator's
   * (`MODEL_VERSION`): the run replays under the current model, and the page
   * says so until dismissed. Null otherwise.
   */
  olderModel: number | null;
}

export const useLinkStore = create<LinkState>()(() => ({
  problem: null,
  openedView: {},
  olderModel: null,
}));

export function reportProblem(problem: InputProblem): void {
  useLinkStore.setState({ problem });
}

export function clearProblem(): void {
  useLinkStore.setState({ problem: null });
}

export function dismissModelNotice(): void {
  useLinkStore.setState({ olderModel: null });
}

export function resetLinkStore(): void {
  useLinkStore.setState({ problem: null, openedView: {}, olderModel: null });
}
