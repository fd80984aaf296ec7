import { memo, type ReactNode, useState } from "react";
import type { EventType } from "../../sim/types";
import { COLORS, LETTER_COLORS } from "./layout";
import { KINDS, type MarkKind } from "./mark-kinds";
import { DROP_SHAPE, isFilled, markStyle, shapePath } from "./marks";
import { cssColor } from "./palette";

const W = 26;
const H = 14;

const line = (color: string, dash?: string) => (
  <line
    x1={2}
    y1={11}
    x2={22}
    y2={3}
    style={{ stroke: cssColor(color) }}
    strokeWidth={1.4}
    strokeDasharray={dash}
  />
);

const stroke = (color: string) => ({ stroke: color, fill: "none" });
const letter = (l: string) => `var(--tl-letter-${l}, ${LETTER_COLORS[l]})`;

function eventSwatch(type: EventType): ReactNode {
  const s = markStyle(type);
  const filled = isFilled(s.shape);
  return (
    <path
      d={shapePath(s.shape, W / 2, H / 2, 4)}
      style={{ fill: filled ? cssColor(s.color) : "none", stroke: cssColor(s.color) }}
      strokeWidth={filled ? 0 : 1.5}
    />
  );
}

/** The small drawing beside each kind's name: the same shapes and styles the plot uses. */
function swatch(kind: MarkKind, uid: string): ReactNode {
  switch (kind) {
    case "message":
      return (
        <>
          {line(COLORS.arrow)}
          <path d="M22,3l-5.5,0.4l2,3.6Z" style={{ fill: cssColor(COLORS.arrow) }} />
        </>
      );
    case "in-flight":
      return line(COLORS.arrow, "2 2");
    case "dropped":
      return (
        <>
          {line(COLORS.drop)}
          <path
            d={shapePath(DROP_SHAPE, 21, 4, 3.5)}
            style={{ stroke: COLORS.drop, fill: "none" }}
            strokeWidth={1.6}
          />
        </>
      );
    case "duplicate-message":
      return line(COLORS.dup, "4 2");
    case "down":
      return <rect x={1} y={2} width={24} height={10} fill={`url(#${uid}-hatch)`} />;
    case "partitioned":
      return <rect x={1} y={2} width={24} height={10} fill={COLORS.partition} opacity={0.3} />;
    case "anomaly-isolation":
      return (
        <path className="tl-am tl-am-link" d="M3,2L23,12M3,12L23,2" style={stroke(letter("I"))} />
      );
    case "anomaly-consistency":
      return (
        <>
          <line x1={1} x2={25} y1={5} y2={5} className="tl-lane-rule" />
          <path className="tl-am tl-am-bar" d="M5,10H21" style={stroke(letter("C"))} />
        </>
      );
    case "anomaly-atomicity":
      return (
        <path
          className="tl-am tl-am-ghost"
          d={shapePath("ring", W / 2, H / 2, 5)}
          style={stroke(letter("A"))}
        />
      );
    case "anomaly-durability":
      return (
        <>
          <path className="tl-am tl-am-link" d="M2,12L17,4" style={stroke(letter("D"))} />
          <path
            className="tl-am tl-am-loss"
            d={shapePath(DROP_SHAPE, 20, 5, 4)}
            style={stroke(letter("D"))}
          />
        </>
      );
    case "anomaly-duplicate":
      return (
        <>
          <circle cx={4} cy={5} r={2.5} style={{ fill: COLORS.apply }} />
          <circle cx={22} cy={5} r={2.5} style={{ fill: COLORS.apply }} />
          <path className="tl-am tl-am-bracket" d="M4,7V12H22V7" style={stroke(letter("A"))} />
        </>
      );
    case "anomaly-states":
      return (
        <>
          <path d="M1,7H7" className="tl-am" style={stroke(letter("I"))} strokeDasharray="3 2" />
          <path d="M10,7H16" className="tl-am" style={stroke(letter("I"))} />
          <path d="M19,7H25" className="tl-am" style={stroke(letter("I"))} opacity={0.45} />
        </>
      );
    case "anomaly-link":
      return <path className="tl-am tl-am-link" d="M2,12L24,3" style={stroke(letter("I"))} />;
    default:
      return eventSwatch(kind);
  }
}

const HINT = "Hover or focus a mark's name for what it means.";

/**
 * What each mark means, by shape and word as well as colour (for slides and
 * colour-blind readers). By default only the kinds drawn on screen now
 * (`kinds`); "All marks" lists every kind the timeline can draw. Each name
 * gives its definition on hover or focus, and keeps it on a click (touch).
 */
function LegendView({ kinds, uid }: { kinds: readonly MarkKind[]; uid: string }) {
  const [all, setAll] = useState(false);
  const [pinned, setPinned] = useState<MarkKind | null>(null);
  const [hovered, setHovered] = useState<MarkKind | null>(null);
  const shown = all ? KINDS : KINDS.filter((k) => kinds.includes(k.kind));
  const about = KINDS.find((k) => k.kind === (hovered ?? pinned));
  return (
    <div className="tl-legend-wrap">
      <ul className="tl-legend" aria-label="Legend" data-legend-mode={all ? "all" : "on-screen"}>
        {shown.length === 0 && (
          <li className="tl-legend-empty">Nothing drawn yet at the playhead.</li>
        )}
        {shown.map((k) => (
          <li key={k.kind} data-legend={k.kind}>
            <button
              type="button"
              className="tl-legend-item"
              aria-expanded={pinned === k.kind}
              aria-label={`${k.label}: ${k.definition}`}
              title={k.definition}
              onClick={() => setPinned(pinned === k.kind ? null : k.kind)}
              onMouseEnter={() => setHovered(k.kind)}
              onMouseLeave={() => setHovered(null)}
              onFocus={() => setHovered(k.kind)}
              onBlur={() => setHovered(null)}
            >
              <svg width={W} height={H} aria-hidden="true">
                {k.kind === "down" && (
                  <defs>
                    <pattern
                      id={`${uid}-hatch`}
                      width="4"
                      height="4"
                      patternUnits="userSpaceOnUse"
                      patternTransform="rotate(45)"
                    >
                      <line
                        x1="0"
                        y1="0"
                        x2="0"
                        y2="4"
                        style={{ stroke: cssColor(COLORS.crash) }}
                        strokeWidth="1.5"
                      />
                    </pattern>
                  </defs>
                )}
                {swatch(k.kind, uid)}
              </svg>
              {k.label}
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="tl-legend-all"
            aria-pressed={all}
            onClick={() => setAll(!all)}
          >
            {all ? "Only marks on screen" : "All marks"}
          </button>
        </li>
      </ul>
      <p className="tl-legend-def" aria-live="polite">
        {about ? (
          <>
            <strong>{about.label}</strong>: {about.definition}
          </>
        ) : (
          HINT
        )}
      </p>
    </div>
  );
}

/** Memoised: hover and other local state of the timeline must not redraw every layer. */
export const Legend = memo(LegendView);
