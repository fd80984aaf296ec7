/**
 * The sentence for each event on a cause chain: nodes, keys and values in
 * the words a person would use ("client-1's write of x = A to search is
 * delayed 40 ms on a slow link").
 */
import { losesStateOnCrash } from "../sim/store-traits";
import { clientId } from "../sim/topology";
import type { LinkOptions, Trace } from "../sim/types";
import type { CauseIndex } from "./cause-index";
import { NETWORK, processOf } from "./cause-index";
import { describeEffect, listNames, showValue } from "./explain";

export function effectOf(ix: CauseIndex, write: number | undefined): string {
  const op = write === undefined ? undefined : ix.writes.get(write);
  if (op === undefined) return write === undefined ? "a write" : `write #${write}`;
  return op.op === "read" ? `a read of ${op.key}` : describeEffect(op);
}

export function writerOf(ix: CauseIndex, write: number | undefined): string | null {
  const op = write === undefined ? undefined : ix.writes.get(write);
  return op === undefined ? null : clientId(op.client);
}

/** What a message is, in words: "write of x = A", "fetch response". */
export function messageWhat(
  ix: CauseIndex,
  kind: string | undefined,
  write: number | undefined,
): string {
  const eff = effectOf(ix, write);
  switch (kind) {
    case "write":
      return `write of ${eff}`;
    case "tx":
      return `transaction ${eff}`;
    case "write-ack":
    case "tx-ack":
      return `acknowledgement of ${eff}`;
    case "read":
      return eff;
    case "read-resp":
      return `answer to ${eff.startsWith("a read") ? eff : `a read (${eff})`}`;
    case "fill":
      return `cache fill of ${eff}`;
    case "produce":
      return `produce request for ${eff}`;
    case "produce-resp":
      return "produce acknowledgement";
    case "fetch":
      return "fetch request";
    case "fetch-resp":
      return "fetch response";
    case "wal-fetch":
      return "read of the db's change log";
    case "wal-resp":
      return "batch of the db's changes";
    default:
      return write === undefined ? "message" : `message about ${eff}`;
  }
}

export function linkOptions(trace: Trace, from: string, to: string): LinkOptions {
  const net = trace.scenario.network;
  return { ...net.default, ...net.links[`${from}->${to}`] };
}

/** A configured link override slower than the network's usual delays. */
export function isSlowLink(trace: Trace, from: string, to: string): boolean {
  const net = trace.scenario.network;
  const o = net.links[`${from}->${to}`];
  if (o === undefined) return false;
  const min = o.delayMsMin ?? net.default.delayMsMin;
  return min > net.default.delayMsMax;
}

export function range(o: Pick<LinkOptions, "delayMsMin" | "delayMsMax">): string {
  return o.delayMsMin === o.delayMsMax
    ? `${o.delayMsMin} ms`
    : `${o.delayMsMin}–${o.delayMsMax} ms`;
}

/** The delay of a delivered message, or null when it never arrived. */
export function delayOf(ix: CauseIndex, sendIdx: number): number | null {
  const msg = ix.events[sendIdx].msg;
  const r = msg === undefined ? undefined : ix.recvOf.get(msg);
  if (r === undefined || ix.events[r].type !== "deliver") return null;
  return ix.events[r].t - ix.events[sendIdx].t;
}

/** A message held up past its link's delays (a reorder spike) or on a slow link; else null. */
export function delayedText(ix: CauseIndex, i: number): string | null {
  const e = ix.events[i];
  if (e.type !== "send" || e.peer === undefined) return null;
  const delay = delayOf(ix, i);
  if (delay === null) return null;
  const what = `${e.node}'s ${messageWhat(ix, e.detail, e.write)} to ${e.peer}`;
  const trace = ix.trace;
  if (isSlowLink(trace, e.node, e.peer)) {
    return `${what} is delayed ${delay} ms on a slow link (the network's usual is ${range(trace.scenario.network.default)})`;
  }
  const o = linkOptions(trace, e.node, e.peer);
  if (delay > o.delayMsMax) {
    return `${what} is held up ${delay} ms, as if resent on another connection (the link usually takes ${range(o)}), so later messages overtake it`;
  }
  return null;
}

export function nextOfType(
  ix: CauseIndex,
  from: number,
  type: string,
  node: string,
): number | null {
  for (let j = from + 1; j < ix.events.length; j++) {
    const e = ix.events[j];
    if (e.type === type && e.node === node) return j;
  }
  return null;
}

export function storesApplied(ix: CauseIndex, write: number, before: number): string[] {
  const out: string[] = [];
  for (let j = 0; j < before; j++) {
    const e = ix.events[j];
    if (e.type === "apply" && e.write === write && !out.includes(e.node)) out.push(e.node);
  }
  return out;
}

