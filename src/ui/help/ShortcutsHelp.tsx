import { useEffect, useId, useState } from "react";
import { useModalDialog } from "../use-modal-dialog";

const PLAYBACK_KEYS: Array<[string, string]> = [
  ["Space", "Play or pause"],
  ["→ / ←", "Step to the next / previous event"],
  ["Home / End", "Jump to the start / the end of the run"],
  ["Ctrl+Z / ⌘Z", "Undo the last change to the scenario"],
  ["?", "Show this list"],
];

const TOUR_KEYS: Array<[string, string]> = [
  ["Space, →, PageDown", "Next step (on a question: reveal the answer first)"],
  ["←, PageUp", "Previous step"],
  ["Home / End", "First / last step"],
  ["1–7", "Go to a chapter"],
  ["1–4", "While a question is open: the room's answer"],
  ["R", "Replay the step's moment slowly"],
  ["B or .", "Blank the screen (again to show it)"],
  ["F", "Full screen"],
  ["P", "Presenter mode (large type)"],
  ["Q", "The run's link as a QR code for the room (Q or Escape closes it)"],
  ["S", "Speaker view in a second window: notes, next step, timer"],
  ["Escape", "Leave the tour (not in presenter mode)"],
];

/** Keys typed into a field belong to it. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

function KeyTable({ caption, rows }: { caption: string; rows: Array<[string, string]> }) {
  return (
    <table className="shortcuts-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([keys, what]) => (
          <tr key={keys}>
            <th scope="row">
              <kbd>{keys}</kbd>
            </th>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The "?" button and the `?` key: every keyboard shortcut on one screen. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  const titleId = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "?" || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="help-button"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="Shift+?"
        title="Keyboard shortcuts (?)"
        onClick={() => setOpen(true)}
      >
        ?
      </button>
      <dialog
        ref={dialog}
        className="shortcuts-help"
        data-open={open ? "true" : "false"}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
      >
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <KeyTable caption="On the simulator" rows={PLAYBACK_KEYS} />
        <KeyTable caption="In the tour" rows={TOUR_KEYS} />
        <form method="dialog">
          <button type="submit" onClick={() => setOpen(false)}>
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
