/**
 * The export formats by name, for the command line (`sim --export FORMAT`)
 * and the page's export buttons: what to write, its media type and its file name.
 */
import type { Report } from "../check/types";
import type { Scenario, Trace } from "../sim/types";
import { chromeTraceJson } from "./chrome-trace";
import { toEventsCsv, toEventsJsonl } from "./events";

export const EXPORT_FORMATS = ["chrome-trace", "jsonl", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

const FILE: Record<ExportFormat, { extension: string; mediaType: string }> = {
  "chrome-trace": { extension: ".trace.json", mediaType: "application/json" },
  jsonl: { extension: ".events.jsonl", mediaType: "application/jsonl" },
  csv: { extension: ".events.csv", mediaType: "text/csv" },
};

/** The run in one format, as the text of a file. */
export function exportRun(format: ExportFormat, trace: Trace, report: Report | null): string {
  if (format === "chrome-trace") return chromeTraceJson(trace, report);
  return format === "jsonl" ? toEventsJsonl(trace) : toEventsCsv(trace);
}

export function exportMediaType(format: ExportFormat): string {
  return FILE[format].mediaType;
}

/**
 * `kleppmann-race.dual-write.trace.json`: the scenario's name (made safe for
 * a file name, as the scenario files are), its strategy, and the format.
 */
export function exportFileName(
  scenario: Pick<Scenario, "name" | "strategy">,
  format: ExportFormat,
): string {
  const base = (scenario.name ?? "")
    .normalize("NFKD")
    // Accents off (é → e), not turned into dashes.
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 60);
  return `${base === "" ? "scenario" : base}.${scenario.strategy}${FILE[format].extension}`;
}
