import { useEffect, useRef, useState } from "react";
import { useAppStore } from "../app/app-store";
import { reportProblem } from "../app/link-store";
import { importScenarioText } from "../app/open-scenario";
import type { Scenario } from "../sim/types";
import { LIMITS, limitMessage, scenarioFileName, scenarioFileText } from "../url/index";
import { saveFile } from "./save-file";

/** How long "Opened <file>" stays; the run itself shows the rest. */
const OPENED_MS = 4000;

/** Saves through a temporary object URL: no server, and works offline in a workshop room. */
export function downloadScenario(scenario: Scenario): void {
  saveFile(scenarioFileText(scenario), "application/json", scenarioFileName(scenario));
}

export function ScenarioFileButtons() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [opened, setOpened] = useState("");
  useEffect(() => {
    if (opened === "") return;
    const timer = setTimeout(() => setOpened(""), OPENED_MS);
    return () => clearTimeout(timer);
  }, [opened]);

  async function importFile(file: File): Promise<void> {
    setOpened("");
    // Checked before reading: a huge file picked by mistake must not be read into memory.
    if (file.size > LIMITS.fileBytes) {
      reportProblem({
        source: "file",
        fileName: file.name,
        error: { code: "too-large", message: limitMessage("fileBytes", file.size) },
      });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      reportProblem({
        source: "file",
        fileName: file.name,
        error: { code: "parse", message: "The file could not be read." },
      });
      return;
    }
    if (importScenarioText(text, file.name)) setOpened(`Opened ${file.name}`);
  }

  return (
    <div className="scenario-file">
      <button type="button" onClick={() => downloadScenario(useAppStore.getState().scenario)}>
        Export scenario
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import scenario
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so choosing the same file again (after fixing it) fires again.
          e.currentTarget.value = "";
          if (file !== undefined) void importFile(file);
        }}
      />
      <span role="status" className="share-status">
        {opened}
      </span>
    </div>
  );
}
