import { useAppStore } from "../../app/app-store";
import { ACID_LETTER } from "../../check/types";
import { cellValueAt } from "../../tour/spotlight";
import type { Spotlight } from "../../tour/types";

/** Says in words what the rings on the timeline mark, and shows a spotlit cell's live value. */
export function SpotlightNote({ spotlight }: { spotlight: Spotlight }) {
  const trace = useAppStore((s) => s.trace);
  const t = useAppStore((s) => s.playhead);
  if ("lanes" in spotlight) {
    return (
      <p className="tour-spotlight">
        Watch <strong>{spotlight.lanes.join(", ")}</strong>
      </p>
    );
  }
  if ("anomaly" in spotlight) {
    return (
      <p className="tour-spotlight anomaly">
        Watch <strong>{ACID_LETTER[spotlight.anomaly]}</strong> on the scoreboard (
        {spotlight.anomaly})
      </p>
    );
  }
  const value = cellValueAt(trace, spotlight.store, spotlight.key, t);
  return (
    <p className="tour-spotlight">
      Watch{" "}
      <strong className="tour-cell">
        {spotlight.store} · {spotlight.key} = {value === undefined ? "—" : String(value)}
      </strong>
    </p>
  );
}
