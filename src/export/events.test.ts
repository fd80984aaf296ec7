import { describe, expect, it } from "vitest";
import { presetScenario } from "../sim/presets";
import { simulate } from "../sim/simulate";
import type { Scenario, Trace, TraceEvent } from "../sim/types";
import {
  csvField,
  EVENT_COLUMNS,
  exportFileName,
  exportRun,
  toChromeTrace,
  toEventsCsv,
  toEventsJsonl,
} from "./index";

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  expect(field).toBe("");
  expect(row).toEqual([]);
  return rows;
}

const preset = (name: string, patch: Partial<Scenario> = {}) =>
  simulate({ ...(presetScenario(name) as Scenario), ...patch });

/** A hand-built trace whose keys and values are everything a shared scenario may hold. */
function awkwardTrace(): Trace {
  const base = preset("kleppmann-race");
  const values: Array<string | number> = [
    "plain",
    "a,b",
    'say "hi"',
    "two\nlines",
    "cr\r\nlf",
    " padded ",
    "",
    "ünïcødé ✓",
    7,
    -3,
    0.5,
    "5",
  ];
  const events: TraceEvent[] = values.map((value, i) => ({
    t: i,
    seq: i,
    type: "apply",
    node: "db",
    write: i + 1,
    key: `k${i}`,
    value,
    detail: i % 2 === 0 ? "set" : undefined,
  }));
  events.push({
    t: 20,
    seq: events.length,
    type: "drop",
    node: "db",
    peer: "client-1",
    msg: 9,
    detail: "loss",
  });
  return { ...base, events, columns: undefined };
}

describe("toEventsJsonl", () => {
  it("writes one event per line, every field as it was, absent fields left out", () => {
    for (const trace of [preset("acks1-leader-failover", { strategy: "log" }), awkwardTrace()]) {
      const text = toEventsJsonl(trace);
      expect(text.endsWith("\n")).toBe(true);
      const lines = text.slice(0, -1).split("\n");
      expect(lines).toHaveLength(trace.events.length);
      lines.forEach((line, i) => {
        const e = JSON.parse(line);
        expect(e).toEqual(trace.events[i]);
        expect(Object.keys(e)).toEqual(
          EVENT_COLUMNS.filter((c) => trace.events[i][c] !== undefined),
        );
      });
    }
  });

  it("is empty for a run with no events", () => {
    expect(toEventsJsonl({ ...awkwardTrace(), events: [] })).toBe("");
  });
});

describe("toEventsCsv", () => {
  it("has a header naming every field, then one row per event whose cells give back each field", () => {
    for (const trace of [preset("acks1-leader-failover", { strategy: "log" }), awkwardTrace()]) {
      const text = toEventsCsv(trace);
      expect(text.endsWith("\r\n")).toBe(true);
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual([...EVENT_COLUMNS]);
      expect(rows).toHaveLength(trace.events.length);
      rows.forEach((row, i) => {
        const e = trace.events[i];
        expect(row).toEqual(EVENT_COLUMNS.map((c) => (e[c] === undefined ? "" : String(e[c]))));
        // Numbers read back as the same numbers.
        expect(Number(row[0])).toBe(e.t);
        expect(Number(row[1])).toBe(e.seq);
      });
    }
  });

  it("quotes only what needs it", () => {
    expect(csvField(undefined)).toBe("");
    expect(csvField("plain")).toBe("plain");
    expect(csvField(42)).toBe("42");
    expect(csvField(-3)).toBe("-3");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
  });

  it("keeps a spreadsheet from running a key or value as a formula", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    for (const start of ["+", "-", "@"]) expect(csvField(`${start}1`)).toBe(`'${start}1`);
    const trace = awkwardTrace();
    trace.events[0] = { ...trace.events[0], key: "=1+1", value: "@SUM(A1)" };
    const [, row] = parseCsv(toEventsCsv(trace));
    expect(row[EVENT_COLUMNS.indexOf("key")]).toBe("'=1+1");
    expect(row[EVENT_COLUMNS.indexOf("value")]).toBe("'@SUM(A1)");
  });

  it("reads a long run through its columns", () => {
    const trace = preset("default", {
      strategy: "log",
      workload: {
        kind: "generated",
        writes: 400,
        keys: 5,
        ratePerSec: 200,
        op: "set",
        readRate: 0,
        startMs: 0,
      },
    });
    expect(trace.columns).toBeDefined();
    const rows = toEventsCsv(trace).split("\r\n");
    expect(rows.length - 2).toBe(trace.events.length);
    expect(rows.length - 2).toBeGreaterThan(4096);
  });
});

describe("exportRun and exportFileName", () => {
  it("gives each format's text and a file name after the scenario and strategy", () => {
    const trace = preset("kleppmann-race");
    expect(exportRun("jsonl", trace, null)).toBe(toEventsJsonl(trace));
    expect(exportRun("csv", trace, null)).toBe(toEventsCsv(trace));
    expect(JSON.parse(exportRun("chrome-trace", trace, null))).toEqual(toChromeTrace(trace, null));
    expect(exportFileName(trace.scenario, "chrome-trace")).toBe(
      "kleppmann-race.dual-write.trace.json",
    );
    expect(exportFileName(trace.scenario, "csv")).toBe("kleppmann-race.dual-write.events.csv");
    expect(exportFileName({ strategy: "log" }, "jsonl")).toBe("scenario.log.events.jsonl");
    expect(exportFileName({ name: "../My run: été/2", strategy: "cdc" }, "csv")).toBe(
      "My-run-ete-2.cdc.events.csv",
    );
  });
});
