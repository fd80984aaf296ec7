import { useState } from "react";
import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import { isModified, useUndoStore } from "../../app/undo";
import { PRESETS } from "../../sim/presets";
import { STRATEGY } from "../../sim/strategy";
import { STRATEGIES, type Strategy } from "../../sim/types";

function SeedInput() {
  const seed = useAppStore((s) => s.scenario.seed);
  const [draft, setDraft] = useState(String(seed));
  const [shown, setShown] = useState(seed);
  // The seed can change from elsewhere (a preset, a link): follow it.
  if (shown !== seed) {
    setShown(seed);
    setDraft(String(seed));
  }
  return (
    <label className="field seed">
      <span>Seed</span>
      <input
        type="number"
        min={0}
        step={1}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = Number(e.target.value);
          if (e.target.value !== "" && Number.isSafeInteger(next) && next >= 0) {
            setShown(next);
            actions.editScenario((s) => {
              s.seed = next;
            });
          }
        }}
      />
    </label>
  );
}

export function ScenarioControls() {
  const presetName = useAppStore((s) => s.presetName);
  const strategy = useAppStore((s) => s.scenario.strategy);
  const description = PRESETS.find((p) => p.name === presetName)?.description;
  const modified = useAppStore((s) => isModified(s.scenario, s.presetName));
  const canUndo = useUndoStore((s) => s.past.length > 0);
  return (
    <div className="control-group scenario">
      <label className="field">
        <span>Scenario</span>
        <select
          value={presetName ?? ""}
          title={description}
          onChange={(e) => actions.loadPreset(e.target.value)}
        >
          {presetName === null && <option value="">(custom)</option>}
          {PRESETS.map((p) => (
            <option key={p.name} value={p.name}>
              {modified && p.name === presetName ? `${p.name} (modified)` : p.name}
            </option>
          ))}
        </select>
      </label>
      {modified && (
        <button
          type="button"
          onClick={() => actions.resetToPreset()}
          title="Drop the edits and go back to the preset (Ctrl+Z brings them back)"
        >
          Reset to preset
        </button>
      )}
      <button
        type="button"
        disabled={!canUndo}
        onClick={() => actions.undo()}
        aria-keyshortcuts="Control+Z Meta+Z"
        title="Undo the last change to the scenario (Ctrl+Z / ⌘Z)"
      >
        Undo
      </button>
      <label className="field">
        <span>Strategy</span>
        <select
          value={strategy}
          onChange={(e) =>
            actions.editScenario((s) => {
              s.strategy = e.target.value as Strategy;
            })
          }
        >
          {STRATEGIES.map((s) => (
            <option key={s} value={s}>
              {STRATEGY[s].label}
            </option>
          ))}
        </select>
      </label>
      <SeedInput />
    </div>
  );
}
