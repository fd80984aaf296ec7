import { useEffect } from "react";
import { tourActions, useTourStore } from "../../tour/tour-store";
import { TourBar } from "./TourBar";
import { useTourKeys } from "./use-tour-keys";
import "./tour.css";

/** Page-wide classes: presenter mode restyles the whole app, not just the tour bar. */
function usePageClasses(presenter: boolean, open: boolean): void {
  useEffect(() => {
    const root = document.documentElement.classList;
    root.toggle("presenter", presenter);
    root.toggle("tour-open", open);
    return () => {
      root.remove("presenter");
      root.remove("tour-open");
    };
  }, [presenter, open]);
}

/** Talk mode: the Tour and Presenter mode buttons, the caption bar, and the blanked screen. */
export function Tour() {
  const open = useTourStore((s) => s.open);
  const presenter = useTourStore((s) => s.presenter);
  const blank = useTourStore((s) => s.blank);
  useTourKeys();
  usePageClasses(presenter, open);
  return (
    <div className="tour">
      <div className="tour-launch">
        <button
          type="button"
          aria-pressed={open}
          onClick={open ? tourActions.exit : tourActions.start}
          title="The talk's seven chapters as guided steps"
        >
          Tour
        </button>
        <button
          type="button"
          aria-pressed={presenter}
          onClick={tourActions.togglePresenter}
          aria-keyshortcuts="P"
          title="Opens the tour in large type for a room; clicker keys: Space, PageDown, PageUp, Home, End, 1–7, F; B or . blanks the screen; 1–4 answer a question, R replays a moment slowly (P)"
        >
          Presenter mode
        </button>
      </div>
      {open && <TourBar />}
      {blank && (
        <button
          type="button"
          className="tour-blank"
          aria-label="Screen blanked: click, or press B, . or Escape, to show it again"
          onClick={tourActions.toggleBlank}
        />
      )}
    </div>
  );
}
