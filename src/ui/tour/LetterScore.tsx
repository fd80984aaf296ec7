import { useMemo } from "react";
import { ACID_NAMES, ACID_ORDER } from "../../app/anomalies";
import { useAppStore } from "../../app/app-store";
import { anomaliesAt } from "../../check";
import { ACID_LETTER, type AcidLetter } from "../../check/types";

/** Anomalies known at the playhead, one count per ACID letter; the spotlit letter is outlined. */
export function LetterScore({ spot }: { spot: AcidLetter | null }) {
  const report = useAppStore((s) => s.report);
  const t = useAppStore((s) => Math.floor(s.playhead));
  const counts = useMemo(() => {
    const out: Record<AcidLetter, number> = { A: 0, C: 0, I: 0, D: 0 };
    if (report !== null) for (const a of anomaliesAt(report, t)) out[ACID_LETTER[a.kind]]++;
    return out;
  }, [report, t]);
  return (
    <ul className="tour-letters" aria-label="Scoreboard at the playhead">
      {ACID_ORDER.map((letter) => (
        <li
          key={letter}
          className={`${counts[letter] > 0 ? "broken" : ""} ${spot === letter ? "spot" : ""}`}
          title={ACID_NAMES[letter]}
        >
          <span className="letter">{letter}</span>
          <span className="count">{counts[letter]}</span>
          <span className="visually-hidden"> {ACID_NAMES[letter]}</span>
        </li>
      ))}
    </ul>
  );
}
