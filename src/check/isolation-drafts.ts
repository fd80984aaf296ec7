import type { Draft } from "./anomaly";
import { describeHolding, describeWrite } from "./explain";
import type { Facts } from "./facts";

/* Isolation: a store that applied two writes of a key in the other order than its source of truth (the walk is in isolation.ts). */

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
