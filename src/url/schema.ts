/**
 * Scenario schema v1: the single definition of what a valid scenario is.
 * Every omitted field is filled from the frozen `V1_DEFAULTS`, every number
 * is bounded, and cross-field rules (node names, min <= max, …) live in
 * `rules.ts`. Unknown fields are refused rather than dropped, so a typo in a
 * hand-written file ("clinets") is reported instead of silently ignored.
 */
import "./zod-config";
import { z } from "zod/mini";
import { type Scenario, STORE_NAMES, STRATEGIES } from "../sim/types";
import { copyDefault, V1_DEFAULTS as D } from "./defaults-v1";
import { checkLimit, LIMITS, type LimitName } from "./limits";
import { scenarioRuleIssues } from "./rules";

/** Bounds that are sanity, not product caps: breaking one is an "invalid" error. */
export const BOUNDS = {
  nameLength: 120,
  descriptionLength: 2_000,
  keyLength: 64,
  valueLength: 256,
  nodeNameLength: 32,
  linkKeyLength: 80,
  /** Largest one-way delay, timeout or interval, simulated ms. */
  durationMs: 60_000,
  retries: 20,
  keys: 1_000,
  ratePerSec: 10_000,
  /** Magnitude of a numeric value or `incr` amount; keeps sums exact in doubles. */
  valueMagnitude: 1e9,
  /** The PRNG is seeded with an unsigned 32-bit integer. */
  seed: 0xffff_ffff,
} as const;

/** Issues carrying this param are product-cap breaches (`limit`), not malformed input. */
export const LIMIT_PARAM = "limit";

function capped(schema: z.ZodMiniNumber<number>, name: LimitName): z.ZodMiniNumber<number> {
  return schema.check(
    z.superRefine((n: number, ctx) => {
      const message = checkLimit(name, n);
      if (message)
        ctx.addIssue({ code: "custom", message, input: n, params: { [LIMIT_PARAM]: name } });
    }),
  );
}

function cappedArray<T extends z.ZodMiniType>(item: T, name: LimitName): z.ZodMiniArray<T> {
  // `when: always` so the count is reported even if some items are also malformed:
  // the cap is the more useful thing to hear about.
  return z.array(item).check(
    z.superRefine(
      (items: unknown[], ctx) => {
        const message = checkLimit(name, items.length);
        if (message) ctx.addIssue({ code: "custom", message, params: { [LIMIT_PARAM]: name } });
      },
      { when: () => true },
    ),
  );
}

/** `schema` with `fallback` filled in when the field is absent. */
const or = z._default;
const int = (...checks: Array<z.core.$ZodCheck<number>>) => z.number().check(z.int(), ...checks);
/** A point in simulated time, whole ms; nothing can happen after the longest allowed run. */
const timeMs = () => int(z.gte(0), z.lte(LIMITS.maxTimeMs));
const durationMs = (min = 0) => int(z.gte(min), z.lte(BOUNDS.durationMs));
const rate = () => z.number().check(z.gte(0), z.lte(1));
const retries = () => int(z.gte(0), z.lte(BOUNDS.retries));
const nodeName = () => z.string().check(z.minLength(1), z.maxLength(BOUNDS.nodeNameLength));
const maxText = (n: number) => z.string().check(z.maxLength(n));

const L = D.network.default;
const linkOptionsSchema = z.prefault(
  z.strictObject({
    delayMsMin: or(durationMs(), L.delayMsMin),
    delayMsMax: or(durationMs(), L.delayMsMax),
    dropRate: or(rate(), L.dropRate),
    duplicateRate: or(rate(), L.duplicateRate),
    reorderRate: or(rate(), L.reorderRate),
    reorderSpikeMs: or(durationMs(), L.reorderSpikeMs),
  }),
  {},
);

/** A per-link override: only the fields given differ from `network.default`. */
const linkOverrideSchema = z.strictObject({
  delayMsMin: z.optional(durationMs()),
  delayMsMax: z.optional(durationMs()),
  dropRate: z.optional(rate()),
  duplicateRate: z.optional(rate()),
  reorderRate: z.optional(rate()),
  reorderSpikeMs: z.optional(durationMs()),
});

const networkSchema = z.prefault(
  z.strictObject({
    default: linkOptionsSchema,
    links: or(z.record(maxText(BOUNDS.linkKeyLength), linkOverrideSchema), () => ({})),
  }),
  {},
);

const DW = D.dualWrite;
const dualWriteSchema = z.prefault(
  z.strictObject({
    order: or(z.enum(["sequential", "parallel"]), DW.order),
    retries: or(retries(), DW.retries),
    timeoutMs: or(durationMs(1), DW.timeoutMs),
    // Optional, no fill-in: v1 links written before it existed decode exactly as they did.
    ackAfter: z.optional(z.enum(["all", "first"])),
  }),
  {},
);

const LG = D.log;
const logSchema = z.prefault(
  z.strictObject({
    brokers: or(capped(int(z.gte(1)), "brokers"), LG.brokers),
    partitions: or(capped(int(z.gte(1)), "partitions"), LG.partitions),
    acks: or(z.literal([0, 1, "all"]), LG.acks),
    minInsyncReplicas: or(int(z.gte(1), z.lte(LIMITS.brokers)), LG.minInsyncReplicas),
    uncleanLeaderElection: or(z.boolean(), LG.uncleanLeaderElection),
    commit: or(z.enum(["before-apply", "after-apply", "atomic"]), LG.commit),
    replicaLagMs: or(durationMs(1), LG.replicaLagMs),
    fetchIntervalMs: or(durationMs(1), LG.fetchIntervalMs),
    electionDelayMs: or(durationMs(), LG.electionDelayMs),
    requestTimeoutMs: or(durationMs(1), LG.requestTimeoutMs),
    retries: or(retries(), LG.retries),
  }),
  {},
);

