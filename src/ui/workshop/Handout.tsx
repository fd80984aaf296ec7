import QRCode from "qrcode";
import { useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { EXERCISES } from "../../workshop/exercises";
import { absolute } from "./verdict-text";

/** While the handout is open, print shows only the handout. */
const BODY_CLASS = "has-handout";

/** The short link to an exercise's start, as printed and as its QR code says. */
export const exerciseLink = (id: string): string => absolute(`#ex=${id}`);

/** A QR code as an SVG data URL (no canvas needed). */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function Qr({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    qrDataUrl(text).then(
      (url) => live && setSrc(url),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [text]);
  if (error !== null) return <p className="verdict fail">No QR code: {error}</p>;
  if (src === null) return <p className="hint">Drawing the QR code…</p>;
  return <img className="handout-qr" src={src} alt={label} data-link={text} />;
}

/**
 * A one-page handout for the room: every exercise with its goal, what may
 * change, and a QR code of its link. Print it (print shows only the sheet).
 */
export function Handout({ onClose }: { onClose: () => void }) {
  const sheet = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    document.body.classList.add(BODY_CLASS);
    sheet.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      document.body.classList.remove(BODY_CLASS);
      window.removeEventListener("keydown", onKey);
    };
  }, [onClose]);
  const view = (
    <div
      ref={sheet}
      className="handout"
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
    >
      <div className="handout-actions">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
        <span className="hint">One page; print shows only the handout.</span>
      </div>
      <h2 id={`${id}-title`}>Inside Out workshop: exercises</h2>
      <p className="handout-how">
        Scan a code (or type its link) to open the exercise. Change only what it says, press{" "}
        <strong>Check</strong>. When it passes, open <strong>Proof for the facilitator</strong>, add
        your name if you like, and paste the proof link in the room's chat.
      </p>
      <ol className="handout-list">
        {EXERCISES.map((e) => {
          const link = exerciseLink(e.id);
          return (
            <li key={e.id} className="handout-item">
              <Qr text={link} label={`QR code of exercise ${e.number}'s link`} />
              <div>
                <h3>
                  {e.number}. {e.title}
                </h3>
                <p>{e.goal}</p>
                <p className="handout-may">{e.mayChange}</p>
                <p className="handout-link">{link}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
  return createPortal(view, document.body);
}
