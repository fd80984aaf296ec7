import "./share.css";
import { LinkError } from "./LinkError";
import { ScenarioFileButtons } from "./ScenarioFileButtons";
import { ShareButton } from "./ShareButton";

/** Share, export, import, and what went wrong with a link or file: one mount in the header. */
export function ShareControls() {
  return (
    <div className="share-controls">
      <ShareButton />
      <ScenarioFileButtons />
      <LinkError />
    </div>
  );
}
