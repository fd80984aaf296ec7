/**
 * fast-check arbitraries of valid v1 scenarios and view states, for any test
 * that needs "every scenario a person could share" (round trips here; the
 * engine's determinism and prefix-stability properties elsewhere).
 * Everything generated passes `restoreScenario` unchanged.
 *
 * Node references are drawn as indexes and mapped onto the topology's node
 * list afterwards, instead of `chain`ing on the topology: building arbitraries
 * per sample made generation ~10x slower and shrinking poorer.
 */
import fc from "fast-check";
import {
  type LinkOptions,
  type Scenario,
  type ScheduleEntry,
  type ScriptOp,
  STORE_NAMES,
  STRATEGIES,
  type StoreName,
  type Strategy,
  type Workload,
} from "../sim/types";
import { LIMITS } from "./limits";
import { nodeNames } from "./nodes";
import { BOUNDS } from "./schema";
import type { ViewState } from "./view";

const noNegativeZero = (x: number) => (Object.is(x, -0) ? 0 : x);
/** A rate in [0, 1]; never -0, which JSON cannot carry. */
const rate = fc
  .oneof(fc.constantFrom(0, 0.01, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(noNegativeZero);
const delayMs = fc.integer({ min: 0, max: BOUNDS.durationMs });
const time = (max = 20_000) => fc.integer({ min: 0, max });
/** Short text of any code points, including lone surrogates and markup. */
const text = (maxCodePoints: number) =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength: maxCodePoints }),
    fc.constantFrom("<script>alert(1)</script>", "__proto__", "constructor", "é☃𝄞"),
  );
const pick = <T>(items: readonly T[], index: number): T => items[index % items.length];

const linkFields = {
  delayMsMin: delayMs,
  delayMsMax: delayMs,
  dropRate: rate,
  duplicateRate: rate,
  reorderRate: rate,
  reorderSpikeMs: delayMs,
};

const linkOptions: fc.Arbitrary<LinkOptions> = fc.record(linkFields).map((l) => ({
  ...l,
  delayMsMin: Math.min(l.delayMsMin, l.delayMsMax),
  delayMsMax: Math.max(l.delayMsMin, l.delayMsMax),
}));

/** An override may leave min above the default's max; `build` raises max to match. */
const linkOverride = fc.record(linkFields, { requiredKeys: [] });

const stores: fc.Arbitrary<StoreName[]> = fc
  .tuple(fc.shuffledSubarray(["cache", "search"] as StoreName[]), fc.nat())
  .map(([derived, at]) => {
    const i = at % (derived.length + 1);
    return [...derived.slice(0, i), "db", ...derived.slice(i)];
  });

const scriptOp: fc.Arbitrary<ScriptOp> = fc
  .record(
    {
      at: time(),
      client: fc.integer({ min: 1, max: LIMITS.clients }),
      op: fc.constantFrom<ScriptOp["op"]>("set", "incr", "read"),
      key: fc.oneof(
        fc.constantFrom("a", "b", "user:1"),
        text(BOUNDS.keyLength / 2).filter((k) => k.length > 0),
      ),
      value: fc.oneof(
        text(BOUNDS.valueLength / 2),
        fc.integer({ min: -1000, max: 1000 }),
        fc
          .double({ min: -BOUNDS.valueMagnitude, max: BOUNDS.valueMagnitude, noNaN: true })
          .map(noNegativeZero),
      ),
    },
    { requiredKeys: ["at", "client", "op", "key"] },
  )
  .map((op) =>
    op.op === "incr" && typeof op.value === "string" ? { ...op, value: op.value.length } : op,
  );

