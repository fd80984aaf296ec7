import { clearProblem, type InputSource, useLinkStore } from "../app/link-store";
import { openDefaultScenario } from "../app/link-sync";

const HEADINGS: Record<InputSource, string> = {
  link: "This link could not be opened",
  file: "This file could not be imported",
  view: "Part of this link was ignored",
};

/**
 * What went wrong with a link or a file, in words, and the way on. Messages
 * are user-controlled text (they quote the input), so they are rendered as
 * text only, never as HTML.
 */
export function LinkError() {
  const problem = useLinkStore((s) => s.problem);
  if (problem === null) return null;
  const { source, error, fileName } = problem;
  return (
    <div role="alert" className={`link-error link-error-${source}`}>
      <h2>{HEADINGS[source]}</h2>
      {fileName !== undefined && <p className="link-error-filename">{fileName}</p>}
      <p>{error.message}</p>
      {error.path !== undefined && (
        <p className="muted">
          Where: <code>{error.path}</code>
        </p>
      )}
      {source === "view" && (
        <p className="muted">The scenario itself opened; the run starts from the beginning.</p>
      )}
      <div className="link-error-actions">
        {source === "link" ? (
          <button type="button" className="primary" onClick={openDefaultScenario}>
            Open the default scenario
          </button>
        ) : (
          <button type="button" onClick={clearProblem}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
