import { useState } from "react";
import { ACID_LETTERS, ACID_NAMES } from "../../check/letters";
import type { Report } from "../../check/types";
import type { Trace } from "../../sim/types";
import { countByLetterAt } from "./anomaly";
import { Timeline, type TimelineProps } from "./Timeline";
import { IDENTITY, type ZoomState } from "./view";

export interface CompareTimelineProps
  extends Omit<
    TimelineProps,
    "trace" | "report" | "zoom" | "onZoomChange" | "timeDomain" | "label"
  > {
  traces: [Trace, Trace];
  reports: [Report | null, Report | null];
  /** Headings for the two runs; default: each trace's strategy. */
  labels?: [string, string];
}

const LETTERS = ACID_LETTERS;
const LETTER_NAMES = ACID_NAMES;

/**
 * Two runs of one scenario, stacked, on one time axis: both timelines take the
 * same domain and one shared zoom state, so a pan in either moves both.
 */
export function CompareTimeline(props: CompareTimelineProps) {
  const { traces, reports, labels, height, ...rest } = props;
  const [zoom, setZoom] = useState<ZoomState>(IDENTITY);
  const end = Math.max(traces[0].endTime, traces[1].endTime, 1);
  const names = labels ?? [traces[0].scenario.strategy, traces[1].scenario.strategy];
  const each = height ? Math.floor(height / 2) : undefined;
  return (
    <div className="tl-compare" data-testid="compare-timeline">
      <Scoreboard names={names} reports={reports} playhead={props.playhead} />
      {[0, 1].map((i) => (
        <Timeline
          key={i}
          legend={i === 0}
          {...rest}
          height={each}
          trace={traces[i]}
          report={reports[i]}
          label={names[i]}
          timeDomain={[0, end]}
          zoom={zoom}
          onZoomChange={setZoom}
        />
      ))}
    </div>
  );
}

/** Anomalies detected by the playhead, per ACID letter, one row per strategy. */
export function Scoreboard({
  names,
  reports,
  playhead,
}: {
  names: [string, string];
  reports: [Report | null, Report | null];
  playhead: number;
}) {
  return (
    <table
      className="tl-scoreboard"
      aria-label="Anomalies per ACID property"
      data-testid="scoreboard"
    >
      <thead>
        <tr>
          <th scope="col">Strategy</th>
          {LETTERS.map((l) => (
            <th key={l} scope="col" title={LETTER_NAMES[l]}>
              {l}
            </th>
          ))}
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {[0, 1].map((i) => {
          const counts = countByLetterAt(reports[i], playhead);
          const total = LETTERS.reduce((s, l) => s + counts[l], 0);
          return (
            <tr key={names[i] + i} data-strategy={names[i]}>
              <th scope="row">{names[i]}</th>
              {LETTERS.map((l) => (
                <td key={l} data-letter={l}>
                  {reports[i] ? counts[l] : "…"}
                </td>
              ))}
              <td data-letter="total">{reports[i] ? total : "…"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
