import fc from "fast-check";
import { arbFault, arbScenario } from "../sim/arbitrary";
import { runNodes } from "../sim/topology";
import type { Scenario, ScheduleEntry, StoreName, Strategy } from "../sim/types";

/**
 * Test-only: scenarios for the differential test, built on `arbScenario`.
 * `arbScenario` picks its faults for the strategy it drew, so overriding the
 * strategy afterwards would name nodes that do not exist (brokers under
 * dual-write); this draws the faults again for the strategy asked for. Half
 * the runs are "hostile", adding what `arbScenario` never generates: a store
 * that joins late (`add-store`), dedupe, extra crashes aimed at the log's
 * machinery (brokers without restart — offline partitions —, consumers, the
 * connector, the cache) and, for half of those, three clients contending on
 * one key with many reads (cache-aside fills racing the writes).
 */

/** Nodes of the log machinery and the cache in `s` (empty without a log and a cache). */
function logMachinery(s: Scenario): string[] {
  const out: string[] = [];
  if (s.stores.includes("cache")) out.push("cache");
  for (const n of runNodes(s)) if (n.kind !== "client" && n.kind !== "store") out.push(n.id);
  return out;
}

function arbMachineryCrash(s: Scenario): fc.Arbitrary<ScheduleEntry[]> {
  const nodes = logMachinery(s);
  if (nodes.length === 0) return fc.constant([]);
  return fc.array(
    fc
      .record({
        at: fc.integer({ min: 0, max: 1500 }),
        node: fc.constantFrom(...nodes),
        down: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined, freq: 2 }),
      })
      .map(
        ({ at, node, down }): ScheduleEntry => ({
          at,
          kind: "crash",
          node,
          restartAt: down === undefined ? undefined : at + down,
        }),
      ),
    { maxLength: 2 },
  );
}

/** A derived store of `s` moved out of `stores` into an `add-store` entry (none if it has none). */
function arbLateStore(s: Scenario): fc.Arbitrary<{ store: StoreName; at: number } | null> {
  const derived = s.stores.filter((x) => x !== "db");
  if (derived.length === 0) return fc.constant(null);
  return fc.option(
    fc.record({ store: fc.constantFrom(...derived), at: fc.integer({ min: 0, max: 1200 }) }),
    { nil: null },
  );
}

function withStrategy(strategy: Strategy): fc.Arbitrary<Scenario> {
  return arbScenario.chain((drawn) => {
    const s: Scenario = { ...drawn, strategy };
    return fc.array(arbFault(s), { maxLength: 3 }).map((schedule) => ({ ...s, schedule }));
  });
}

function hostile(strategy: Strategy): fc.Arbitrary<Scenario> {
  return withStrategy(strategy).chain((s) =>
    fc
      .record({
        crashes: arbMachineryCrash(s),
        late: arbLateStore(s),
        dedupe: fc.boolean(),
        contended: fc.boolean(),
      })
      .map(({ crashes, late, dedupe, contended }): Scenario => {
        const schedule = [...s.schedule, ...crashes];
        const stores = late === null ? s.stores : s.stores.filter((x) => x !== late.store);
        if (late !== null) schedule.push({ at: late.at, kind: "add-store", store: late.store });
        const workload =
          contended && s.workload.kind === "generated"
            ? { ...s.workload, keys: 1, readRate: 0.4, ratePerSec: 80 }
            : s.workload;
        return { ...s, stores, dedupe, schedule, workload, clients: contended ? 3 : s.clients };
      }),
  );
}

/** Scenarios of one strategy: `arbScenario`'s mix, half of them with the hostile extras. */
export function arbTruthScenario(strategy: Strategy): fc.Arbitrary<Scenario> {
  return fc.oneof(withStrategy(strategy), hostile(strategy));
}
