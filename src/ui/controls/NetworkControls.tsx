import { useId } from "react";
import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import type { LinkOptions } from "../../sim/types";

interface SliderSpec {
  field: keyof LinkOptions;
  label: string;
  max: number;
  step: number;
  format: (v: number) => string;
}

const ms = (v: number) => `${v} ms`;
const pct = (v: number) => `${Math.round(v * 100)}%`;

const SLIDERS: SliderSpec[] = [
  { field: "delayMsMin", label: "Min delay (ms)", max: 200, step: 1, format: ms },
  { field: "delayMsMax", label: "Max delay (ms)", max: 300, step: 1, format: ms },
  { field: "dropRate", label: "Drop rate", max: 0.5, step: 0.01, format: pct },
  { field: "duplicateRate", label: "Duplicate rate", max: 0.5, step: 0.01, format: pct },
  { field: "reorderRate", label: "Reorder rate", max: 0.5, step: 0.01, format: pct },
];

function setLink(field: keyof LinkOptions, value: number): void {
  actions.editScenario((s) => {
    const link = s.network.default;
    link[field] = value;
    // Keep the delay range a range whichever end moved.
    if (field === "delayMsMin" && link.delayMsMax < value) link.delayMsMax = value;
    if (field === "delayMsMax" && link.delayMsMin > value) link.delayMsMin = value;
  });
}

/** The default link's fault model; every move re-simulates (the run takes a few ms). */
export function NetworkControls() {
  const link = useAppStore((s) => s.scenario.network.default);
  const id = useId();
  const overrides = useAppStore((s) => Object.keys(s.scenario.network.links).length);
  return (
    <fieldset className="network">
      <legend>Network (every link)</legend>
      {SLIDERS.map((spec) => (
        <div key={spec.field} className="slider">
          <label htmlFor={`${id}-${spec.field}`}>{spec.label}</label>
          <input
            id={`${id}-${spec.field}`}
            type="range"
            min={0}
            max={spec.max}
            step={spec.step}
            value={link[spec.field]}
            aria-valuetext={spec.format(link[spec.field])}
            onChange={(e) => setLink(spec.field, Number(e.target.value))}
          />
          <output htmlFor={`${id}-${spec.field}`}>{spec.format(link[spec.field])}</output>
        </div>
      ))}
      {overrides > 0 && (
        <p className="hint">
          {overrides === 1 ? "One link has" : `${overrides} links have`} its own settings in this
          scenario.
        </p>
      )}
    </fieldset>
  );
}
