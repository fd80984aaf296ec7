import { useEffect } from "react";
import { CHAPTERS } from "../../tour/chapters";
import { isTourOpen, tourActions, useTourStore } from "../../tour/tour-store";

/** Keys typed into a field belong to it, even in the tour. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "SELECT" || tag === "TEXTAREA") return true;
  return (
    tag === "INPUT" && !["checkbox", "radio", "button"].includes((target as HTMLInputElement).type)
  );
}

function toggleFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen?.();
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** A key the tour takes and does nothing with. */
const NOTHING = () => {};

/** Keys that blank the screen and bring it back: B, and "." (many clickers' blank button). */
const BLANK_KEYS = new Set(["b", "B", "."]);

/** The clicker's keys while the tour is open; undefined = not a tour key. */
function tourCommand(key: string): (() => void) | undefined {
  const { blank, presenter, asking } = useTourStore.getState();
  if (BLANK_KEYS.has(key)) return tourActions.toggleBlank;
  // Behind a blank screen the step holds: only the keys that bring it back (and
  // full screen) act; the rest are swallowed, so nothing moves unseen.
  if (blank) {
    if (key === "Escape") return tourActions.toggleBlank;
    if (key === "f" || key === "F") return toggleFullScreen;
    return NOTHING;
  }
  switch (key) {
    case " ":
    case "PageDown":
    case "ArrowRight":
      return tourActions.next;
    case "PageUp":
    case "ArrowLeft":
      return tourActions.prev;
    case "Home":
      return tourActions.first;
    case "End":
      return tourActions.last;
    case "Escape":
      // Many clickers send Escape from their "slideshow" button: on stage it must not end the talk.
      return presenter ? NOTHING : tourActions.exit;
    case "f":
    case "F":
      return toggleFullScreen;
    case "r":
    case "R":
      return tourActions.replay;
    default: {
      // While a question is open, 1–4 answer it instead of jumping to a chapter.
      if (asking && /^[1-4]$/.test(key)) return () => tourActions.answer(Number(key) - 1);
      const chapter = Number(key);
      if (Number.isInteger(chapter) && chapter >= 1 && chapter <= CHAPTERS.length)
        return () => tourActions.goto(chapter - 1, 0);
      return undefined;
    }
  }
}

/**
 * Clicker keys. Listening on window in the capture phase runs before the app's
 * own shortcuts (bubble phase) and any focused widget; a handled key is
 * cancelled and stopped there, so Space or → moves the tour, never the
 * playhead, and a focused button is not also pressed by the same Space.
 */
export function useTourKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      if (e.key === "p" || e.key === "P") {
        e.preventDefault();
        tourActions.togglePresenter();
        return;
      }
      if (!isTourOpen()) return;
      const command = tourCommand(e.key);
      if (command === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      command();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, []);
}
