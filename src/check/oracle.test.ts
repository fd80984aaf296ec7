import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbScenario } from "../sim/arbitrary";
import { partitionFor } from "../sim/log/producer";
import { simulate } from "../sim/simulate";
import type { Scenario, Trace } from "../sim/types";
import { anomaliesAt, check } from "./index";
import type { Anomaly, AnomalyKind } from "./types";

/**
 * A brute-force oracle: replays every store's applies naively (all pairs,
 * from scratch after every event) and states what the checkers must find.
 * Slow on purpose; only the generated runs are small enough for it.
 */

type Value = string | number | undefined;

/** A store's apply: the write, and its place in the key's source history when it carries one. */
interface Item {
  write: number;
  pos?: number;
}

interface StoreReplay {
  /** Every apply of each key's writes, in order (re-applies included). */
  order: Map<string, Item[]>;
  /** Writes applied in this life of the store (a cache crash starts a new one). */
  held: Set<number>;
  values: Map<string, Value>;
  everApplied: Set<number>;
  incrApplies: Map<number, number>;
}

const fresh = (): StoreReplay => ({
  order: new Map(),
  held: new Set(),
  values: new Map(),
  everApplied: new Set(),
  incrApplies: new Map(),
});

/**
 * True if `mine` (a store's applies of a key) cannot be read as a walk along
 * `ref` (the source's history of the key), tried every way by brute force: an
 * apply carrying its source position stands at that position (going back is a
 * replay); any other must stand at a later position holding its write, unless
 * it repeats the write the store stands on; writes `ref` never holds are orphans.
 */
function leavesPath(ref: number[], mine: Item[]): boolean {
  const items = mine.filter((it) => it.pos !== undefined || ref.includes(it.write));
  const fits = (i: number, cur: number): boolean => {
    if (i === items.length) return true;
    const it = items[i];
    if (it.pos !== undefined) return fits(i + 1, it.pos);
    if (cur >= 0 && ref[cur] === it.write) return fits(i + 1, cur);
    for (let p = cur + 1; p < ref.length; p++)
      if (ref[p] === it.write && fits(i + 1, p)) return true;
    return false;
  };
  return !fits(0, -1);
}

interface Expected {
  /** `store:key` pairs whose history ever left the source's order (not a subsequence of it). */
  offPath: Set<string>;
  consistency: Set<string>;
  duplicate: Set<string>;
  atomicity: Set<number>;
  finalValues: Map<string, Map<string, Value>>;
}