export function crashText(ix: CauseIndex, i: number, writes: readonly number[]): string {
  const e = ix.events[i];
  const restart = nextOfType(ix, i, "restart", e.node);
  const down = restart === null ? "and stays down" : `(down until ${ix.events[restart].t} ms)`;
  if (losesStateOnCrash(e.node)) return `${e.node} crashes and forgets everything it held ${down}`;
  if (e.node.startsWith("consumer-")) {
    const n = uncommitted(ix, i);
    if (n > 0)
      return `${e.node} crashes after applying ${n} record${n === 1 ? "" : "s"} it has not committed ${down}`;
  }
  if (e.node.startsWith("client-")) {
    // A write of this client's still in flight: what had it reached?
    for (const w of writes) {
      if (writerOf(ix, w) !== e.node || !inFlight(ix, w, i)) continue;
      const reached = storesApplied(ix, w, i);
      const missing = ix.trace.scenario.stores.filter((s) => !reached.includes(s));
      const state =
        reached.length === 0
          ? "no store has it yet"
          : missing.length === 0
            ? `${listNames(reached)} already applied it`
            : `${listNames(reached)} applied it, ${listNames(missing)} never get it`;
      return `${e.node} crashes in the middle of writing ${effectOf(ix, w)}: ${state}`;
    }
  }
  return `${e.node} crashes ${down}`;
}

/** Records a consumer applied since its last commit, before event `at`. */
export function uncommitted(ix: CauseIndex, at: number): number {
  const consumer = ix.events[at].node;
  const store = processOf(consumer);
  let n = 0;
  for (const j of ix.byProc.get(store) ?? []) {
    if (j >= at) break;
    const e = ix.events[j];
    if (e.type === "commit-offset" && e.node === consumer) n = 0;
    else if (e.type === "apply" && e.node === store) n++;
  }
  return n;
}

/** Invoked before `at` and not yet acknowledged or failed by then. */
export function inFlight(ix: CauseIndex, write: number, at: number): boolean {
  let invoked = false;
  for (let j = 0; j < at; j++) {
    const e = ix.events[j];
    if (e.write !== write) continue;
    if (e.type === "invoke") invoked = true;
    else if (e.type === "ack" || e.type === "fail") return false;
  }
  return invoked;
}

export function partitionText(ix: CauseIndex, i: number): string {
  const e = ix.events[i];
  const detail = e.detail ?? "";
  const heal = nextOfType(ix, i, "heal", NETWORK);
  const until = heal === null ? "" : ` until ${ix.events[heal].t} ms`;
  const oneWay = detail.includes("->");
  const [a, b] = detail.split(oneWay ? "->" : "|").map((side) => listNames(side.trim().split(",")));
  if (b === undefined) return `a network partition starts${until}`;
  return oneWay
    ? `a one-way network partition cuts every message from ${a} to ${b}${until}`
    : `a network partition cuts ${a} off from ${b}${until}`;
}

/** Does broker `node` hold write `w` (appended or copied) before event `at`? */
export function holds(ix: CauseIndex, node: string, w: number, at: number): boolean {
  let has = false;
  for (let j = 0; j < at; j++) {
    const e = ix.events[j];
    if (e.node !== node) continue;
    if ((e.type === "append" || e.type === "replicate") && e.write === w) has = true;
    else if (e.type === "truncate") has = false;
  }
  return has;
}

export function electText(ix: CauseIndex, i: number, writes: readonly number[]): string {
  const e = ix.events[i];
  const epoch = /epoch (\d+)/.exec(e.detail ?? "")?.[1];
  const missing = writes.filter(
    (w) =>
      ix.events.some((x, j) => j < i && x.type === "append" && x.write === w) &&
      !holds(ix, e.node, w, i),
  );
  const without =
    missing.length === 0 ? "" : `, without ${listNames(missing.map((w) => effectOf(ix, w)))}`;
  return `${e.node} is elected leader of partition ${e.partition ?? 0}${epoch === undefined ? "" : ` (epoch ${epoch})`}${without}`;
}

/** The value the store held for `key` just before event `at` (a crashed cache holds nothing). */
export function valueBefore(
  ix: CauseIndex,
  store: string,
  key: string,
  at: number,
): string | number | undefined {
  const list = ix.byProc.get(processOf(store)) ?? [];
  let value: string | number | undefined;
  for (const j of list) {
    if (j >= at) break;
    const e = ix.events[j];
    if (e.node !== store) continue;
    if (e.type === "apply" && e.key === key) value = e.value;
    else if (e.type === "crash" && losesStateOnCrash(store)) value = undefined;
  }
  return value;
}

export function appliedBefore(ix: CauseIndex, store: string, write: number, at: number): boolean {
  const list = ix.byProc.get(processOf(store)) ?? [];
  for (const j of list) {
    if (j >= at) break;
    const e = ix.events[j];
    if (e.node === store && e.type === "apply" && e.write === write) return true;
  }
  return false;
}

