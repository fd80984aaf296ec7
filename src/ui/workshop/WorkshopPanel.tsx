import { useEffect, useRef } from "react";
import { useAppStore } from "../../app/app-store";
import { encodeLink } from "../../url/index";
import { Exercises } from "./Exercises";
import { facilitator } from "./facilitator-store";
import { SweepSection } from "./SweepSection";
import { workshop } from "./workshop-store";

/** The Workshop dialog: sweeps and witnesses on the left, exercises on the right. */
export function WorkshopPanel() {
  const dialog = useRef<HTMLDivElement>(null);
  const scenario = useAppStore((s) => s.scenario);
  const sweep = workshop.toView();
  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") workshop.setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div className="workshop-backdrop">
      <div
        ref={dialog}
        className="workshop-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="workshop-title"
        tabIndex={-1}
      >
        <div className="workshop-head">
          <h2 id="workshop-title">Workshop</h2>
          <span className="hint">
            on “{scenario.name ?? "scenario"}” ({scenario.strategy}) ·{" "}
            {sweep && <a href={encodeLink(scenario, { sweep })}>link to this sweep</a>} ·
            facilitator’s guide: docs/workshop.md
          </span>
          <button
            type="button"
            onClick={() => {
              workshop.setOpen(false);
              facilitator.open("facilitator");
            }}
          >
            Facilitator
          </button>
          <button
            type="button"
            onClick={() => {
              workshop.setOpen(false);
              facilitator.open("handout");
            }}
          >
            Print handout
          </button>
          <button type="button" className="workshop-close" onClick={() => workshop.setOpen(false)}>
            Close
          </button>
        </div>
        <div className="workshop-body">
          <SweepSection />
          <Exercises />
        </div>
      </div>
    </div>
  );
}
