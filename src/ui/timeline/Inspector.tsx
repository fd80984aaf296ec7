import type { TraceEvent } from "../../sim/types";
import { causalParent, describeEvent } from "./causal";
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

/** The selected event, field by field, and the event that caused it (one click to jump there). */
export function Inspector({ g, seq, onSelect }: Props) {
  const e = g.eventBySeq(seq);
  if (!e) return null;
  const parent = causalParent(g, e);
  const write = e.write !== undefined ? g.trace.writes.find((w) => w.id === e.write) : undefined;
  return (
    <section className="tl-inspector" aria-label="Event inspector" data-testid="timeline-inspector">
      <header>
        <strong>{e.type}</strong> on {e.node}
        <button
          type="button"
          className="tl-close"
          aria-label="Close inspector"
          onClick={() => onSelect(null)}
        >
          ×
        </button>
      </header>
      <dl>
        {FIELDS.filter((f) => e[f] !== undefined).map((f) => (
          <div key={f}>
            <dt>{f}</dt>
            <dd>{String(e[f])}</dd>
          </div>
        ))}
      </dl>
      {write && (
        <p className="tl-write">
          Write #{write.id}: client-{write.client} {write.op} {write.key}
          {write.op === "read" ? "" : ` ${write.value}`} at {write.at} ms
        </p>
      )}
      <p className="tl-parent" data-testid="timeline-parent">
        Caused by:{" "}
        {parent ? (
          <button type="button" className="tl-link" onClick={() => onSelect(parent.seq)}>
            {describeEvent(parent)}
          </button>
        ) : (
          <span>nothing earlier (this event starts the chain)</span>
        )}
      </p>
    </section>
  );
}
