/**
 * Runs in the tools people already use: a run as a Chrome Trace Event /
 * Perfetto JSON file, and its events as JSON Lines or CSV. Pure TypeScript:
 * it reads src/sim's traces and src/check's reports and returns text.
 */
export {
  type ChromeTrace,
  type ChromeTraceEvent,
  type ChromeTraceMetadata,
  chromeTraceJson,
  toChromeTrace,
} from "./chrome-trace";
export {
  csvField,
  EVENT_COLUMNS,
  eventRecord,
  toEventsCsv,
  toEventsJsonl,
} from "./events";
export {
  EXPORT_FORMATS,
  type ExportFormat,
  exportFileName,
  exportMediaType,
  exportRun,
  isExportFormat,
} from "./formats";
