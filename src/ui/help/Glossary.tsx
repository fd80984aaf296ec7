import { useId, useState } from "react";
import { useModalDialog } from "../use-modal-dialog";

/** The words the Log panel and the model use, each in a sentence or two. */
export const GLOSSARY: ReadonlyArray<{ term: string; meaning: string }> = [
  {
    term: "acks",
    meaning:
      "How many replicas must have a record before the producer hears it is written: 0 (none, fire and forget), 1 (the leader only) or all (every in-sync replica).",
  },
  {
    term: "ISR (in-sync replicas)",
    meaning:
      "The replicas that are caught up with the leader. With acks=all a write waits for all of them; min.insync.replicas says how few may remain before writes are refused.",
  },
  {
    term: "High watermark",
    meaning:
      "The offset up to which every in-sync replica has the log. Consumers read only below it, so they never see a record that a failover could still take back; records above it are not yet safe.",
  },
  {
    term: "Leader epoch",
    meaning:
      "A number that goes up with every new leader. A returning broker compares epochs with the new leader and truncates what the old leader wrote but nobody else kept (Kafka's KIP-101).",
  },
  {
    term: "Offset",
    meaning:
      "A record's position in its partition's log: 0, 1, 2, … Every consumer reads in offset order, which is why all stores fed from the log apply changes in the same order.",
  },
  {
    term: "Commit policy",
    meaning:
      "When a consumer saves how far it has read: before applying a record (at most once: a crash loses it), after (at least once: a crash applies it again), or together with the store's own state (effectively once).",
  },
  {
    term: "Idempotency key",
    meaning:
      "An id sent with a write so that a retry of the same write is recognised and applied once, not twice (Deduplicate retries in Break it live).",
  },
  {
    term: "Cache-aside",
    meaning:
      "The application reads the cache first; on a miss it reads the db and fills the cache itself. A crash of the cache empties it; the next miss fills it again.",
  },
];

/** A "Glossary" button and its dialog; `label` names the button where it sits. */
export function GlossaryButton({ label = "Glossary" }: { label?: string }) {
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  const titleId = useId();
  return (
    <>
      <button type="button" className="glossary-link" onClick={() => setOpen(true)}>
        {label}
      </button>
      <dialog
        ref={dialog}
        className="shortcuts-help glossary"
        aria-labelledby={titleId}
        data-open={open ? "true" : "false"}
        onClose={() => setOpen(false)}
      >
        <h2 id={titleId}>Glossary</h2>
        <dl>
          {GLOSSARY.map(({ term, meaning }) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </dialog>
    </>
  );
}
