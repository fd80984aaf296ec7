import { installKitKeys } from "./kit-keys";
import { kitActions } from "./kit-store";
import { openSpeakerWindow } from "./speaker-window";

// Q and S. The tour bar imports this module, so the keys are installed when the
// tour's chunk loads, before the tour mounts its clicker keys (see installKitKeys).
installKitKeys();

/** The tour bar's buttons for the room's QR code and the speaker view. */
export function KitButtons() {
  return (
    <span className="kit-buttons">
      <button
        type="button"
        onClick={kitActions.openQr}
        aria-keyshortcuts="Q"
        title="Show this run's link as a QR code for the room (Q)"
      >
        QR code
      </button>
      <button
        type="button"
        onClick={openSpeakerWindow}
        aria-keyshortcuts="S"
        title="Open the speaker view in a second window: notes, next step, timer (S)"
      >
        Speaker view
      </button>
    </span>
  );
}
