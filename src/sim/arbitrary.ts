import fc from "fast-check";
import { DEFAULT_LINK, defaultScenario } from "./defaults";
import { runNodes } from "./topology";
import type { Scenario, ScheduleEntry, StoreName, Strategy } from "./types";
import { STRATEGIES } from "./types";

/** Test-only: fast-check generators of valid, smallish scenarios covering every strategy and fault kind. */

const rate = fc.double({ min: 0, max: 0.3, noNaN: true });

export const arbStrategy: fc.Arbitrary<Strategy> = fc.constantFrom(...STRATEGIES);

const arbBase: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    strategy: arbStrategy,
    extra: fc.subarray<StoreName>(["cache", "search"]),
    clients: fc.integer({ min: 1, max: 3 }),
    delayMin: fc.integer({ min: 1, max: 20 }),
    delaySpread: fc.integer({ min: 0, max: 30 }),
    dropRate: rate,
    duplicateRate: rate,
    reorderRate: rate,
    order: fc.constantFrom("sequential" as const, "parallel" as const),
    ackAfter: fc.constantFrom("all" as const, "first" as const),
    retries: fc.integer({ min: 0, max: 2 }),
    brokers: fc.integer({ min: 1, max: 3 }),
    partitions: fc.integer({ min: 1, max: 2 }),
    acks: fc.constantFrom(0 as const, 1 as const, "all" as const),
    minIsr: fc.integer({ min: 1, max: 3 }),
    unclean: fc.boolean(),
    commit: fc.constantFrom("before-apply" as const, "after-apply" as const, "atomic" as const),
    writes: fc.integer({ min: 1, max: 30 }),
    keys: fc.integer({ min: 1, max: 4 }),
    ratePerSec: fc.integer({ min: 5, max: 80 }),
    op: fc.constantFrom("set" as const, "incr" as const),
    readRate: fc.constantFrom(0, 0.2),
    versioned: fc.boolean(),
  })
  .map((r) => {
    const base = defaultScenario();
    return {
      ...base,
      seed: r.seed,
      strategy: r.strategy,
      stores: ["db", ...r.extra],
      clients: r.clients,
      versionedWrites: r.versioned,
      dualWrite: { order: r.order, retries: r.retries, timeoutMs: 150, ackAfter: r.ackAfter },
      log: {
        ...base.log,
        brokers: r.brokers,
        partitions: r.partitions,
        acks: r.acks,
        minInsyncReplicas: Math.min(r.minIsr, r.brokers),
        uncleanLeaderElection: r.unclean,
        commit: r.commit,
      },
      network: {
        default: {
          ...DEFAULT_LINK,
          delayMsMin: r.delayMin,
          delayMsMax: r.delayMin + r.delaySpread,
          dropRate: r.dropRate,
          duplicateRate: r.duplicateRate,
          reorderRate: r.reorderRate,
        },
        links: {},
      },
      workload: {
        kind: "generated",
        writes: r.writes,
        keys: r.keys,
        ratePerSec: r.ratePerSec,
        op: r.op,
        readRate: r.readRate,
        startMs: 10,
      },
      caps: { maxEvents: 50_000, maxTimeMs: 20_000 },
    } satisfies Scenario;
  });

/** A schedule entry naming nodes of `s`, at or after `minAt`. */
export function arbFault(s: Scenario, minAt = 0): fc.Arbitrary<ScheduleEntry> {
  const nodes = runNodes(s).map((n) => n.id);
  const at = fc.integer({ min: minAt, max: minAt + 1500 });
  const node = fc.constantFrom(...nodes);
  return fc.oneof(
    fc
      .record({ at, node, down: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }) })
      .map(
        ({ at, node, down }): ScheduleEntry => ({
          at,
          kind: "crash",
          node,
          restartAt: down === undefined ? undefined : at + down,
        }),
      ),
    fc
      .record({ at, a: node, b: node, oneWay: fc.boolean(), len: fc.integer({ min: 1, max: 600 }) })
      .filter(({ a, b }) => a !== b)
      .map(
        ({ at, a, b, oneWay, len }): ScheduleEntry => ({
          at,
          kind: "partition",
          a: [a],
          b: [b],
          oneWay,
          until: at + len,
        }),
      ),
  );
}

export const arbScenario: fc.Arbitrary<Scenario> = arbBase.chain((s) =>
  fc.array(arbFault(s), { maxLength: 3 }).map((schedule) => ({ ...s, schedule })),
);
