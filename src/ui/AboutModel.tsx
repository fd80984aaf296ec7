import { useId, useState } from "react";
import modelDoc from "../../docs/model.md?raw";
import { GlossaryButton } from "./help/Glossary";
import { Markdown } from "./Markdown";
import { useModalDialog } from "./use-modal-dialog";

/** KIP-101, the Kafka change that truncates by leader epoch instead of by high watermark. */
export const KIP_101_URL =
  "https://cwiki.apache.org/confluence/display/KAFKA/KIP-101+-+Alter+Replication+Protocol+to+use+Leader+Epoch+rather+than+High+Watermark+for+Truncation";

/**
 * "About the model": what in the simulation behaves like the real systems,
 * and where it simplifies (docs/model.md is the long form). Linked from the
 * header, so every scenario is one click from it.
 */
export function AboutModel() {
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  const titleId = useId();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        About the model
      </button>
      <dialog
        ref={dialog}
        className="about-model"
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
      >
        <h2 id={titleId}>About the model</h2>
        <h3>What behaves like the real thing</h3>
        <ul>
          <li>
            Each directed link is one connection, delivering in send order with its own delay and
            loss; a reorder spike stands for a retry on another connection, a duplicate for a
            resend. Partitions cut messages at delivery time; a crash cuts the messages to the
            crashed node.
          </li>
          <li>
            Dual writes are the application's own calls to each store, in turn or at once. A timeout
            is ambiguous, so a resent increment applies twice, in one database too, unless
            Deduplicate retries is on (idempotency keys, an idempotent producer, consumers that skip
            what their store applied).
          </li>
          <li>
            The log is Kafka-like: leader and followers, an in-sync replica set kept by Kafka's
            caught-up rule, a high watermark, acks 0 / 1 / all with min.insync.replicas, clean or
            unclean elections, offline partitions (unavailable, not lost), and truncation by leader
            epoch (
            <a href={KIP_101_URL} target="_blank" rel="noopener noreferrer">
              KIP-101
            </a>
            ) — so an acks=1 record can really be lost.
          </li>
          <li>
            Consumers read from their committed offset: commit before applying (at most once), after
            (at least once), or with the store's own state (effectively once).
          </li>
          <li>
            Change data capture tails the db's commit log in commit order, publishes each row's new
            value, and re-sends what it had not flushed after a crash.
          </li>
        </ul>
        <h3>Where it simplifies</h3>
        <ul>
          <li>
            Metadata is instant and the one controller never fails; a dead broker is noticed after a
            delay.
          </li>
          <li>
            Broker logs survive a process crash; a power loss of every replica together is not
            modelled.
          </li>
          <li>
            No transactions; without deduplication a retried produce can append a record twice.
          </li>
          <li>
            No consumer groups or rebalancing: one consumer per store, owning every partition.
          </li>
          <li>
            A consumer applies to its store locally, 2 ms a record; stores are single nodes, the
            cache forgets on a crash and a miss reads the db, then fills the cache (cache-aside).
          </li>
          <li>
            A client handles one operation at a time; times are whole simulated milliseconds, scaled
            down from Kafka's defaults.
          </li>
        </ul>
        <p>
          The words (acks, ISR, high watermark, leader epoch, offset, commit policy, idempotency
          key, cache-aside) are explained in the <GlossaryButton label="glossary" />.
        </p>
        {/* The long form is shown here, not linked: it is the copy this build runs, offline too. */}
        <details className="model-doc">
          <summary>The long form: docs/model.md</summary>
          <Markdown text={modelDoc} headingOffset={2} />
        </details>
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </dialog>
    </>
  );
}
