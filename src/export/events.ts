/**
 * A run's events as plain rows: JSON Lines (one object per line) and CSV (one
 * row per event, under a header). Both read the trace one event at a time, so
 * a long run never holds every event object at once — only the lines.
 */
import { eventsOf } from "../sim/event-reader";
import type { Trace, TraceEvent } from "../sim/types";

/** Every field of a trace event, in the order both formats use. */
export const EVENT_COLUMNS = [
  "t",
  "seq",
  "type",
  "node",
  "peer",
  "msg",
  "write",
  "key",
  "value",
  "offset",
  "partition",
  "ref",
  "detail",
] as const satisfies ReadonlyArray<keyof TraceEvent>;

/** The event's fields in `EVENT_COLUMNS` order, leaving out the absent ones. */
export function eventRecord(e: TraceEvent): Partial<TraceEvent> {
  const out: Record<string, unknown> = {};
  for (const field of EVENT_COLUMNS) if (e[field] !== undefined) out[field] = e[field];
  return out as Partial<TraceEvent>;
}

function lines(trace: Trace, line: (e: TraceEvent) => string): string[] {
  const events = eventsOf(trace);
  const out = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) out[i] = line(events.get(i));
  return out;
}

/**
 * JSON Lines: one event per line, in trace order, its fields in
 * `EVENT_COLUMNS` order with the absent ones left out; a newline after each.
 */
export function toEventsJsonl(trace: Trace): string {
  const out = lines(trace, (e) => JSON.stringify(eventRecord(e)));
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

/** Text that a spreadsheet would run as a formula (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): empty when absent; quoted, with quotes doubled,
 * when it holds a comma, a quote, a line break or leading/trailing space.
 * Keys and values come from scenarios anyone can share, so a text field a
 * spreadsheet would take for a formula (`=…`, `+…`, `-…`, `@…`) gets a
 * leading `'`, as spreadsheets themselves do; numbers are written as they are.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV (RFC 4180, CRLF line ends): a header naming `EVENT_COLUMNS`, then one
 * row per event in trace order; an absent field is an empty cell. A cell is
 * text: `value` is `5` for the number 5 and for the string "5" alike (the
 * JSON Lines keep the difference).
 */
export function toEventsCsv(trace: Trace): string {
  const header = EVENT_COLUMNS.join(",");
  const rows = lines(trace, (e) => EVENT_COLUMNS.map((c) => csvField(e[c])).join(","));
  return `${[header, ...rows].join("\r\n")}\r\n`;
}
