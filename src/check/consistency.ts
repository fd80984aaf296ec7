import { mayMiss } from "../sim/store-traits";
import type { Draft } from "./anomaly";
import type { Episodes } from "./divergence";
import { describeHolding } from "./explain";
import type { Facts } from "./facts";
import { behindLog, heldOffline } from "./offline";

type Value = string | number | undefined;

interface Reference {
  value: Value;
  /** The write that produced the reference value, and (for the db) its apply event. */
  write?: number;
  idx?: number;
}

/** What replaying the final log in offset order leaves for each key. */
function replayLog(f: Facts): Map<string, Reference> {
  const out = new Map<string, Reference>();
  for (const partition of f.trace.final.log) {
    for (const write of partition) {
      const op = f.ops.get(write);
      if (op === undefined || op.op === "read") continue;
      const prev = out.get(op.key)?.value;
      const value = op.op === "incr" ? Number(prev ?? 0) + Number(op.value) : op.value;
      out.set(op.key, { value, write });
    }
  }
  return out;
}

function referenceOf(f: Facts, logRef: Map<string, Reference> | null, key: string): Reference {
  if (logRef !== null) return logRef.get(key) ?? { value: undefined };
  const idx = f.current.get(f.ref)?.get(key);
  if (idx === undefined) return { value: undefined };
  const e = f.events.get(idx);
  return { value: e.value, write: e.write, idx };
}

/** Index of the first of `causes` (sorted by detection) detected inside [from, to), or -1. */
function firstWithin(causes: Draft[], from: number, to: number): number {
  let lo = 0;
  let hi = causes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (causes[mid].detectedAt < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < causes.length && causes[lo].detectedAt < to ? lo : -1;
}

/** The cause's events up to `t`: what the trace showed when the divergence was detected. */
function evidenceOf(f: Facts, cause: Draft | undefined, t: number): number[] {
  return (cause?.eventIdx ?? []).filter((i) => f.events.get(i).t <= t);
}

/**
 * A store's value for a key differs from the reference at quiescence; also,
 * for a db reference, the earlier stretches of divergence that an anomaly
 * (inversion, partial write, duplicate) caused and a later write repaired.
 * Divergence from plain replication lag is not reported.
 */
export function consistencyDrafts(f: Facts, related: Draft[]): Draft[] {
  const events = f.events;
  const logRef = f.ref === "log" ? replayLog(f) : null;
  const refName = f.ref === "log" ? "the log" : f.ref;
  const keys = [...new Set([...f.ops.values()].filter((o) => o.op !== "read").map((o) => o.key))];
  const byKey = new Map<string, Draft[]>();
  for (const d of related) {
    const list = byKey.get(d.key);
    if (list === undefined) byKey.set(d.key, [d]);
    else list.push(d);
  }
  const out: Draft[] = [];
  for (const store of f.stores) {
    if (store === f.ref || !f.joinedIdx.has(store)) continue;
    for (const key of keys) {
      const causes = (byKey.get(key) ?? [])
        .filter((d) => d.stores.includes(store) || d.stores.includes(f.ref))
        .sort((a, b) => a.detectedAt - b.detectedAt);
      const episodes = f.divergence?.of(store, key);
      if (episodes !== undefined)
        out.push(...healedEpisodes(f, store, key, episodes, causes, refName));
      const mineIdx = f.current.get(store)?.get(key);
      const mine = mineIdx === undefined ? undefined : events.get(mineIdx).value;
      const ref = referenceOf(f, logRef, key);
      if ((mayMiss(store) && mine === undefined) || mine === ref.value) continue;
      // Behind an offline partition that holds the source's latest write, a store only lags.
      if (behindLog(f, store) && heldOffline(f, ref.write)) continue;
      const { at, cause } = finalDetection(episodes?.open, causes, f.end);
      const detectedAt = Math.min(at, f.end);
      const mineWrite = mineIdx === undefined ? undefined : events.get(mineIdx).write;
      const refText =
        f.ref === "log"
          ? `replaying the log gives ${describeHolding(key, ref.value)}`
          : `${refName} holds ${describeHolding(key, ref.value)}`;
      out.push({
        kind: "consistency",
        key,
        writes: [mineWrite, ref.write].filter((w): w is number => w !== undefined),
        eventIdx: [
          ...[mineIdx, ref.idx].filter((i): i is number => i !== undefined),
          ...evidenceOf(f, cause, detectedAt),
        ],
        stores: [f.ref, store],
        detectedAt,
        settles: "at-end",
        explanation: `At the end ${store} ${mine === undefined ? "has" : "holds"} ${describeHolding(key, mine)} while ${refText}.`,
      });
    }
  }
  return out;
}

/**
 * With a db reference the final divergence has a known start, and it is
 * detected at the first related anomaly from then on (or at its start, if an
 * anomaly already explained it). A log reference has no live value to compare
 * with, so the first related anomaly stands for the start. Without one, the
 * divergence shows only at quiescence.
 */
function finalDetection(
  since: number | undefined,
  causes: Draft[],
  end: number,
): { at: number; cause?: Draft } {
  if (causes.length === 0) return { at: end };
  if (since === undefined) return { at: causes[0].detectedAt, cause: causes[0] };
  const j = firstWithin(causes, since, Number.POSITIVE_INFINITY);
  if (j >= 0) return { at: causes[j].detectedAt, cause: causes[j] };
  return { at: since, cause: causes[0] };
}

/** The last change at or before `t` (the first one if all are later). */
function heldAt<T extends [number, ...unknown[]]>(changes: T[], t: number): T {
  let out = changes[0];
  for (const c of changes) if (c[0] <= t) out = c;
  return out;
}

function healedEpisodes(
  f: Facts,
  store: string,
  key: string,
  ep: Episodes,
  causes: Draft[],
  refName: string,
): Draft[] {
  const out: Draft[] = [];
  for (let j = 0; j < ep.ends.length; j++) {
    const c = firstWithin(causes, ep.starts[j], ep.ends[j]);
    if (c < 0) continue;
    const cause = causes[c];
    const detectedAt = cause.detectedAt;
    // The values at the moment the sentence describes (the cause's detection), not the lag before it.
    const [, mine, ref] = heldAt(ep.held[j], detectedAt);
    out.push({
      kind: "consistency",
      key,
      writes: cause.writes,
      eventIdx: evidenceOf(f, cause, detectedAt),
      stores: [f.ref, store],
      detectedAt,
      healedAt: ep.ends[j],
      settles: "at-end",
      explanation: `For a while ${store} held ${describeHolding(key, mine)} while ${refName} held ${describeHolding(key, ref)}, until a later change brought them back in line.`,
      idSuffix: `@${detectedAt}`,
    });
  }
  return out;
}
