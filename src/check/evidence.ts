import { CONNECTOR_ID, clientId, consumerId } from "../sim/topology";
import type { Facts } from "./facts";

/**
 * The nodes whose failure can keep a write from reaching `target` (a store, or
 * `log`): the store itself and, where a log sits in between, its consumer, the
 * CDC connector and the brokers.
 */
export function pathNodes(f: Facts, target: string): string[] {
  const brokers = f.trace.nodes.filter((n) => n.kind === "broker").map((n) => n.id);
  if (target === "log") return brokers;
  if (!f.way.fedFromLog(target)) return [target];
  const connector = f.way.capturesDb ? [CONNECTOR_ID] : [];
  return [target, consumerId(target), ...connector, ...brokers];
}

/**
 * The first event (index) at or after the write's invoke that shows it in
 * trouble on the way to one of `path`: its client failing, timing out or
 * crashing mid-operation, a message carrying it lost on a link touching the
 * path, a node of the path crashing, or (from `logLoss`) the log losing it.
 */
export function firstEvidence(
  f: Facts,
  write: number,
  path: ReadonlySet<string>,
  logLoss: Map<number, number>,
): number | undefined {
  const events = f.events;
  const op = f.ops.get(write);
  const inv = f.invokeIdx.get(write);
  if (op === undefined || inv === undefined) return undefined;
  const from = events.get(inv).t;
  let best: number | undefined;
  const consider = (i: number | undefined) => {
    if (i !== undefined && events.get(i).t >= from && (best === undefined || i < best)) best = i;
  };
  for (const i of f.trouble.get(write) ?? []) {
    const e = events.get(i);
    const relevant =
      e.type === "fail" ||
      (e.type === "timeout" && (e.peer === undefined || path.has(e.peer))) ||
      path.has(e.node) ||
      (e.peer !== undefined && path.has(e.peer));
    if (relevant) consider(i);
  }
  for (const node of path) consider(firstAtOrAfter(f, f.crashes.get(node), from));
  const client = clientId(op.client);
  const crash = firstAtOrAfter(f, f.crashes.get(client), from);
  const ack = f.ackIdx.get(write);
  if (crash !== undefined && (ack === undefined || ack > crash)) consider(crash);
  consider(logLoss.get(write));
  return best;
}

function firstAtOrAfter(f: Facts, list: number[] | undefined, t: number): number | undefined {
  for (const i of list ?? []) if (f.events.get(i).t >= t) return i;
  return undefined;
}

/**
 * For writes missing from the final log: the moment the log lost each for
 * certain — a leader elected without it (the records past its end are gone
 * from then on), or a broker truncating it away. A leader crashing holding it
 * loses nothing yet: with unclean election off the partition waits for it
 * (offline), and only an election without the record makes the loss certain.
 * A second pass, limited to the few writes that need it.
 */
export function logLossEvidence(f: Facts, lost: ReadonlySet<number>): Map<number, number> {
  const out = new Map<number, number>();
  if (lost.size === 0) return out;
  const events = f.events;
  const held = new Map<string, Map<number, number>>(); // broker -> write -> offset
  const partitionOf = new Map<number, number>();
  const mark = (write: number, i: number) => {
    if (!out.has(write)) out.set(write, i);
  };
  for (let i = 0; i < events.length; i++) {
    const e = events.get(i);
    const p = e.partition ?? 0;
    if ((e.type === "append" || e.type === "replicate") && e.write !== undefined) {
      if (!lost.has(e.write)) continue;
      partitionOf.set(e.write, p);
      let mine = held.get(e.node);
      if (mine === undefined) {
        mine = new Map();
        held.set(e.node, mine);
      }
      mine.set(e.write, e.offset ?? 0);
    } else if (e.type === "truncate") {
      for (const [write, offset] of held.get(e.node) ?? []) {
        if (partitionOf.get(write) !== p || offset < (e.offset ?? 0)) continue;
        held.get(e.node)?.delete(write);
        mark(write, i);
      }
    } else if (e.type === "elect") {
      if (e.detail?.startsWith("offline") ?? false) continue;
      for (const [write, part] of partitionOf) {
        if (part === p && !held.get(e.node)?.has(write)) mark(write, i);
      }
    }
  }
  return out;
}
