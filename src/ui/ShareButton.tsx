import { useMachine } from "@xstate/react";
import { useEffect, useRef } from "react";
import { shareLink } from "../app/link-sync";
import { shareMachine } from "../app/share-machine";

const MANUAL_HINT = "Copy the link below (Ctrl+C, or ⌘C on a Mac).";

/** Copies the link to this run; falls back to a selected field when the clipboard says no. */
export function ShareButton() {
  const [snapshot, send] = useMachine(shareMachine);
  const manual = snapshot.matches("manual");
  // The hint is spoken through the status too; on screen it sits beside the field.
  const message = snapshot.matches("copied") ? "Link copied" : manual ? MANUAL_HINT : "";
  return (
    <div className="share">
      <button type="button" onClick={() => send({ type: "SHARE", link: shareLink() })}>
        Share
      </button>
      {/* Always in the page, so screen readers hear the text when it changes. */}
      <span role="status" className={manual ? "visually-hidden" : "share-status"}>
        {message}
      </span>
      {manual && (
        <ManualCopy link={snapshot.context.link} onClose={() => send({ type: "DISMISS" })} />
      )}
    </div>
  );
}

function ManualCopy({ link, onClose }: { link: string; onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <div className="share-manual">
      <p aria-hidden="true">{MANUAL_HINT}</p>
      <input
        ref={input}
        readOnly
        value={link}
        aria-label="Link to this run"
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={(e) => {
          if (e.key === "Escape") onClose();
        }}
      />
      <button type="button" className="small" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
