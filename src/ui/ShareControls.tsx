import "./share.css";
import { LinkError } from "./LinkError";
import { RunExportButtons } from "./RunExportButtons";
import { ScenarioFileButtons } from "./ScenarioFileButtons";
import { ShareButton } from "./ShareButton";

/** Share, export, import, and what went wrong with a link or file: one mount in the header. */
export function ShareControls() {
  return (
    <div className="share-controls">
      <ShareButton />
      <ScenarioFileButtons />
      <RunExportButtons />
      <LinkError />
    </div>
  );
}
