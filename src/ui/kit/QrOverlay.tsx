import { useEffect, useId, useState } from "react";
import { useAppStore } from "../../app/app-store";
import { useTourStore } from "../../tour/tour-store";
import { useModalDialog } from "../use-modal-dialog";
import { kitActions } from "./kit-store";
import { QrCode } from "./QrCode";
import { type RoomLinks, roomLinks } from "./room-links";

/** Without the scheme: what a person types from the screen. */
const readable = (url: string) => url.replace(/^https?:\/\//, "");

/**
 * The room's code: the current run's share link as a QR code filling most of
 * the screen, the link itself beneath it, and its short form when there is
 * one. Follows the tour while open; Q, Escape or Close puts it away.
 */
export function QrOverlay() {
  const dialog = useModalDialog(true);
  const titleId = useId();
  const scenario = useAppStore((s) => s.scenario);
  const open = useTourStore((s) => s.open);
  const chapter = useTourStore((s) => s.chapter);
  const step = useTourStore((s) => s.step);
  const halted = useTourStore((s) => s.halted);
  const [links, setLinks] = useState<RoomLinks>(roomLinks);
  // The link follows what is on screen: another step, an edit, a step that stopped.
  // biome-ignore lint/correctness/useExhaustiveDependencies: these are the triggers, read through roomLinks()
  useEffect(() => setLinks(roomLinks()), [scenario, open, chapter, step, halted]);
  return (
    <dialog
      ref={dialog}
      className="qr-overlay"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        kitActions.closeQr();
      }}
    >
      <h2 id={titleId} className="qr-title">
        Scan to open this run on your device
      </h2>
      <QrCode text={links.link} label={`QR code of the link ${links.link}`} />
      <p className="qr-link">
        <span data-testid="qr-link">{links.link}</span>
      </p>
      {links.short !== null && (
        <p className="qr-short">
          Short link: <strong data-testid="qr-short">{readable(links.short)}</strong>
        </p>
      )}
      <button type="button" onClick={kitActions.closeQr} aria-keyshortcuts="Q Escape">
        Close (Q)
      </button>
    </dialog>
  );
}