function oracle(trace: Trace): Expected {
  const strategy = trace.scenario.strategy;
  const refName = strategy === "log" ? "log" : "db";
  const ops = new Map(trace.writes.map((w) => [w.id, w]));
  const stores = new Map<string, StoreReplay>();
  const of = (s: string) => {
    let r = stores.get(s);
    if (r === undefined) {
      r = fresh();
      stores.set(s, r);
    }
    return r;
  };
  const logOrder = new Map<string, number[]>();
  const logValues = new Map<string, Value>();
  /** Source position (`p:offset`, or a cdc LSN) → place in its key's source history. */
  const placeOf = new Map<string, number>();
  for (const [p, part] of trace.final.log.entries()) {
    for (const [offset, w] of part.entries()) {
      const op = ops.get(w);
      if (op === undefined || op.op === "read") continue;
      placeOf.set(`${p}:${offset}`, (logOrder.get(op.key) ?? []).length);
      logOrder.set(op.key, [...(logOrder.get(op.key) ?? []), w]);
      const prev = logValues.get(op.key);
      logValues.set(op.key, op.op === "incr" ? Number(prev ?? 0) + Number(op.value) : op.value);
    }
  }
  const refOrder = (key: string) =>
    refName === "log"
      ? (logOrder.get(key) ?? [])
      : (of("db").order.get(key) ?? []).map((it) => it.write);
  let lsn = 0;
  const exp: Expected = {
    offPath: new Set(),
    consistency: new Set(),
    duplicate: new Set(),
    atomicity: new Set(),
    finalValues: new Map(),
  };
  const joined = new Map<string, number>();
  const late = new Set(
    trace.scenario.schedule.flatMap((s) => (s.kind === "add-store" ? [s.store] : [])),
  );
  // Joins and crashes by trace position: one in the same ms as an invoke may come before or after it.
  for (const s of trace.scenario.stores) if (!late.has(s)) joined.set(s, -1);
  const cacheCrashes: number[] = [];

  for (const [i, e] of trace.events.entries()) {
    if (e.type === "add-store") joined.set(e.node, i);
    if (e.type === "crash" && e.node === "cache") {
      for (const [key, order] of of("cache").order)
        if (leavesPath(refOrder(key), order)) exp.offPath.add(`cache:${key}`);
      stores.set("cache", { ...fresh(), everApplied: of("cache").everApplied });
      cacheCrashes.push(i);
    }
    if (e.type !== "apply" || e.write === undefined || e.key === undefined) continue;
    const r = of(e.node);
    r.everApplied.add(e.write);
    r.held.add(e.write);
    r.values.set(e.key, e.value);
    // Every db apply is one commit-log entry: the n-th is LSN n.
    if (e.node === "db" && strategy !== "log")
      placeOf.set(String(++lsn), (r.order.get(e.key) ?? []).length);
    // A consumer's apply at its source position (a log offset the final log still holds, or
    // under cdc a commit-log position) is the source's own order; a replay goes back along it.
    const at =
      strategy === "cdc" && e.ref !== undefined
        ? placeOf.get(String(e.ref))
        : refName === "log" &&
            e.offset !== undefined &&
            e.partition !== undefined &&
            trace.final.log[e.partition]?.[e.offset] === e.write
          ? placeOf.get(`${e.partition}:${e.offset}`)
          : undefined;
    r.order.set(e.key, [...(r.order.get(e.key) ?? []), { write: e.write, pos: at }]);
    if (e.detail === "incr") {
      const n = (r.incrApplies.get(e.write) ?? 0) + 1;
      r.incrApplies.set(e.write, n);
      // single-db: the views change in the db's transaction; the duplicate is the db's.
      if (n >= 2 && (strategy !== "single-db" || e.node === "db"))
        exp.duplicate.add(`${e.node}:${e.write}`);
    }
  }
  const keys = new Set([...ops.values()].filter((o) => o.op !== "read").map((o) => o.key));
  for (const [name, r] of stores) exp.finalValues.set(name, r.values);
  for (const name of joined.keys()) {
    const r = of(name);
    if (name === refName) continue;
    for (const key of keys) {
      if (leavesPath(refOrder(key), r.order.get(key) ?? [])) exp.offPath.add(`${name}:${key}`);
      const latest =
        refName === "log" ? logOrder.get(key)?.at(-1) : of("db").order.get(key)?.at(-1)?.write;
      if (behindOffline(trace, latest, name)) continue;
      const mine = r.values.get(key);
      const ref = refName === "log" ? logValues.get(key) : of("db").values.get(key);
      if (!(name === "cache" && mine === undefined) && mine !== ref)
        exp.consistency.add(`${name}:${key}`);
    }
  }
  const inLog = new Set(trace.final.log.flat());
  const invokedAt = new Map(
    [...trace.events.entries()]
      .filter(([, e]) => e.type === "invoke")
      .map(([i, e]) => [e.write, i]),
  );
  const rejected = new Set(
    trace.events.filter((e) => e.type === "reject").map((e) => `${e.node}:${e.write}`),
  );
  for (const op of ops.values()) {
    const at = invokedAt.get(op.id);
    if (op.op === "read" || at === undefined) continue;
    const has: boolean[] = refName === "log" ? [inLog.has(op.id)] : [];
    for (const [name, when] of joined) {
      const applied = stores.get(name)?.everApplied.has(op.id) ?? false;
      // A cache that applied the write and forgot it in a crash neither holds nor misses it.
      if (applied && !(stores.get(name)?.held.has(op.id) ?? false)) continue;
      const excused =
        !applied &&
        (rejected.has(`${name}:${op.id}`) ||
          behindOffline(trace, op.id, name) ||
          (strategy !== "log" && when > at) ||
          (name === "cache" && cacheCrashes.some((i) => i > at)));
      if (!excused) has.push(applied);
    }
    if (has.some((x) => x) && has.some((x) => !x)) exp.atomicity.add(op.id);
  }
  return exp;
}

/**
 * Under log (every store) and cdc (derived stores), a store is only behind a
 * write that sits in a partition offline at the end (in the log it waits for).
 */
function behindOffline(trace: Trace, write: number | undefined, store: string): boolean {
  const { strategy } = trace.scenario;
  const { offline, log } = trace.final;
  if (strategy !== "log" && !(strategy === "cdc" && store !== "db")) return false;
  const key = trace.writes.find((w) => w.id === write)?.key;
  if (write === undefined || key === undefined || offline.length === 0) return false;
  const p = partitionFor(key, offline.length);
  return offline[p] === true && (log[p]?.includes(write) ?? false);
}

