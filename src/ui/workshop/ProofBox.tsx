import { useId, useState } from "react";
import { NAME_MAX } from "../../workshop/proof";
import { loadName, proofLink, saveName } from "./exercise-progress";
import { useExerciseSession } from "./exercise-session";
import { absolute } from "./verdict-text";

/**
 * The learner's proof for the facilitator: a link carrying every solution this
 * browser checked (not a "solved" flag; the facilitator's page checks each one
 * again), with an optional name. Paste it in the room's chat.
 */
export function ProofBox() {
  const progress = useExerciseSession((s) => s.progress);
  const [name, setName] = useState(loadName);
  const [copied, setCopied] = useState<string | null>(null);
  const id = useId();
  const count = Object.keys(progress).length;
  if (count === 0) return null;
  const link = absolute(proofLink(progress, name));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("Copied: paste it in the room's chat.");
    } catch {
      setCopied("Copying is blocked here: select the link and copy it yourself.");
    }
  };
  return (
    <div className="proof-box">
      <label htmlFor={`${id}-name`}>Your name or handle (optional)</label>
      <input
        id={`${id}-name`}
        type="text"
        value={name}
        maxLength={NAME_MAX}
        autoComplete="nickname"
        onChange={(e) => {
          setName(e.target.value);
          saveName(e.target.value);
          setCopied(null);
        }}
      />
      <label htmlFor={`${id}-proof`}>
        Proof for the facilitator ({count} solved; their page checks each solution again)
      </label>
      <div className="proof-row">
        <input
          id={`${id}-proof`}
          type="text"
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="proof-link"
        />
        <button type="button" onClick={() => void copy()}>
          Copy proof
        </button>
      </div>
      <p className="hint" role="status">
        {copied}
      </p>
    </div>
  );
}
