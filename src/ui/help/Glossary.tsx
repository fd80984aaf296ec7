import { type ReactNode, useEffect, useId, useState } from "react";
import { createPortal } from "react-dom";
import { useModalDialog } from "../use-modal-dialog";

export type GlossaryId =
  | "acks"
  | "isr"
  | "min-insync"
  | "high-watermark"
  | "above-hw"
  | "leader-epoch"
  | "truncated"
  | "offset"
  | "commit-policy"
  | "idempotency-key"
  | "cache-aside";

/** The words the Log panel and the model use, each in a sentence or two. */
export const GLOSSARY: ReadonlyArray<{ id: GlossaryId; term: string; meaning: string }> = [
  {
    id: "acks",
    term: "acks",
    meaning:
      "How many replicas must have a record before the producer hears it is written: 0 (none, fire and forget), 1 (the leader only) or all (every in-sync replica).",
  },
  {
    id: "isr",
    term: "ISR (in-sync replicas)",
    meaning:
      "The replicas that are caught up with the leader. With acks=all a write waits for all of them; a follower that falls behind for too long leaves the ISR, and only an ISR member may become leader in a clean election.",
  },
  {
    id: "min-insync",
    term: "min.insync.replicas",
    meaning:
      "With acks=all, the fewest in-sync replicas (the leader included) that must remain for a write to be accepted; with fewer, the producer's writes are refused rather than kept on too few copies.",
  },
  {
    id: "high-watermark",
    term: "High watermark",
    meaning:
      "The offset up to which every in-sync replica has the log. Consumers read only below it, so they never see a record that a failover could still take back; records above it are not yet safe.",
  },
  {
    id: "above-hw",
    term: "Above HW",
    meaning:
      "A record at or past the high watermark: the leader has it but not every in-sync replica does yet. Consumers do not see it, and if the leader fails now it can be lost.",
  },
  {
    id: "leader-epoch",
    term: "Leader epoch",
    meaning:
      "A number that goes up with every new leader. A returning broker compares epochs with the new leader and truncates what the old leader wrote but nobody else kept (Kafka's KIP-101).",
  },
  {
    id: "truncated",
    term: "Truncated",
    meaning:
      "Cut from a broker's log: a record the old leader wrote in an earlier leader epoch that the new leader never had. The broker drops it to match the new leader — with acks=1, a record the producer was told was written is gone.",
  },
  {
    id: "offset",
    term: "Offset",
    meaning:
      "A record's position in its partition's log: 0, 1, 2, … Every consumer reads in offset order, which is why all stores fed from the log apply changes in the same order.",
  },
  {
    id: "commit-policy",
    term: "Commit policy",
    meaning:
      "When a consumer saves how far it has read: before applying a record (at most once: a crash loses it), after (at least once: a crash applies it again), or together with the store's own state (effectively once).",
  },
  {
    id: "idempotency-key",
    term: "Idempotency key",
    meaning:
      "An id sent with a write so that a retry of the same write is recognised and applied once, not twice (Deduplicate retries in Break it live).",
  },
  {
    id: "cache-aside",
    term: "Cache-aside",
    meaning:
      "The application reads the cache first; on a miss it reads the db and fills the cache itself. A crash of the cache empties it; the next miss fills it again.",
  },
];

export function meaningOf(id: GlossaryId): string {
  return GLOSSARY.find((g) => g.id === id)?.meaning ?? "";
}

/** The glossary dialog; `focus` marks and scrolls to one term. */
function GlossaryDialog({
  open,
  focus,
  onClose,
}: {
  open: boolean;
  focus: GlossaryId | null;
  onClose: () => void;
}) {
  const dialog = useModalDialog(open);
  const titleId = useId();
  useEffect(() => {
    if (open) dialog.current?.querySelector(".current")?.scrollIntoView?.({ block: "nearest" });
  }, [open, dialog]);
  // On the body: terms sit inside paragraphs, which may not hold a dialog.
  return createPortal(
    <dialog
      ref={dialog}
      className="shortcuts-help glossary"
      aria-labelledby={titleId}
      data-open={open ? "true" : "false"}
      onClose={onClose}
    >
      <h2 id={titleId}>Glossary</h2>
      <dl>
        {GLOSSARY.map(({ id, term, meaning }) => (
          <div key={id} id={`glossary-${id}`} className={id === focus ? "current" : undefined}>
            <dt>{term}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>,
    document.body,
  );
}

/** A "Glossary" button and its dialog; `label` names the button where it sits. */
export function GlossaryButton({ label = "Glossary" }: { label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link-button glossary-link" onClick={() => setOpen(true)}>
        {label}
      </button>
      <GlossaryDialog open={open} focus={null} onClose={() => setOpen(false)} />
    </>
  );
}

/**
 * A term where it is used: hover (or focus) shows its meaning, a click or
 * Enter opens the glossary at it. The dialog is made only once asked for, so
 * a panel full of terms stays light.
 */
export function GlossaryTerm({ id, children }: { id: GlossaryId; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const meaning = meaningOf(id);
  return (
    <>
      <button
        type="button"
        className="glossary-term"
        title={meaning}
        aria-haspopup="dialog"
        data-term={id}
        onClick={() => setOpen(true)}
      >
        {children}
      </button>
      {open && <GlossaryDialog open focus={id} onClose={() => setOpen(false)} />}
    </>
  );
}
