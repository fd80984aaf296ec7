import { memo, type ReactNode } from "react";
import { COLORS, LETTER_COLORS } from "./layout";
import { isFilled, markStyle, shapePath } from "./marks";
import { cssColor } from "./palette";

interface Item {
  label: string;
  draw: ReactNode;
}

const line = (color: string, dash?: string) => (
  <line
    x1={1}
    y1={9}
    x2={21}
    y2={3}
    style={{ stroke: cssColor(color) }}
    strokeWidth={1.4}
    strokeDasharray={dash}
  />
);

const shape = (type: Parameters<typeof markStyle>[0]) => {
  const s = markStyle(type);
  const filled = isFilled(s.shape);
  return (
    <path
      d={shapePath(s.shape, 11, 6, 3.5)}
      style={{ fill: filled ? cssColor(s.color) : "none", stroke: cssColor(s.color) }}
      strokeWidth={filled ? 0 : 1.5}
    />
  );
};

const ITEMS: Item[] = [
  { label: "message", draw: line(COLORS.arrow) },
  {
    label: "dropped",
    draw: (
      <>
        {line(COLORS.drop)}
        <path
          d="M17,0l8,8m0,-8l-8,8"
          stroke={COLORS.drop}
          strokeWidth={2}
          transform="translate(-4,-1)"
        />
      </>
    ),
  },
  { label: "duplicate", draw: line(COLORS.dup, "4 2") },
  { label: "in flight", draw: line(COLORS.arrow, "2 2") },
  { label: "invoke / ack", draw: shape("invoke") },
  { label: "apply key=value", draw: shape("apply") },
  { label: "append @offset", draw: shape("append") },
  { label: "high watermark", draw: shape("hw-advance") },
  {
    label: "node down",
    draw: <rect x={1} y={1} width={20} height={10} fill="url(#tl-legend-hatch)" />,
  },
  {
    label: "partitioned",
    draw: <rect x={1} y={1} width={20} height={10} fill={COLORS.partition} opacity={0.3} />,
  },
  {
    label: "anomaly: suspected / confirmed / healed",
    draw: (
      <>
        <rect
          x={1}
          y={1}
          width={6}
          height={10}
          fill="none"
          stroke={LETTER_COLORS.I}
          strokeDasharray="2 1.5"
        />
        <rect x={9} y={1} width={6} height={10} fill="none" stroke={LETTER_COLORS.I} />
        <rect
          x={17}
          y={1}
          width={6}
          height={10}
          fill="none"
          stroke={LETTER_COLORS.I}
          strokeOpacity={0.35}
        />
      </>
    ),
  },
];

/** What each mark means, by shape and word as well as colour (for slides and colour-blind readers). */
function LegendView() {
  return (
    <ul className="tl-legend" aria-label="Legend">
      {ITEMS.map((it) => (
        <li key={it.label}>
          <svg width={24} height={12} aria-hidden="true">
            <defs>
              <pattern
                id="tl-legend-hatch"
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
            {it.draw}
          </svg>
          {it.label}
        </li>
      ))}
    </ul>
  );
}

/** Memoised: hover and other local state of the timeline must not redraw every layer. */
export const Legend = memo(LegendView);
