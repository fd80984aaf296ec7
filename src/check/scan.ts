import { eventsOf } from "../sim/event-reader";
import { losesStateOnCrash, mayMiss } from "../sim/store-traits";
import { strategyOf } from "../sim/strategy";
import { addedStores } from "../sim/topology";
import { type EventReader, STORE_NAMES, type Trace, type WriteOp } from "../sim/types";
import { forget, type IncrApplies, nested, onApply, type StoreTables } from "./applies";
import { DivergenceTracker } from "./divergence";
import type { Facts, StaleReadFinding } from "./facts";
import { IdTable } from "./id-table";
import { IsolationTracker, SourceHistory } from "./isolation";
import { MetricsAccumulator } from "./metrics";

const STORE_SET: ReadonlySet<string> = new Set(STORE_NAMES);

/**
 * Read-your-writes, judged at the store that answered: stale if that store
 * does not hold the reader's own acknowledged write `own` (never applied, or
 * lost in a crash) and no later write has set the key since, or if its value
 * was set by a write that had completed before `own` even began. A write
 * concurrent with `own` may legally land on top of it, an increment on top
 * still includes it, and a versioned store that refused `own` held something
 * newer. A cache miss sends the reader on to the db, so it is not stale.
 */
function staleness(
  f: Facts,
  readIdx: number,
  own: number,
  forgotAt: Map<string, number>,
  doneIdx: IdTable,
): StaleReadFinding["reason"] | null {
  const e = f.events.get(readIdx);
  const store = e.node;
  if (mayMiss(store) && e.value === undefined) return null;
  const seen = e.ref ?? 0;
  if (seen === own) return null;
  // A versioned store that refused `own` already held something newer.
  if (f.rejected.get(store)?.has(own)) return null;
  const cur = e.key === undefined ? undefined : f.current.get(store)?.get(e.key);
  const producer = cur === undefined ? undefined : f.events.get(cur);
  const overwrite = seen > 0 && producer?.write === seen && producer.detail !== "incr";
  const applied = f.lastApply.get(store)?.get(own);
  if (applied === undefined || applied < (forgotAt.get(store) ?? -1)) {
    // A set by a later write may replace `own` unseen; an increment never includes it.
    return overwrite && seen > own ? null : "missing";
  }
  if (!overwrite) return null;
  const done = doneIdx.get(seen);
  const began = f.invokeIdx.get(own);
  return done !== undefined && began !== undefined && done < began ? "older" : null;
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function historyOf(history: Map<string, SourceHistory>, key: string): SourceHistory {
  let h = history.get(key);
  if (h === undefined) {
    h = new SourceHistory();
    history.set(key, h);
  }
  return h;
}

/**
 * Stores, keys and each key's history in the source of truth (the db's
 * applies, or the final log in offset order), which the trackers need before
 * the main pass.
 */
function survey(trace: Trace, events: EventReader, ref: string) {
  const stores = new Set<string>(trace.scenario.stores);
  const history = new Map<string, SourceHistory>();
  /** A source position (`lsn`, or `partition:offset`) → its position in its key's history. */
  const sourcePos = new Map<string, number>();
  const keys = new Set<string>();
  let lsn = 0;
  for (let i = 0; i < events.length; i++) {
    const type = events.type(i);
    if (type !== "apply" && type !== "add-store") continue;
    const e = events.get(i);
    stores.add(e.node);
    if (e.key === undefined) continue;
    keys.add(e.key);
    if (e.node !== ref || e.write === undefined) continue;
    // Every db apply is one entry of its commit log, in order: the n-th is LSN n.
    const h = historyOf(history, e.key);
    sourcePos.set(String(++lsn), h.writes.length);
    h.push(e.write, e.t, i);
  }
  if (ref === "log") {
    const ops = new Map(trace.writes.map((w) => [w.id, w]));
    trace.final.log.forEach((partition, p) => {
      partition.forEach((write, offset) => {
        const key = ops.get(write)?.key;
        if (key === undefined) return;
        const h = historyOf(history, key);
        sourcePos.set(`${p}:${offset}`, h.writes.length);
        h.push(write, 0, -1);
      });
    });
  }
  const order = STORE_NAMES.filter((s) => stores.has(s));
  return { stores: order, history, keys, sourcePos };
}

export function scan(trace: Trace): Facts {
  const strategy = trace.scenario.strategy;
  const way = strategyOf(strategy);
  const ref = way.orderSource;
  const events = eventsOf(trace);
  const { stores, history, keys, sourcePos } = survey(trace, events, ref);
  const ops = new Map<number, WriteOp>();
  for (const op of trace.writes) ops.set(op.id, op);
  const current = new Map<string, Map<string, number>>();
  const valueIn = (store: string, key: string) => {
    const i = current.get(store)?.get(key);
    return i === undefined ? undefined : events.get(i).value;
  };
  const lastApply = new Map<string, IdTable>();
  const size = trace.writes.length + 1;
  const facts: Facts = {
    trace,
    events,
    strategy,
    way,
    ref,
    end: trace.quiescedAt ?? trace.endTime,
    quiesced: trace.quiescedAt !== null,
    ops,
    stores,
    invokeIdx: new IdTable(size),
    ackIdx: new IdTable(size),
    firstApply: new Map(),
    lastApply,
    rejected: new Map(),
    firstAppend: new IdTable(size),
    trouble: new Map(),
    crashes: new Map(),
    joinedIdx: new Map(),
    sourcePos,
    current,
    isolation: new IsolationTracker(history, lastApply),
    divergence: ref === "db" ? new DivergenceTracker(ref, valueIn, keys) : null,
    duplicates: [],
    staleReads: [],
    metrics: new MetricsAccumulator(trace.nodes),
  };
  const late = new Set<string>(addedStores(trace.scenario));
  for (const store of stores) {
    if (late.has(store)) continue;
    facts.joinedIdx.set(store, -1);
    facts.divergence?.join(store, 0);
  }
  passOne(facts);
  return facts;
}

function passOne(f: Facts): void {
  const events = f.events;
  const msgWrite = new IdTable(1024);
  const applyCount = new Map<string, IncrApplies>();
  const tables = new Map<string, StoreTables>();
  /** Per client and key, the newest write of that client acknowledged so far. */
  const ownAcked = new Map<string, Map<string, number>>();
  /** Per read op, the reader's newest acknowledged write to the key when the read began. */
  const expectAtLeast = new Map<number, number>();
  const staleSeen = new Set<number>();
  /** Per op, the event that completed it (ack or fail). */
  const doneIdx = new IdTable(f.trace.writes.length + 1);
  /** Per store, the crash at which it last lost its state. */
  const forgotAt = new Map<string, number>();
  for (let i = 0; i < events.length; i++) {
    const e = events.get(i);
    const write = e.write;
    f.metrics.onEvent(e);
    switch (e.type) {
      case "invoke": {
        if (write === undefined) break;
        f.invokeIdx.set(write, i);
        const op = f.ops.get(write);
        if (op?.op === "read") {
          const own = ownAcked.get(e.node)?.get(op.key);
          if (own !== undefined) expectAtLeast.set(write, own);
        }
        break;
      }
      case "ack": {
        if (write === undefined || f.ackIdx.has(write)) break;
        f.ackIdx.set(write, i);
        if (!doneIdx.has(write)) doneIdx.set(write, i);
        const op = f.ops.get(write);
        if (op === undefined || op.op === "read") break;
        const mine = nested(ownAcked, e.node);
        if ((mine.get(op.key) ?? 0) < write) mine.set(op.key, write);
        break;
      }
      case "fail":
        if (write !== undefined && !doneIdx.has(write)) doneIdx.set(write, i);
        if (write !== undefined) pushTo(f.trouble, write, i);
        break;
      case "timeout":
        if (write !== undefined) pushTo(f.trouble, write, i);
        break;
      case "send":
        if (write !== undefined && e.msg !== undefined) msgWrite.set(e.msg, write);
        break;
      case "duplicate": {
        const w = write ?? (e.ref === undefined ? undefined : msgWrite.get(e.ref));
        if (w !== undefined && e.msg !== undefined) msgWrite.set(e.msg, w);
        break;
      }
      case "drop": {
        const w = write ?? (e.msg === undefined ? undefined : msgWrite.get(e.msg));
        if (w !== undefined) pushTo(f.trouble, w, i);
        break;
      }
      case "reject":
        if (write === undefined) break;
        if (STORE_SET.has(e.node)) {
          let refused = f.rejected.get(e.node);
          if (refused === undefined) {
            refused = new Set();
            f.rejected.set(e.node, refused);
          }
          refused.add(write);
        } else pushTo(f.trouble, write, i);
        break;
      case "append":
        if (write !== undefined && !f.firstAppend.has(write)) f.firstAppend.set(write, i);
        break;
      case "apply":
        onApply(f, i, applyCount, tables);
        break;
      case "read": {
        if (write === undefined || staleSeen.has(write)) break;
        const own = expectAtLeast.get(write);
        const reason = own === undefined ? null : staleness(f, i, own, forgotAt, doneIdx);
        if (own !== undefined && reason !== null) {
          staleSeen.add(write);
          f.staleReads.push({ readIdx: i, readOp: write, expected: own, reason });
        }
        break;
      }
      case "crash":
        pushTo(f.crashes, e.node, i);
        if (losesStateOnCrash(e.node)) {
          forgotAt.set(e.node, i);
          forget(f, e.node, i, e.t, applyCount);
        }
        break;
      case "add-store":
        f.joinedIdx.set(e.node, i);
        f.divergence?.join(e.node, e.t);
        break;
      default:
        break;
    }
  }
}
