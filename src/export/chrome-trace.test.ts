import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../check/index";
import type { Report } from "../check/types";
import { arbScenario } from "../sim/arbitrary";
import { PRESET_NAMES, presetScenario } from "../sim/presets";
import { simulate } from "../sim/simulate";
import { scriptScenario } from "../sim/test-helpers";
import { type Scenario, STRATEGIES, type Trace } from "../sim/types";
import { type ChromeTrace, type ChromeTraceEvent, chromeTraceJson, toChromeTrace } from "./index";

/**
 * The Trace Event Format's documented fields (the "Trace Event Format"
 * document that chrome://tracing and Perfetto's JSON importer follow):
 * every event has `ph`, `ts`, `pid` and `tid`; `X` has `dur`; instants have a
 * scope `s`; flow events `s`/`f` share `id`, `cat` and `name`, and an `f`
 * with `bp: "e"` binds to the slice around it. Returns what is wrong, if anything.
 */
function formatProblems(out: ChromeTrace, trace: Trace, report: Report | null): string[] {
  const problems: string[] = [];
  const fail = (what: string, e?: ChromeTraceEvent) =>
    problems.push(e === undefined ? what : `${what}: ${JSON.stringify(e)}`);
  if (!Array.isArray(out.traceEvents)) fail("traceEvents is not an array");
  if (out.displayTimeUnit !== "ms") fail("displayTimeUnit is not ms");

  const slices = new Map<string, ChromeTraceEvent[]>();
  const slicesOf = (thread: string) => {
    const list = slices.get(thread) ?? [];
    slices.set(thread, list);
    return list;
  };
  const threadNames = new Map<string, string>();
  const threadSort = new Map<string, number>();
  let lastTs = -Infinity;
  let metadataDone = false;
  for (const e of out.traceEvents) {
    for (const field of ["ph", "ts", "pid", "tid"] as const)
      if (!(field in e)) fail(`no ${field}`, e);
    if (typeof e.name !== "string") fail("no name", e);
    if (!Number.isFinite(e.ts) || e.ts < 0) fail("ts is not a finite non-negative number", e);
    if (!Number.isInteger(e.pid) || !Number.isInteger(e.tid) || e.pid < 0 || e.tid < 0)
      fail("pid/tid are not non-negative integers", e);
    if (!["M", "X", "i", "s", "f"].includes(e.ph)) fail("unknown ph", e);
    const thread = `${e.pid}/${e.tid}`;
    if (e.ph === "M") {
      if (metadataDone) fail("metadata after the events", e);
      if (e.ts !== 0) fail("metadata ts is not 0", e);
      const args = e.args as Record<string, unknown>;
      if (e.name === "thread_name") threadNames.set(thread, args.name as string);
      else if (e.name === "thread_sort_index") threadSort.set(thread, args.sort_index as number);
      else if (e.name === "process_name" && typeof args.name !== "string") fail("process name", e);
      else if (!["process_name", "process_sort_index"].includes(e.name)) fail("unknown M", e);
      continue;
    }
    metadataDone = true;
    if (e.ts < lastTs) fail("events out of ts order", e);
    lastTs = e.ts;
    if (e.ph === "X") {
      if (typeof e.dur !== "number" || !Number.isFinite(e.dur) || e.dur <= 0) fail("bad dur", e);
      slicesOf(thread).push(e);
    }
    if (e.ph === "i" && e.s !== "t" && e.s !== "g") fail("instant without scope t or g", e);
    if (e.ph === "i" && e.s === "t" && !threadNames.has(thread)) fail("instant on no thread", e);
  }

  // Slices on one thread never overlap: each sits in its own slot.
  for (const [thread, list] of slices) {
    if (!threadNames.has(thread)) fail(`slices on unnamed thread ${thread}`);
    for (let i = 1; i < list.length; i++)
      if (list[i].ts < list[i - 1].ts + (list[i - 1].dur as number))
        fail("overlapping slices", list[i]);
  }

  // Flows pair up: one `s` and one `f` per (cat, name, id), the `f` not earlier, both inside a slice.
  const flows = new Map<string, ChromeTraceEvent[]>();
  for (const e of out.traceEvents) {
    if (e.ph !== "s" && e.ph !== "f") continue;
    if (typeof e.id !== "number" || typeof e.cat !== "string") fail("flow without id/cat", e);
    const key = `${e.cat}|${e.name}|${e.id}`;
    flows.set(key, [...(flows.get(key) ?? []), e]);
    // The slices of a thread are in ts order and disjoint: the last one starting at or before the point.
    const list = slicesOf(`${e.pid}/${e.tid}`);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].ts <= e.ts) lo = mid + 1;
      else hi = mid;
    }
    const around = list[lo - 1];
    if (around === undefined || e.ts > around.ts + (around.dur as number))
      fail("flow point not inside a slice", e);
  }
  for (const [key, list] of flows) {
    const starts = list.filter((e) => e.ph === "s");
    const ends = list.filter((e) => e.ph === "f");
    if (starts.length !== 1 || ends.length !== 1) {
      fail(`flow ${key} has ${starts.length} starts and ${ends.length} ends`);
      continue;
    }
    if (ends[0].ts < starts[0].ts) fail(`flow ${key} ends before it starts`);
    if (ends[0].bp !== "e") fail(`flow ${key} does not bind its end to the enclosing slice`);
  }

  // Every node of the trace names a thread, once, and the sort order is the lane order.
  const nodes = [...new Set([...trace.nodes.map((n) => n.id), ...trace.events.map((e) => e.node)])];
  const named = [...threadNames.values()];
  for (const n of nodes)
    if (named.filter((x) => x === n).length !== 1) fail(`node ${n} is not named exactly once`);
  const byGroup = ["clients", "stores", "log", "consumers"].flatMap((g) =>
    trace.nodes.filter((n) => n.group === g).map((n) => n.id),
  );
  const sorted = [...threadNames.keys()]
    .sort((a, b) => (threadSort.get(a) ?? 0) - (threadSort.get(b) ?? 0))
    .map((k) => threadNames.get(k));
  if (JSON.stringify(sorted.slice(0, byGroup.length)) !== JSON.stringify(byGroup))
    fail(`thread order ${sorted} is not the lane order ${byGroup}`);

  // Every trace event once, with its fields; each delivered message a flow.
  const own = out.traceEvents.filter((e) => e.ph === "X" || (e.ph === "i" && e.s === "t"));
  if (own.length !== trace.events.length) fail("not one slice or instant per trace event");
  own.forEach((e, i) => {
    const source = trace.events[i];
    const args = e.args as Record<string, unknown>;
    if (args.seq !== source.seq || args.type !== source.type || args.t !== source.t)
      fail(`event ${i} is not trace event ${source.seq}`, e);
    if (threadNames.get(`${e.pid}/${e.tid}`) !== source.node) fail("event on another node", e);
    if (e.ts < source.t * 1000 || e.ts >= source.t * 1000 + 1000)
      fail("ts is not within the event's simulated ms", e);
  });
  const sent = new Set(
    trace.events.filter((e) => e.type === "send" || e.type === "duplicate").map((e) => e.msg),
  );
  const delivered = trace.events.filter((e) => e.type === "deliver" && sent.has(e.msg)).length;
  if (flows.size !== delivered) fail(`${flows.size} flows for ${delivered} delivered messages`);

  // Anomalies: one global instant each, named by kind, with the explanation.
  const marks = out.traceEvents.filter((e) => e.cat === "anomaly");
  const anomalies = report?.anomalies ?? [];
  if (marks.length !== anomalies.length) fail("not one instant per anomaly");
  for (const a of anomalies) {
    const m = marks.find((x) => (x.args as { id: string }).id === a.id);
    if (m === undefined) {
      fail(`anomaly ${a.id} missing`);
      continue;
    }
    if (m.name !== a.kind || m.ph !== "i" || m.s !== "g") fail("anomaly not a global instant", m);
    if ((m.args as { explanation: string }).explanation !== a.explanation)
      fail("anomaly without its explanation", m);
    if (m.ts < a.detectedAt * 1000) fail("anomaly before its detection", m);
  }
  return problems;
}

