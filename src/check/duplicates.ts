import type { Draft } from "./anomaly";
import { describeWrite } from "./explain";
import type { Facts } from "./facts";

/* Duplicates: an increment a store applied more than once. */

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
