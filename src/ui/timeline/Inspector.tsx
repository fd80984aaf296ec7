import { type CauseIndex, indexOf } from "../../check/cause-index";
import {
  delayOf,
  effectOf,
  eventText,
  isSlowLink,
  linkOptions,
  range,
} from "../../check/cause-text";
import { eventsOf } from "../../sim/event-reader";
import { clientId } from "../../sim/topology";
import type { TraceEvent } from "../../sim/types";
import { causalParent } from "./causal";
import type { Geometry } from "./geometry";

interface Props {
  g: Geometry;
  seq: number;
  onSelect: (seq: number | null) => void;
}

const FIELDS: (keyof TraceEvent)[] = [
  "t",
  "seq",
  "type",
  "node",
  "peer",
  "msg",
  "ref",
  "write",
  "key",
  "value",
  "offset",
  "partition",
  "detail",
];

/** A sentence from the checker's words (cause-text.ts), which start with a node's own name. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The writes a crash or an election is about: the crashed client's own (its in-flight write). */
function writesFor(ix: CauseIndex, e: TraceEvent): number[] {
  if (e.write !== undefined) return [e.write];
  if (e.type === "crash" && e.node.startsWith("client-"))
    return ix.trace.writes.filter((w) => clientId(w.client) === e.node).map((w) => w.id);
  return [];
}

/** The event's text, in the checker's sentence for it (never a second copy of those words). */
export function eventSentence(ix: CauseIndex, e: TraceEvent): string {
  const i = ix.idxOfSeq.get(e.seq);
  return i === undefined ? `${e.type} on ${e.node}` : eventText(ix, i, writesFor(ix, e));
}

/**
 * How long a message took on its link, against what the link usually takes:
 * "took 40 ms on client-1 → search; other links take 5 ms".
 */
export function flightSentence(ix: CauseIndex, e: TraceEvent): string | null {
  if (e.type !== "send" && e.type !== "deliver" && e.type !== "drop") return null;
  const sendIdx =
    e.type === "send"
      ? ix.idxOfSeq.get(e.seq)
      : e.msg === undefined
        ? undefined
        : ix.sendOf.get(e.msg);
  if (sendIdx === undefined) return null;
  const events = eventsOf(ix.trace);
  const send = events.get(sendIdx);
  if (send.peer === undefined) return null;
  const link = `${send.node} → ${send.peer}`;
  const trace = ix.trace;
  const usual = isSlowLink(trace, send.node, send.peer)
    ? `other links take ${range(trace.scenario.network.default)}`
    : `this link usually takes ${range(linkOptions(trace, send.node, send.peer))}`;
  const delay = delayOf(ix, sendIdx);
  if (delay === null) {
    const end = e.msg === undefined ? undefined : ix.recvOf.get(e.msg);
    if (end !== undefined && events.type(end) === "drop")
      return `Lost ${events.t(end) - send.t} ms after it left, on ${link}; ${usual}.`;
    return `Still in flight when the run ended, on ${link}; ${usual}.`;
  }
  return `Took ${delay} ms on ${link}; ${usual}.`;
}

/**
 * The selected event in sentences (what happened, how long its message took,
 * which operation it serves) and the event that caused it, one click away.
 * The raw fields stay behind a disclosure for those who want them.
 */
export function Inspector({ g, seq, onSelect }: Props) {
  const e = g.eventBySeq(seq);
  if (!e) return null;
  const ix = indexOf(g.trace);
  const parent = causalParent(g, e);
  const flight = flightSentence(ix, e);
  const write = e.write !== undefined ? ix.writes.get(e.write) : undefined;
  return (
    <section className="tl-inspector" aria-label="Event inspector" data-testid="timeline-inspector">
      <header>
        <strong>{e.type}</strong> on {e.node} at {e.t} ms
        <button
          type="button"
          className="tl-close"
          aria-label="Close inspector"
          onClick={() => onSelect(null)}
        >
          ×
        </button>
      </header>
      <p className="tl-sentence" data-testid="timeline-sentence">
        {sentence(eventSentence(ix, e))}
      </p>
      {flight && <p className="tl-flight">{flight}</p>}
      {write && e.type !== "invoke" && (
        <p className="tl-write">
          Part of {clientId(write.client)}'s{" "}
          {write.op === "read" ? `read of ${write.key}` : `write of ${effectOf(ix, write.id)}`},
          started at {write.at} ms.
        </p>
      )}
      <p className="tl-parent" data-testid="timeline-parent">
        Caused by:{" "}
        {parent ? (
          <button type="button" className="tl-link" onClick={() => onSelect(parent.seq)}>
            {sentence(eventSentence(ix, parent))} ({parent.t} ms)
          </button>
        ) : (
          <span>nothing earlier (this event starts the chain)</span>
        )}
      </p>
      <details className="tl-raw">
        <summary>Raw fields</summary>
        <dl>
          {FIELDS.filter((f) => e[f] !== undefined).map((f) => (
            <div key={f}>
              <dt>{f}</dt>
              <dd>{String(e[f])}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