function run(s: Scenario) {
  const trace = simulate(s);
  const report = check(trace);
  return { trace, report, out: toChromeTrace(trace, report) };
}

const preset = (name: string) => presetScenario(name) as Scenario;

describe("toChromeTrace", () => {
  it.each(PRESET_NAMES.flatMap((name) => STRATEGIES.map((strategy) => [name, strategy] as const)))(
    "follows the format's documented fields: %s under %s",
    (name, strategy) => {
      const { trace, report, out } = run({ ...preset(name), strategy });
      expect(formatProblems(out, trace, report)).toEqual([]);
    },
  );

  it("follows them on generated runs with drops, duplicates, reorders, partitions and crashes", () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const { trace, report, out } = run(s);
        expect(formatProblems(out, trace, report)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("names a process per lane group and a thread per node, in the timeline's order", () => {
    const { out } = run({ ...preset("kleppmann-race"), strategy: "log" });
    const meta = out.traceEvents.filter((e) => e.ph === "M");
    const names = (kind: string) =>
      meta.filter((e) => e.name === kind).map((e) => (e.args as { name: string }).name);
    expect(names("process_name")).toEqual(["clients", "stores", "log", "consumers", "simulation"]);
    expect(names("thread_name")).toEqual([
      "client-1",
      "client-2",
      "db",
      "search",
      "broker-1",
      "broker-2",
      "broker-3",
      "consumer-db",
      "consumer-search",
      "network",
    ]);
    const db = meta.find(
      (e) => e.name === "thread_name" && (e.args as { name: string }).name === "db",
    );
    expect(db).toMatchObject({ pid: 2, tid: 2001 });
  });

  it("shows the Kleppmann race: flows from send to delivery, applies with key and value, the anomalies with their explanation", () => {
    const { report, out } = run(preset("kleppmann-race"));
    const ev = out.traceEvents;
    const applies = ev.filter((e) => e.cat === "apply");
    expect(applies.map((e) => e.name)).toEqual([
      "apply x = A",
      "apply x = B",
      "apply x = B",
      "apply x = A",
    ]);
    expect(applies[0].args).toMatchObject({ key: "x", value: "A", write: 1, node: "db", t: 15 });
    // client-1's write to search: sent at 20 ms, delivered at 60 ms.
    const start = ev.find((e) => e.ph === "s" && e.id === 5);
    const end = ev.find((e) => e.ph === "f" && e.id === 5);
    expect(start).toMatchObject({ name: "write", cat: "message", pid: 1, tid: 1001 });
    expect(end).toMatchObject({ name: "write", cat: "message", pid: 2, tid: 2002, bp: "e" });
    expect(Math.floor((start as ChromeTraceEvent).ts / 1000)).toBe(20);
    expect(Math.floor((end as ChromeTraceEvent).ts / 1000)).toBe(60);
    const send = ev.find((e) => e.cat === "send" && (e.args as { msg: number }).msg === 5);
    expect(send?.args?.outcome).toBe("delivered to search at 60 ms");
    const isolation = ev.find((e) => e.cat === "anomaly" && e.name === "isolation");
    const explanation = report.anomalies.find((a) => a.kind === "isolation")?.explanation;
    expect(isolation?.args?.explanation).toBe(explanation);
    expect(isolation).toMatchObject({ ph: "i", s: "g", pid: 2, tid: 2001 });
    // Just after the apply that showed it (search applies x = A at 60 ms).
    const lastApply = applies[3];
    expect(isolation?.ts).toBe(lastApply.ts + (lastApply.dur as number));
  });

  it("shows drops on the receiver with their reason, and no flow for them", () => {
    const ops = [{ at: 10, client: 1, op: "set" as const, key: "x", value: "A" }];
    const s = scriptScenario(ops, {
      stores: ["db"],
      strategy: "dual-write",
      schedule: [{ at: 0, kind: "partition", a: ["client-1"], b: ["db"], until: 100 }],
    });
    const { trace, report, out } = run(s);
    expect(formatProblems(out, trace, report)).toEqual([]);
    const drops = out.traceEvents.filter((e) => e.cat === "drop");
    expect(drops.length).toBeGreaterThan(0);
    expect(drops[0]).toMatchObject({ ph: "i", s: "t", pid: 2, tid: 2001 });
    expect(drops[0].name).toBe("drop write ← client-1 (partition)");
    expect(drops[0].args).toMatchObject({ detail: "partition", kind: "write", peer: "client-1" });
    const msg = (drops[0].args as { msg: number }).msg;
    expect(out.traceEvents.some((e) => (e.ph === "s" || e.ph === "f") && e.id === msg)).toBe(false);
    const send = out.traceEvents.find((e) => e.cat === "send" && e.args?.msg === msg);
    expect(send?.args?.outcome).toMatch(/^dropped at db at \d+ ms \(partition\)$/);
    const partition = out.traceEvents.find((e) => e.cat === "partition");
    expect(partition).toMatchObject({ ph: "i", s: "t", pid: 5, name: "partition client-1 | db" });
  });

  it("gives a duplicated message's copy its own flow", () => {
    const ops = [{ at: 10, client: 1, op: "set" as const, key: "x", value: "A" }];
    const s = scriptScenario(ops, { stores: ["db"], strategy: "dual-write" });
    s.network.links["client-1->db"] = { duplicateRate: 1 };
    const { trace, report, out } = run(s);
    expect(formatProblems(out, trace, report)).toEqual([]);
    const dup = trace.events.find((e) => e.type === "duplicate");
    expect(dup).toBeDefined();
    const ids = out.traceEvents.filter((e) => e.ph === "s").map((e) => e.id);
    expect(ids).toContain(dup?.msg);
    expect(ids).toContain(dup?.ref);
  });

  it("marks crashes, restarts, elections and ISR changes as instants", () => {
    const { out } = run({ ...preset("acks1-leader-failover"), strategy: "log" });
    // A leader cut off from its followers long enough shrinks the ISR.
    const writes = [
      { at: 10, client: 1, op: "set" as const, key: "x", value: "A" },
      { at: 500, client: 1, op: "set" as const, key: "x", value: "B" },
    ];
    const cut = scriptScenario(writes, {
      strategy: "log",
      clients: 1,
      schedule: [{ at: 0, kind: "partition", a: ["broker-1"], b: ["broker-2", "broker-3"] }],
    });
    const isr = run(cut);
    expect(formatProblems(isr.out, isr.trace, isr.report)).toEqual([]);
    out.traceEvents.push(...isr.out.traceEvents.filter((e) => e.cat === "isr-change"));
    for (const cat of ["crash", "restart", "elect", "isr-change", "partition", "heal"]) {
      const marks = out.traceEvents.filter((e) => e.cat === cat);
      expect(marks.length, cat).toBeGreaterThan(0);
      for (const m of marks) expect(m).toMatchObject({ ph: "i", s: "t" });
    }
    expect(out.traceEvents.filter((e) => e.cat === "append").length).toBeGreaterThan(0);
    expect(out.traceEvents.filter((e) => e.cat === "replicate").length).toBeGreaterThan(0);
  });

  it("is deterministic: the same trace gives the same JSON string, and the string is the object", () => {
    const a = run(preset("acks1-leader-failover"));
    const b = run(preset("acks1-leader-failover"));
    const text = chromeTraceJson(a.trace, a.report);
    expect(chromeTraceJson(b.trace, b.report)).toBe(text);
    expect(chromeTraceJson(a.trace, a.report)).toBe(text);
    expect(JSON.parse(text)).toEqual(a.out);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("writes the run's identity in metadata, and works without a report", () => {
    const { trace, out } = run(preset("kleppmann-race"));
    expect(out.metadata).toMatchObject({
      source: "Inside Out",
      scenario: "kleppmann-race",
      strategy: "dual-write",
      seed: trace.scenario.seed,
      traceHash: trace.traceHash,
      events: trace.events.length,
      anomalies: 2,
    });
    const bare = toChromeTrace(trace, null);
    expect(bare.traceEvents.some((e) => e.cat === "anomaly")).toBe(false);
    expect(formatProblems(bare, trace, null)).toEqual([]);
  });

  it("reads a long run through its columns, and spreads a crowded ms without overlap", () => {
    const s: Scenario = {
      ...preset("default"),
      strategy: "log",
      workload: {
        kind: "generated",
        writes: 400,
        keys: 5,
        ratePerSec: 2000,
        op: "set",
        readRate: 0,
        startMs: 0,
      },
    };
    const { trace, report, out } = run(s);
    expect(trace.events.length).toBeGreaterThan(4096);
    expect(formatProblems(out, trace, report)).toEqual([]);
  }, 30_000);
});
