import { memo } from "react";
import { COLORS } from "./layout";
import { cssColor } from "./palette";
import type { View } from "./view";

const GROUP_TITLES: Record<string, string> = {
  clients: "Clients",
  stores: "Stores",
  log: "Log",
  consumers: "Consumers",
};

/** Everything under the marks: lane rules, group shading, crash and partition bands. */
function BackLayerView({ v }: { v: View }) {
  const { g, layout: L, x, playhead, showFuture } = v;
  const clampX = (t: number) => Math.max(L.plotX0, Math.min(L.plotX1, x(t)));
  const limit = showFuture ? Number.POSITIVE_INFINITY : playhead;
  const half = L.laneH / 2;
  return (
    <svg className="tl-bg" width={L.width} height={L.height} aria-hidden="true">
      <defs>
        <pattern
          id={`${v.uid}-hatch`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" style={{ fill: cssColor(COLORS.crash) }} opacity="0.12" />
          <line
            x1="0"
            y1="0"
            x2="0"
            y2="6"
            style={{ stroke: cssColor(COLORS.crash) }}
            strokeWidth="2"
            opacity="0.5"
          />
        </pattern>
      </defs>
      {L.groups.map((grp, i) => (
        <rect
          key={grp.name}
          className={i % 2 ? "tl-group tl-group-odd" : "tl-group"}
          x={0}
          y={grp.y0}
          width={L.width}
          height={grp.y1 - grp.y0}
        />
      ))}
      {g.nodes.map((n, i) => (
        <line
          key={n.id}
          className="tl-lane-rule"
          x1={L.plotX0}
          x2={L.plotX1}
          y1={L.laneY[i]}
          y2={L.laneY[i]}
        />
      ))}
      {g.partitions
        .filter((p) => p.from <= limit)
        .map((p) => {
          const x0 = clampX(p.from);
          const x1 = clampX(showFuture ? p.to : Math.min(p.to, playhead));
          return (
            <g
              key={`p${p.seq}`}
              className="tl-partition"
              data-partition={p.seq}
              data-mark="partitioned"
            >
              {p.lanes.map((lane) => (
                <rect
                  key={lane}
                  x={x0}
                  y={L.laneY[lane] - half}
                  width={Math.max(0, x1 - x0)}
                  height={L.laneH}
                  fill={COLORS.partition}
                  opacity={0.18}
                />
              ))}
            </g>
          );
        })}
      {g.crashes
        .filter((c) => c.from <= limit)
        .map((c) => {
          const x0 = clampX(c.from);
          const x1 = clampX(showFuture ? c.to : Math.min(c.to, playhead));
          return (
            <rect
              key={`c${c.seq}`}
              className="tl-crash"
              data-crash={c.seq}
              data-mark="down"
              x={x0}
              y={L.laneY[c.lanes[0]] - half + 2}
              width={Math.max(0, x1 - x0)}
              height={L.laneH - 4}
              fill={`url(#${v.uid}-hatch)`}
            />
          );
        })}
    </svg>
  );
}

export function groupTitle(name: string): string {
  return GROUP_TITLES[name] ?? name;
}

/** Memoised: hover and other local state of the timeline must not redraw every layer. */
export const BackLayer = memo(BackLayerView);
