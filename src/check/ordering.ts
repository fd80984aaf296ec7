import { clientId } from "../sim/topology";
import type { Draft } from "./anomaly";
import { describeHolding, describeWrite } from "./explain";
import type { Facts } from "./facts";

/** The apply event that left `store`'s final value for `key`, if any. */
function finalApply(f: Facts, store: string, key: string) {
  const i = f.current.get(store)?.get(key);
  return i === undefined ? undefined : f.events.get(i);
}

export function isolationDrafts(f: Facts): Draft[] {
  const events = f.events;
  return f.isolation.findings().map((finding) => {
    const { store, key, writes } = finding;
    const [a, b] = writes;
    const first = describeWrite(f.ops.get(a), a);
    const second = describeWrite(f.ops.get(b), b);
    const head =
      f.ref === "log"
        ? `The log holds ${first} before ${second} but ${store} applied them the other way round`
        : `${f.ref} applied ${first} before ${second} but ${store} applied them the other way round`;
    let tail = ".";
    if (finding.healedIdx !== undefined) {
      tail = ", until a later apply put them back in line.";
    } else if (f.ref !== "log") {
      // Name the end values only when this very pair left them, so the sentence stays true.
      const mine = finalApply(f, store, key);
      const ref = finalApply(f, f.ref, key);
      if (mine?.write === a && ref?.write === b && mine.value !== ref.value) {
        tail = `, so ${store} ends with ${describeHolding(key, mine.value)} while ${f.ref} ends with ${describeHolding(key, ref.value)}.`;
      }
    }
    return {
      kind: "isolation",
      key,
      writes: [a, b],
      eventIdx: finding.events,
      stores: [f.ref, store],
      detectedAt: finding.detectedAt,
      // A store ahead of its source can be back on the path before the source's order exists.
      healedAt:
        finding.healedIdx === undefined
          ? undefined
          : Math.max(events.get(finding.healedIdx).t, finding.detectedAt),
      settles: "at-end",
      explanation: head + tail,
    };
  });
}

export function duplicateDrafts(f: Facts): Draft[] {
  const events = f.events;
  // In one database the views change in the db's own transaction: one duplicate, told at the db.
  const inTransaction = (store: string) => f.way.transaction && store !== f.ref;
  return f.duplicates
    .filter((d) => !inTransaction(d.store))
    .map(({ store, write, applies }) => {
      const op = f.ops.get(write);
      const key = op?.key ?? events.get(applies[0]).key ?? "";
      const amount = Number(op?.value ?? 0);
      const times = applies.length === 2 ? "twice" : `${applies.length} times`;
      return {
        kind: "duplicate",
        key,
        writes: [write],
        eventIdx: applies,
        stores: [store],
        detectedAt: events.get(applies[1]).t,
        settles: "at-detection",
        explanation: `${store} applied ${describeWrite(op, write)} ${times}, so ${key} went up by ${amount * applies.length} instead of ${amount}.`,
      };
    });
}

export function staleReadDrafts(f: Facts): Draft[] {
  const events = f.events;
  return f.staleReads.map(({ readIdx, readOp, expected, reason }) => {
    const e = events.get(readIdx);
    const op = f.ops.get(readOp);
    const key = op?.key ?? e.key ?? "";
    const reader = clientId(op?.client ?? "?");
    const seen = e.ref ?? 0;
    const got =
      e.value === undefined
        ? `found no value for ${key} in ${e.node}`
        : `read ${describeHolding(key, e.value)}${seen > 0 ? ` (from write #${seen})` : ""} in ${e.node}`;
    const own = describeWrite(f.ops.get(expected), expected);
    const why =
      reason === "missing"
        ? `which did not have ${own} that ${reader} had already been told succeeded`
        : `though write #${seen} had finished before ${reader}'s own acknowledged ${own} began`;
    const ack = f.ackIdx.get(expected);
    const inv = f.invokeIdx.get(readOp);
    return {
      kind: "stale-read",
      key,
      writes: seen > 0 ? [readOp, expected, seen] : [readOp, expected],
      eventIdx: [readIdx, ...[ack, inv].filter((i): i is number => i !== undefined)],
      stores: [e.node],
      detectedAt: e.t,
      settles: "at-detection",
      explanation: `${reader} ${got}, ${why}.`,
    };
  });
}