const W = D.workload;
const generatedWorkloadSchema = z.strictObject({
  kind: z.literal("generated"),
  writes: or(capped(int(z.gte(0)), "writes"), W.writes),
  keys: or(int(z.gte(1), z.lte(BOUNDS.keys)), W.keys),
  ratePerSec: or(z.number().check(z.positive(), z.lte(BOUNDS.ratePerSec)), W.ratePerSec),
  op: or(z.enum(["set", "incr"]), W.op),
  readRate: or(rate(), W.readRate),
  startMs: or(timeMs(), W.startMs),
});

const scriptOpSchema = z.strictObject({
  at: timeMs(),
  client: int(z.gte(1), z.lte(LIMITS.clients)),
  op: z.enum(["set", "incr", "read"]),
  key: z.string().check(z.minLength(1), z.maxLength(BOUNDS.keyLength)),
  value: z.optional(
    z.union([
      maxText(BOUNDS.valueLength),
      z.number().check(z.gte(-BOUNDS.valueMagnitude), z.lte(BOUNDS.valueMagnitude)),
    ]),
  ),
});

const scriptWorkloadSchema = z.strictObject({
  kind: z.literal("script"),
  ops: or(cappedArray(scriptOpSchema, "scriptOps"), () => []),
});

const workloadSchema = z.prefault(
  // zod's `preprocess` is exactly this pipe: a transform, then the schema.
  z.pipe(
    // A link strips `kind` when it equals the default ("generated"); put it back.
    z.transform((value: unknown) =>
      isPlainObject(value) && !Object.hasOwn(value, "kind")
        ? { ...value, kind: "generated" }
        : value,
    ),
    z.discriminatedUnion("kind", [generatedWorkloadSchema, scriptWorkloadSchema]),
  ),
  () => ({ kind: "generated" }),
);

const nodeList = () => z.array(nodeName()).check(z.minLength(1), z.maxLength(64));
const scheduleEntrySchema = z.discriminatedUnion("kind", [
  z.strictObject({
    at: timeMs(),
    kind: z.literal("partition"),
    a: nodeList(),
    b: nodeList(),
    until: z.optional(timeMs()),
    oneWay: z.optional(z.boolean()),
  }),
  z.strictObject({ at: timeMs(), kind: z.literal("heal") }),
  z.strictObject({
    at: timeMs(),
    kind: z.literal("crash"),
    node: nodeName(),
    restartAt: z.optional(timeMs()),
  }),
  z.strictObject({ at: timeMs(), kind: z.literal("restart"), node: nodeName() }),
  z.strictObject({ at: timeMs(), kind: z.literal("add-store"), store: z.enum(STORE_NAMES) }),
]);

const capsSchema = z.prefault(
  z.strictObject({
    maxEvents: or(capped(int(z.gte(1)), "maxEvents"), D.caps.maxEvents),
    maxTimeMs: or(capped(int(z.gte(1)), "maxTimeMs"), D.caps.maxTimeMs),
  }),
  {},
);

export const scenarioSchema = z
  .strictObject({
    v: or(z.literal(1), 1),
    name: z.optional(maxText(BOUNDS.nameLength)),
    description: z.optional(maxText(BOUNDS.descriptionLength)),
    seed: or(int(z.gte(0), z.lte(BOUNDS.seed)), D.seed),
    strategy: or(z.enum(STRATEGIES), D.strategy),
    stores: or(
      z.array(z.enum(STORE_NAMES)).check(z.minLength(1), z.maxLength(STORE_NAMES.length)),
      () => copyDefault(D.stores),
    ),
    clients: or(capped(int(z.gte(1)), "clients"), D.clients),
    versionedWrites: or(z.boolean(), D.versionedWrites),
    // Optional, no fill-in: absent means off, so v1 links written before it decode exactly as they did.
    dedupe: z.optional(z.boolean()),
    dualWrite: dualWriteSchema,
    log: logSchema,
    network: networkSchema,
    workload: workloadSchema,
    schedule: or(cappedArray(scheduleEntrySchema, "scheduleEntries"), () => []),
    caps: capsSchema,
  })
  .check(
    z.superRefine(
      (scenario: Scenario, ctx) => {
        for (const issue of scenarioRuleIssues(scenario)) {
          ctx.addIssue({
            code: "custom",
            message: issue.message,
            path: issue.path,
            params: issue.limit ? { [LIMIT_PARAM]: issue.limit } : undefined,
          });
        }
      },
      // Cross-field rules assume every field already has its type; run them only then.
      { when: (payload) => payload.issues.length === 0 },
    ),
  );

export type ScenarioInput = z.input<typeof scenarioSchema>;

/**
 * True only if A and B are the same type (stricter than assignable both ways,
 * which would miss an optional field added on one side only).
 */
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/**
 * Compile-time guard: if `Scenario` in src/sim/types.ts and this schema drift
 * apart, this line stops `tsc -b`. Fix the schema (and, for a change that alters
 * what old links mean, add a schema version and a migration).
 */
export type SchemaMatchesScenario = Assert<Equals<z.output<typeof scenarioSchema>, Scenario>>;
type Assert<T extends true> = T;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
