import { partitionFor } from "../sim/log/producer";
import type { Facts } from "./facts";
import type { OfflinePartition } from "./types";

const WAITING = "; waiting for ";

/**
 * Partitions with no leader at the end: their records sit on a crashed
 * in-sync replica's disk, so they are unavailable, not lost. Stores fed
 * through such a partition are only behind it.
 */
export function offlinePartitions(f: Facts): OfflinePartition[] {
  const offline = f.trace.final.offline;
  if (!offline.some((x) => x)) return [];
  const since = new Map<number, { t: number; waitingFor: string | null }>();
  for (let i = 0; i < f.events.length; i++) {
    if (f.events.type(i) !== "elect") continue;
    const e = f.events.get(i);
    const p = e.partition ?? 0;
    if (!(e.detail ?? "").startsWith("offline")) {
      since.delete(p);
      continue;
    }
    const at = e.detail?.indexOf(WAITING) ?? -1;
    const waitingFor = at < 0 ? null : (e.detail?.slice(at + WAITING.length) ?? null);
    if (!since.has(p)) since.set(p, { t: e.t, waitingFor });
  }
  const out: OfflinePartition[] = [];
  offline.forEach((isOffline, p) => {
    if (!isOffline) return;
    const { t, waitingFor } = since.get(p) ?? { t: f.end, waitingFor: null };
    const fed = f.stores.filter((s) => behindLog(f, s));
    const writes = (f.trace.final.log[p] ?? []).filter((w) =>
      fed.some((s) => !f.firstApply.get(s)?.has(w)),
    );
    const who = waitingFor ?? "an in-sync replica";
    const held =
      writes.length === 0
        ? "every store had applied what it holds"
        : `${writes.length} record${writes.length === 1 ? "" : "s"} no store has applied yet wait there`;
    out.push({
      partition: p,
      since: t,
      waitingFor,
      writes,
      explanation: `Partition ${p} has been offline since ${t} ms, waiting for ${who} to return; its records are unavailable, not lost (${held}).`,
    });
  });
  return out;
}

/** Whether `store` is fed through the log (so an offline partition holds it back). */
export function behindLog(f: Facts, store: string): boolean {
  return f.way.fedFromLog(store);
}

/**
 * Whether `write` sits in a partition that is offline at the end: the stores
 * fed through it are only behind it. A write the log never got (a connector
 * that died before publishing it) is not held there: those stores miss it.
 */
export function heldOffline(f: Facts, write: number | undefined): boolean {
  const { offline, log } = f.trace.final;
  if (write === undefined || !offline.some((x) => x)) return false;
  const key = f.ops.get(write)?.key;
  if (key === undefined) return false;
  const p = partitionFor(key, offline.length);
  return offline[p] === true && (log[p]?.includes(write) ?? false);
}