export function applyText(ix: CauseIndex, i: number): string {
  const e = ix.events[i];
  const op = e.write === undefined ? undefined : ix.writes.get(e.write);
  const who = writerOf(ix, e.write);
  const again = e.write !== undefined && appliedBefore(ix, e.node, e.write, i) ? " again" : "";
  const eff = effectOf(ix, e.write);
  const what = who === null ? eff : `${who}'s ${eff}`;
  if (op?.op === "incr")
    return `${e.node} applies ${what}${again}, making ${e.key} = ${showValue(e.value)}`;
  const before = e.key === undefined ? undefined : valueBefore(ix, e.node, e.key, i);
  const over =
    before === undefined || before === e.value ? "" : ` over ${e.key} = ${showValue(before)}`;
  return `${e.node} applies ${what}${again}${over}`;
}

/** The sentence for any event on a chain. */
export function eventText(ix: CauseIndex, i: number, writes: readonly number[]): string {
  const e = ix.events[i];
  const eff = effectOf(ix, e.write);
  switch (e.type) {
    case "invoke":
      return e.detail === "read" ? `${e.node} reads ${e.key}` : `${e.node} writes ${eff}`;
    case "send":
      return (
        delayedText(ix, i) ??
        `${e.node} sends its ${messageWhat(ix, e.detail, e.write)} to ${e.peer}`
      );
    case "deliver": {
      const s = e.msg === undefined ? undefined : ix.sendOf.get(e.msg);
      const took = s === undefined ? "" : `, ${e.t - ix.events[s].t} ms after it was sent`;
      return `${e.node} receives ${e.peer}'s ${messageWhat(ix, e.detail, e.write)}${took}`;
    }
    case "drop": {
      const what = `${e.peer}'s ${messageWhat(ix, undefined, e.write)}`;
      const kind = e.msg === undefined ? undefined : ix.sendOf.get(e.msg);
      const whatKind =
        kind === undefined
          ? what
          : `${e.peer}'s ${messageWhat(ix, ix.events[kind].detail, e.write)}`;
      if (e.detail === "partition") return `${whatKind} to ${e.node} is cut by the partition`;
      if (e.detail === "crashed")
        return `${whatKind} reaches ${e.node} while it is down, and is lost`;
      return `${whatKind} to ${e.node} is lost in the network`;
    }
    case "duplicate":
      return `the network delivers ${e.node}'s ${messageWhat(ix, e.detail, e.write)} to ${e.peer} twice (a resend)`;
    case "apply":
      return applyText(ix, i);
    case "reject":
      return `${e.node} refuses ${eff} (${e.detail ?? "rejected"})`;
    case "ack":
      return `${e.node} is told ${eff} succeeded`;
    case "fail":
      return `${e.node} gives up on ${eff} (${e.detail ?? "failed"})`;
    case "timeout":
      return `${e.node} times out waiting for ${e.peer ?? "an answer"} about ${eff}`;
    case "retry":
      return `${e.node} sends ${eff} to ${e.peer ?? "the store"} again`;
    case "read":
      return `${e.node} answers a read of ${e.key} with ${showValue(e.value)}`;
    case "crash":
      return crashText(ix, i, writes);
    case "restart":
      return `${e.node} restarts`;
    case "partition":
      return partitionText(ix, i);
    case "heal":
      return "the network partition heals";
    case "append":
      return `${e.node} appends ${eff} to the log at offset ${e.offset ?? "?"}`;
    case "replicate":
      return `${e.node} copies ${eff} (offset ${e.offset ?? "?"}) from the leader`;
    case "hw-advance":
      return `${e.node}'s high watermark moves to ${e.offset ?? "?"}`;
    case "isr-change":
      return `the in-sync replicas become ${e.detail ?? "?"}`;
    case "elect":
      return electText(ix, i, writes);
    case "truncate":
      return `${e.node} cuts its log back to ${e.offset ?? 0} records to match the new leader (${e.detail ?? "a new epoch"})`;
    case "poll": {
      const n = typeof e.value === "number" ? e.value : 0;
      return `${e.node} fetches ${n} record${n === 1 ? "" : "s"} from offset ${e.offset ?? 0}`;
    }
    case "commit-offset":
      return `${e.node} commits offset ${e.offset ?? 0}`;
    case "add-store": {
      const earlier = writes.filter((w) => {
        const op = ix.writes.get(w);
        return op !== undefined && op.at < e.t;
      });
      const after =
        earlier.length === 0
          ? ""
          : `, after ${listNames(earlier.map((w) => effectOf(ix, w)))} had been written`;
      return `${e.node} joins late, at ${e.t} ms${after}`;
    }
    case "quiesce":
      return "the system goes quiet";
    default:
      return `${e.type} at ${e.node}`;
  }
}