const workload: fc.Arbitrary<Workload> = fc.oneof(
  fc.record({
    kind: fc.constant("generated" as const),
    writes: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant(LIMITS.writes)),
    keys: fc.integer({ min: 1, max: BOUNDS.keys }),
    // At >= 10/s even the largest workload ends inside the workload-duration cap.
    ratePerSec: fc.oneof(
      fc.integer({ min: 10, max: 1000 }),
      fc.double({ min: 10, max: BOUNDS.ratePerSec, noNaN: true }),
    ),
    op: fc.constantFrom<"set" | "incr">("set", "incr"),
    readRate: rate,
    startMs: time(10_000),
  }),
  fc.record({ kind: fc.constant("script" as const), ops: fc.array(scriptOp, { maxLength: 40 }) }),
);

/** A schedule entry whose nodes are indexes, resolved by `resolveEntry`. */
const rawEntry = fc.oneof(
  fc.record(
    {
      at: time(),
      kind: fc.constant("partition" as const),
      sides: fc.uniqueArray(fc.nat({ max: 63 }), { minLength: 2, maxLength: 6 }),
      cut: fc.nat(),
      length: fc.integer({ min: 1, max: 5000 }),
      hasUntil: fc.boolean(),
      oneWay: fc.boolean(),
      hasOneWay: fc.boolean(),
    },
    { requiredKeys: ["at", "kind", "sides", "cut", "length", "hasUntil", "hasOneWay", "oneWay"] },
  ),
  fc.record({
    at: time(),
    kind: fc.constant("crash" as const),
    node: fc.nat(),
    after: fc.option(fc.integer({ min: 1, max: 5000 })),
  }),
  fc.record({ at: time(), kind: fc.constant("restart" as const), node: fc.nat() }),
  fc.record({ at: time(), kind: fc.constant("heal" as const) }),
);
type RawEntry = typeof rawEntry extends fc.Arbitrary<infer T> ? T : never;

function resolveEntry(raw: RawEntry, nodes: string[]): ScheduleEntry {
  switch (raw.kind) {
    case "partition": {
      const sides = [...new Set(raw.sides.map((i) => pick(nodes, i)))];
      const chosen = sides.length >= 2 ? sides : nodes.slice(0, 2);
      const split = 1 + (raw.cut % (chosen.length - 1));
      return {
        at: raw.at,
        kind: "partition",
        a: chosen.slice(0, split),
        b: chosen.slice(split),
        ...(raw.hasUntil ? { until: raw.at + raw.length } : {}),
        ...(raw.hasOneWay ? { oneWay: raw.oneWay } : {}),
      };
    }
    case "crash":
      return {
        at: raw.at,
        kind: "crash",
        node: pick(nodes, raw.node),
        ...(raw.after === null ? {} : { restartAt: raw.at + raw.after }),
      };
    case "restart":
      return { at: raw.at, kind: "restart", node: pick(nodes, raw.node) };
    case "heal":
      return raw;
  }
}

