import "./share.css";
import { useState } from "react";
import modelChanges from "../../docs/model-changes.md?raw";
import { dismissModelNotice, useLinkStore } from "../app/link-store";
import { MODEL_VERSION } from "../sim/model";
import { Markdown } from "./Markdown";
import { useModalDialog } from "./use-modal-dialog";

/** docs/model-changes.md, as the repository has it, in a dialog. */
function ModelChanges({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useModalDialog(open);
  return (
    <dialog
      ref={dialog}
      className="about-model model-changes"
      aria-label="Model changes"
      onClose={onClose}
    >
      <Markdown text={modelChanges} headingOffset={1} />
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}

/**
 * One line under the header when the opened link was made under an older
 * model version: its scenario is the same, but it replays under today's model,
 * so the run may differ from what its maker saw.
 */
export function ModelNotice() {
  const older = useLinkStore((s) => s.olderModel);
  const [open, setOpen] = useState(false);
  if (older === null) return null;
  return (
    <>
      <div className="model-notice" role="status">
        <p>
          This link was made with model {older} of the simulator; it now replays under model{" "}
          {MODEL_VERSION}, so the run may differ.{" "}
          <button
            type="button"
            className="link-button"
            aria-haspopup="dialog"
            onClick={() => setOpen(true)}
          >
            What changed
          </button>
        </p>
        <button type="button" className="model-notice-dismiss" onClick={dismissModelNotice}>
          Dismiss
        </button>
      </div>
      <ModelChanges open={open} onClose={() => setOpen(false)} />
    </>
  );
}
