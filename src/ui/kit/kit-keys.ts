import { isTourOpen, useTourStore } from "../../tour/tour-store";
import { kitActions, useKitStore } from "./kit-store";
import { isSpeakerWindow, openSpeakerWindow } from "./speaker-window";

/** Keys typed into a field belong to it. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "SELECT" || tag === "TEXTAREA") return true;
  return (
    tag === "INPUT" && !["checkbox", "radio", "button"].includes((target as HTMLInputElement).type)
  );
}

/** Keys that keep their default actions inside the QR overlay. */
const DIALOG_KEYS = new Set(["Tab", "Enter"]);

/** Talk mode: the tour is on screen, or presenter mode is on. */
const inTalk = () => isTourOpen() || useTourStore.getState().presenter;

function onKey(e: KeyboardEvent): void {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const q = e.key === "q" || e.key === "Q";
  if (useKitStore.getState().qrOpen) {
    // The code is up: Q or Escape puts it away, and nothing moves behind it
    // (a clicker's Space or PageDown must not change the step the room is
    // scanning, nor press the focused Close button). Tab and Enter keep their
    // default actions: moving focus, pressing Close.
    if (q || e.key === "Escape") kitActions.closeQr();
    if (!DIALOG_KEYS.has(e.key)) e.preventDefault();
    e.stopImmediatePropagation();
    return;
  }
  if (!inTalk() || typing(e.target)) return;
  // Another dialog (shortcuts, glossary…) is open: its keys are its own.
  if (document.querySelector("dialog[open]") !== null) return;
  const s = e.key === "s" || e.key === "S";
  if (!q && !s) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  if (q) kitActions.openQr();
  else openSpeakerWindow();
}

let installed = false;

/**
 * Q (the room's QR code) and S (the speaker view), in talk mode. Installed once
 * when this module loads, on window in the capture phase, so it is registered
 * before the tour's clicker keys and can hold them while the QR code is up.
 * Not in a speaker window, which drives the tour through its own keys.
 */
export function installKitKeys(win: Window = window): void {
  if (installed || isSpeakerWindow(win.location.search)) return;
  installed = true;
  win.addEventListener("keydown", onKey, { capture: true });
}
