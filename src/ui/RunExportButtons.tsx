import { useState } from "react";
import { useAppStore } from "../app/app-store";
import type { ExportFormat } from "../export/index";
import { saveFile } from "./save-file";

/** The exporters load on first use: most visits never export, so they stay out of the first download. */
const loadExport = () => import("../export/index");

const BUTTONS: Array<{ format: ExportFormat; label: string; title: string }> = [
  {
    format: "chrome-trace",
    label: "Export trace (Perfetto)",
    title:
      "The run as a Chrome Trace Event JSON file: open it in ui.perfetto.dev or chrome://tracing",
  },
  {
    format: "csv",
    label: "Export events (CSV)",
    title: "Every event of the run, one row each, for a spreadsheet or a notebook",
  },
];

/** Exports the run on screen (its trace and report) for the tools people already use. */
export function RunExportButtons() {
  const computing = useAppStore((s) => s.computing);
  const [error, setError] = useState<string | null>(null);

  async function exportAs(format: ExportFormat): Promise<void> {
    // The run on screen: while a new one computes in the background, that is still the previous one.
    const { trace, report } = useAppStore.getState();
    try {
      const { exportFileName, exportMediaType, exportRun } = await loadExport();
      const text = exportRun(format, trace, report);
      saveFile(text, exportMediaType(format), exportFileName(trace.scenario, format));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <div className="run-export">
      {BUTTONS.map((b) => (
        <button
          key={b.format}
          type="button"
          title={b.title}
          disabled={computing}
          onClick={() => void exportAs(b.format)}
        >
          {b.label}
        </button>
      ))}
      {error !== null && (
        <span role="alert" className="share-status run-export-error">
          Export failed: {error}
        </span>
      )}
    </div>
  );
}
