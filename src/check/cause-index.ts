/**
 * What every cause chain of one trace shares, built once per trace: each
 * event's process, messages from send to delivery, and the cross-node causes
 * the trace records (a partition cuts the messages dropped while it holds, a
 * crash drops what reaches the crashed node and leads to an election, a lost
 * request or reply makes its client time out).
 */
import type { Trace, TraceEvent, WriteOp } from "../sim/types";

/** The node of partition, heal and quiesce events: the network, not a process. */
export const NETWORK = "network";
/** What every chain of one trace shares, built once per trace. */
export interface CauseIndex {
  trace: Trace;
  events: TraceEvent[];
  idxOfSeq: Map<number, number>;
  /** Per event, the process it happened on. */
  proc: string[];
  /** Message id to its send (or, for a duplicate's copy, the duplicate event). */
  sendOf: Map<number, number>;
  /** Message id to its delivery or drop. */
  recvOf: Map<number, number>;
  writes: Map<number, WriteOp>;
  /** Cause-to-effect edges the trace records on another node (see the module comment). */
  effects: Map<number, number[]>;
  /** Per process, its event indices in order. */
  byProc: Map<string, number[]>;
}

const indexes = new WeakMap<Trace, CauseIndex>();

/** A consumer applies to its store locally: the two are one process. */
export function processOf(node: string): string {
  return node.startsWith("consumer-") ? node.slice("consumer-".length) : node;
}

function addEdge(effects: Map<number, number[]>, from: number, to: number): void {
  const list = effects.get(from);
  if (list === undefined) effects.set(from, [to]);
  else list.push(to);
}

function buildIndex(trace: Trace): CauseIndex {
  const events = trace.events;
  const idxOfSeq = new Map<number, number>();
  const proc: string[] = [];
  const sendOf = new Map<number, number>();
  const recvOf = new Map<number, number>();
  const effects = new Map<number, number[]>();
  const byProc = new Map<string, number[]>();
  const writes = new Map<number, WriteOp>();
  for (const w of trace.writes) writes.set(w.id, w);

  let partition = -1;
  let lastBrokerCrash = -1;
  const lastCrash = new Map<string, number>();
  /** Drops of a write's messages still waiting for the timeout they cause, by process. */
  const pendingDrops = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    idxOfSeq.set(e.seq, i);
    const p = processOf(e.node);
    proc.push(p);
    let list = byProc.get(p);
    if (list === undefined) {
      list = [];
      byProc.set(p, list);
    }
    list.push(i);
    switch (e.type) {
      case "send":
      case "duplicate":
        if (e.msg !== undefined) sendOf.set(e.msg, i);
        break;
      case "deliver":
        if (e.msg !== undefined) recvOf.set(e.msg, i);
        break;
      case "drop": {
        if (e.msg !== undefined) recvOf.set(e.msg, i);
        if (e.detail === "partition" && partition >= 0) addEdge(effects, partition, i);
        const crash = lastCrash.get(e.node);
        if (e.detail === "crashed" && crash !== undefined) addEdge(effects, crash, i);
        // The request's sender (or the reply's receiver) waits, then times out.
        if (e.write !== undefined && e.peer !== undefined) {
          for (const node of [processOf(e.peer), p]) {
            const pending = pendingDrops.get(node) ?? [];
            pending.push(i);
            pendingDrops.set(node, pending);
          }
        }
        break;
      }
      case "timeout": {
        const pending = pendingDrops.get(p);
        if (pending !== undefined) {
          for (const d of pending) if (events[d].write === e.write) addEdge(effects, d, i);
          pendingDrops.set(
            p,
            pending.filter((d) => events[d].write !== e.write),
          );
        }
        break;
      }
      case "partition":
        partition = i;
        break;
      case "crash":
        lastCrash.set(e.node, i);
        if (e.node.startsWith("broker-")) lastBrokerCrash = i;
        break;
      case "elect":
        if (lastBrokerCrash >= 0) addEdge(effects, lastBrokerCrash, i);
        break;
      default:
        break;
    }
  }
  return { trace, events, idxOfSeq, proc, sendOf, recvOf, writes, effects, byProc };
}

export function indexOf(trace: Trace): CauseIndex {
  let index = indexes.get(trace);
  if (index === undefined) {
    index = buildIndex(trace);
    indexes.set(trace, index);
  }
  return index;
}