const raw = fc.record(
  {
    name: text(BOUNDS.nameLength / 2),
    description: text(200),
    seed: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: BOUNDS.seed })),
    strategy: fc.constantFrom(...STRATEGIES),
    stores,
    clients: fc.integer({ min: 1, max: LIMITS.clients }),
    addStores: fc.nat({ max: 3 }),
    versionedWrites: fc.boolean(),
    // Only on or absent: a link drops `false`, which restores as absent (the same meaning).
    dedupe: fc.constant(true),
    dualWrite: fc.record({
      order: fc.constantFrom<"sequential" | "parallel">("sequential", "parallel"),
      ackAfter: fc.option(fc.constantFrom<"all" | "first">("all", "first"), { nil: undefined }),
      retries: fc.integer({ min: 0, max: BOUNDS.retries }),
      timeoutMs: fc.integer({ min: 1, max: BOUNDS.durationMs }),
    }),
    log: fc.record({
      brokers: fc.integer({ min: 1, max: LIMITS.brokers }),
      partitions: fc.integer({ min: 1, max: LIMITS.partitions }),
      acks: fc.constantFrom<0 | 1 | "all">(0, 1, "all"),
      minInsyncReplicas: fc.integer({ min: 1, max: LIMITS.brokers }),
      uncleanLeaderElection: fc.boolean(),
      commit: fc.constantFrom<Scenario["log"]["commit"]>("before-apply", "after-apply", "atomic"),
      replicaLagMs: fc.integer({ min: 1, max: BOUNDS.durationMs }),
      fetchIntervalMs: fc.integer({ min: 1, max: BOUNDS.durationMs }),
      electionDelayMs: fc.integer({ min: 0, max: BOUNDS.durationMs }),
      requestTimeoutMs: fc.integer({ min: 1, max: BOUNDS.durationMs }),
      retries: fc.integer({ min: 0, max: BOUNDS.retries }),
    }),
    networkDefault: linkOptions,
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), linkOverride), { maxLength: 4 }),
    workload,
    schedule: fc.array(rawEntry, { maxLength: 12 }),
    caps: fc.record({
      maxEvents: fc.integer({ min: 1, max: LIMITS.maxEvents }),
      maxTimeMs: fc.integer({ min: 1, max: LIMITS.maxTimeMs }),
    }),
  },
  {
    requiredKeys: [
      "seed",
      "strategy",
      "stores",
      "clients",
      "addStores",
      "versionedWrites",
      "dualWrite",
      "log",
      "networkDefault",
      "links",
      "workload",
      "schedule",
      "caps",
    ],
  },
);

function build(r: typeof raw extends fc.Arbitrary<infer T> ? T : never): Scenario {
  const {
    addStores: addCount,
    networkDefault,
    links: rawLinks,
    schedule: rawSchedule,
    ...rest
  } = r;
  const log = { ...r.log, minInsyncReplicas: Math.min(r.log.minInsyncReplicas, r.log.brokers) };
  const missing = STORE_NAMES.filter((s) => !r.stores.includes(s));
  const addStores: ScheduleEntry[] = missing
    .slice(0, addCount)
    .map((store, i) => ({ at: 100 * (i + 1), kind: "add-store", store }));
  const nodes = nodeNames({ clients: r.clients, stores: r.stores, log, schedule: addStores });
  const links: Record<string, Partial<LinkOptions>> = {};
  for (const [from, to, override] of rawLinks) {
    const a = pick(nodes, from);
    const b = pick(nodes, from + 1 + (to % (nodes.length - 1)));
    const min = override.delayMsMin ?? networkDefault.delayMsMin;
    const max = override.delayMsMax ?? networkDefault.delayMsMax;
    links[`${a}->${b}`] = min > max ? { ...override, delayMsMax: min } : override;
  }
  const workload =
    r.workload.kind === "script"
      ? {
          ...r.workload,
          ops: r.workload.ops.map((op) => ({ ...op, client: 1 + ((op.client - 1) % r.clients) })),
        }
      : r.workload;
  return {
    v: 1,
    ...rest,
    log,
    network: { default: networkDefault, links },
    workload,
    schedule: [...addStores, ...rawSchedule.map((e) => resolveEntry(e, nodes))],
  };
}

export const scenarioArbitrary: fc.Arbitrary<Scenario> = raw.map(build);

export const viewArbitrary: fc.Arbitrary<ViewState> = fc.record(
  {
    playhead: fc.oneof(
      fc.integer({ min: 0, max: LIMITS.maxTimeMs }),
      fc.double({ min: 0, max: LIMITS.maxTimeMs, noNaN: true }).map(noNegativeZero),
    ),
    strategy: fc.constantFrom(...STRATEGIES),
    compare: fc
      .shuffledSubarray([...STRATEGIES], { minLength: 2, maxLength: 2 })
      .map(([a, b]): [Strategy, Strategy] => [a, b]),
    tour: fc.record({
      chapter: fc.integer({ min: 1, max: 7 }),
      step: fc.integer({ min: 0, max: 30 }),
    }),
  },
  { requiredKeys: [] },
);