const open = (r: Anomaly[], kind: AnomalyKind) =>
  r.filter((a) => a.kind === kind && a.state !== "healed");
const pairOf = (a: Anomaly) => `${a.stores[1]}:${a.key}`;

/** Many writers on one or two keys over a reordering network: inversions are common. */
const arbContended = arbScenario.map(
  (s): Scenario => ({
    ...s,
    strategy: s.seed % 2 === 0 ? "dual-write" : "cdc",
    clients: 3,
    network: { ...s.network, default: { ...s.network.default, reorderRate: 0.3 } },
    workload: {
      kind: "generated",
      writes: 30,
      keys: 1 + (s.seed % 2),
      ratePerSec: 80,
      op: s.seed % 3 === 0 ? "incr" : "set",
      readRate: 0.2,
      startMs: 10,
    },
  }),
);

describe("check agrees with a brute-force oracle", { timeout: 300_000 }, () => {
  it.each([
    ["generated runs", arbScenario, 300],
    ["contended runs", arbContended, 100],
  ] as const)("on %s", (_, arb, numRuns) => {
    fc.assert(
      fc.property(arb, (scenario) => {
        const trace = simulate(scenario);
        const exp = oracle(trace);
        const report = check(trace);
        const all = report.anomalies;
        // The engine's final state is what a replay of its applies gives.
        for (const [store, values] of Object.entries(trace.final.stores)) {
          for (const [key, value] of Object.entries(values)) {
            expect(exp.finalValues.get(store)?.get(key)).toEqual(value);
          }
        }
        // Every isolation anomaly is a store that left its source's order, and every such store
        // shows one (healed or not).
        expect(new Set(all.filter((a) => a.kind === "isolation").map(pairOf))).toEqual(exp.offPath);
        expect(new Set(open(all, "consistency").map(pairOf))).toEqual(exp.consistency);
        expect(
          new Set(
            all.filter((a) => a.kind === "duplicate").map((a) => `${a.stores[0]}:${a.writes[0]}`),
          ),
        ).toEqual(exp.duplicate);
        const partial = all.filter((a) => a.kind === "atomicity");
        expect(new Set(partial.map((a) => a.writes[0]))).toEqual(exp.atomicity);
        // Honest detection: never after the end, never before the first event it cites.
        const end = trace.quiescedAt ?? trace.endTime;
        const timeOf = new Map(trace.events.map((e) => [e.seq, e.t]));
        for (const a of all) {
          expect(a.detectedAt).toBeLessThanOrEqual(end);
          const times = a.events.map((s) => timeOf.get(s) ?? Number.NaN);
          if (times.length > 0) expect(a.detectedAt).toBeGreaterThanOrEqual(Math.min(...times));
          expect(anomaliesAt(report, a.detectedAt - 0.5).some((x) => x.id === a.id)).toBe(false);
        }
        // One database: retries may double an increment or land after the client gave up,
        // but its tables never disagree.
        if (trace.scenario.strategy === "single-db")
          expect(
            all.filter((a) => ["isolation", "consistency"].includes(a.kind) || partial.includes(a)),
          ).toEqual([]);
      }),
      { numRuns },
    );
  });

  it("finds stream-visible anomalies in the trace cut at their detection time", () => {
    fc.assert(
      fc.property(arbContended, (scenario) => {
        const trace = simulate(scenario);
        const report = check(trace);
        for (const a of report.anomalies) {
          if (a.kind !== "isolation" && a.kind !== "duplicate" && a.kind !== "stale-read") continue;
          // Built field by field, not by spreading the trace: a spread would keep the full run's
          // `columns`, which is what the checker reads, and it would check the whole run again.
          const cut = trace.events.filter((e) => e.t <= a.detectedAt && e.type !== "quiesce");
          const prefix: Trace = {
            scenario: trace.scenario,
            nodes: trace.nodes,
            writes: trace.writes,
            events: cut,
            columns: { length: cut.length, get: (i) => cut[i], type: (i) => cut[i].type },
            quiescedAt: null,
            capped: trace.capped,
            endTime: a.detectedAt,
            traceHash: trace.traceHash,
            final: trace.final,
          };
          const seen = check(prefix).anomalies.find((x) => x.id === a.id);
          expect(seen?.detectedAt).toBe(a.detectedAt);
        }
      }),
      { numRuns: 100 },
    );
  });
});
