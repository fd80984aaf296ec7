import { useEffect } from "react";
import { actions } from "../app/actions";
import { useAppStore } from "../app/app-store";
import { type PlaybackCommand, playback } from "../app/playback";

const TEXT_INPUTS = new Set(["text", "number", "search", "email", "url", "tel", "password"]);

/** Keys typed here belong to the focused control, not to playback. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "SELECT" || tag === "TEXTAREA") return true;
  // Space presses a focused button or ticks a box; let it.
  if (key === " " && (tag === "BUTTON" || tag === "A" || tag === "SUMMARY")) return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    if (TEXT_INPUTS.has(type)) return true;
    if (type === "checkbox" || type === "radio") return key === " ";
    // A range slider moves itself with arrows and Home/End.
    if (type === "range") return key !== " ";
  }
  return false;
}

function commandFor(key: string): PlaybackCommand | undefined {
  switch (key) {
    case " ":
      return { type: "TOGGLE" };
    case "ArrowLeft":
      return { type: "STEP_BACK" };
    case "ArrowRight":
      return { type: "STEP_FORWARD" };
    case "Home":
      return { type: "SEEK", t: 0 };
    case "End":
      return { type: "SEEK", t: useAppStore.getState().trace.endTime };
    default:
      return undefined;
  }
}

/**
 * Space play/pause, arrows step, Home/End jump to the start or the end of the
 * run; Ctrl+Z / Cmd+Z undoes the last scenario edit.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A focused widget (the timeline, say) that handled the key itself wins.
      if (e.defaultPrevented || e.altKey) return;
      // Ctrl+Z / Cmd+Z undoes the last scenario edit, unless a text field undoes its own typing.
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && (e.key === "z" || e.key === "Z")) {
        if (ownsKey(e.target, e.key)) return;
        if (actions.undo()) e.preventDefault();
        return;
      }
      if (e.ctrlKey || e.metaKey) return;
      if (ownsKey(e.target, e.key)) return;
      const command = commandFor(e.key);
      if (command === undefined) return;
      e.preventDefault();
      playback.send(command);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
