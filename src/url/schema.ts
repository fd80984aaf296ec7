/**
 * Scenario schema v1: the single definition of what a valid scenario is.
 * Every omitted field is filled from the frozen `V1_DEFAULTS`, every number
 * is bounded, and cross-field rules (node names, min <= max, …) live in
 * `rules.ts`. Unknown fields are refused rather than dropped, so a typo in a
 * hand-written file ("clinets") is reported instead of silently ignored.
 */
import "./zod-config";
import { z } from "zod";
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

function capped(schema: z.ZodNumber, name: LimitName): z.ZodNumber {
  return schema.superRefine((n, ctx) => {
    const message = checkLimit(name, n);
    if (message)
      ctx.addIssue({ code: "custom", message, input: n, params: { [LIMIT_PARAM]: name } });
  });
}

function cappedArray<T extends z.ZodType>(item: T, name: LimitName): z.ZodArray<T> {
  // `when: always` so the count is reported even if some items are also malformed:
  // the cap is the more useful thing to hear about.
  return z.array(item).superRefine(
    (items, ctx) => {
      const message = checkLimit(name, items.length);
      if (message) ctx.addIssue({ code: "custom", message, params: { [LIMIT_PARAM]: name } });
    },
    { when: () => true },
  );
}

const int = () => z.number().int();
/** A point in simulated time, whole ms; nothing can happen after the longest allowed run. */
const timeMs = () => int().min(0).max(LIMITS.maxTimeMs);
const durationMs = (min = 0) => int().min(min).max(BOUNDS.durationMs);
const rate = () => z.number().min(0).max(1);
const retries = () => int().min(0).max(BOUNDS.retries);
const nodeName = () => z.string().min(1).max(BOUNDS.nodeNameLength);

const L = D.network.default;
const linkOptionsSchema = z
  .strictObject({
    delayMsMin: durationMs().default(L.delayMsMin),
    delayMsMax: durationMs().default(L.delayMsMax),
    dropRate: rate().default(L.dropRate),
    duplicateRate: rate().default(L.duplicateRate),
    reorderRate: rate().default(L.reorderRate),
    reorderSpikeMs: durationMs().default(L.reorderSpikeMs),
  })
  .prefault({});

/** A per-link override: only the fields given differ from `network.default`. */
const linkOverrideSchema = z.strictObject({
  delayMsMin: durationMs().optional(),
  delayMsMax: durationMs().optional(),
  dropRate: rate().optional(),
  duplicateRate: rate().optional(),
  reorderRate: rate().optional(),
  reorderSpikeMs: durationMs().optional(),
});

const networkSchema = z
  .strictObject({
    default: linkOptionsSchema,
    links: z.record(z.string().max(BOUNDS.linkKeyLength), linkOverrideSchema).default(() => ({})),
  })
  .prefault({});

const DW = D.dualWrite;
const dualWriteSchema = z
  .strictObject({
    order: z.enum(["sequential", "parallel"]).default(DW.order),
    retries: retries().default(DW.retries),
    timeoutMs: durationMs(1).default(DW.timeoutMs),
    // Optional, no fill-in: v1 links written before it existed decode exactly as they did.
    ackAfter: z.enum(["all", "first"]).optional(),
  })
  .prefault({});

const LG = D.log;
const logSchema = z
  .strictObject({
    brokers: capped(int().min(1), "brokers").default(LG.brokers),
    partitions: capped(int().min(1), "partitions").default(LG.partitions),
    acks: z.literal([0, 1, "all"]).default(LG.acks),
    minInsyncReplicas: int().min(1).max(LIMITS.brokers).default(LG.minInsyncReplicas),
    uncleanLeaderElection: z.boolean().default(LG.uncleanLeaderElection),
    commit: z.enum(["before-apply", "after-apply", "atomic"]).default(LG.commit),
    replicaLagMs: durationMs(1).default(LG.replicaLagMs),
    fetchIntervalMs: durationMs(1).default(LG.fetchIntervalMs),
    electionDelayMs: durationMs().default(LG.electionDelayMs),
    requestTimeoutMs: durationMs(1).default(LG.requestTimeoutMs),
    retries: retries().default(LG.retries),
  })
  .prefault({});

const W = D.workload;
const generatedWorkloadSchema = z.strictObject({
  kind: z.literal("generated"),
  writes: capped(int().min(0), "writes").default(W.writes),
  keys: int().min(1).max(BOUNDS.keys).default(W.keys),
  ratePerSec: z.number().positive().max(BOUNDS.ratePerSec).default(W.ratePerSec),
  op: z.enum(["set", "incr"]).default(W.op),
  readRate: rate().default(W.readRate),
  startMs: timeMs().default(W.startMs),
});

const scriptOpSchema = z.strictObject({
  at: timeMs(),
  client: int().min(1).max(LIMITS.clients),
  op: z.enum(["set", "incr", "read"]),
  key: z.string().min(1).max(BOUNDS.keyLength),
  value: z
    .union([
      z.string().max(BOUNDS.valueLength),
      z.number().min(-BOUNDS.valueMagnitude).max(BOUNDS.valueMagnitude),
    ])
    .optional(),
});

const scriptWorkloadSchema = z.strictObject({
  kind: z.literal("script"),
  ops: cappedArray(scriptOpSchema, "scriptOps").default(() => []),
});

const workloadSchema = z
  .preprocess(
    // A link strips `kind` when it equals the default ("generated"); put it back.
    (value) =>
      isPlainObject(value) && !Object.hasOwn(value, "kind")
        ? { ...value, kind: "generated" }
        : value,
    z.discriminatedUnion("kind", [generatedWorkloadSchema, scriptWorkloadSchema]),
  )
  .prefault(() => ({ kind: "generated" }));

const scheduleEntrySchema = z.discriminatedUnion("kind", [
  z.strictObject({
    at: timeMs(),
    kind: z.literal("partition"),
    a: z.array(nodeName()).min(1).max(64),
    b: z.array(nodeName()).min(1).max(64),
    until: timeMs().optional(),
    oneWay: z.boolean().optional(),
  }),
  z.strictObject({ at: timeMs(), kind: z.literal("heal") }),
  z.strictObject({
    at: timeMs(),
    kind: z.literal("crash"),
    node: nodeName(),
    restartAt: timeMs().optional(),
  }),
  z.strictObject({ at: timeMs(), kind: z.literal("restart"), node: nodeName() }),
  z.strictObject({ at: timeMs(), kind: z.literal("add-store"), store: z.enum(STORE_NAMES) }),
]);

const capsSchema = z
  .strictObject({
    maxEvents: capped(int().min(1), "maxEvents").default(D.caps.maxEvents),
    maxTimeMs: capped(int().min(1), "maxTimeMs").default(D.caps.maxTimeMs),
  })
  .prefault({});

export const scenarioSchema = z
  .strictObject({
    v: z.literal(1).default(1),
    name: z.string().max(BOUNDS.nameLength).optional(),
    description: z.string().max(BOUNDS.descriptionLength).optional(),
    seed: int().min(0).max(BOUNDS.seed).default(D.seed),
    strategy: z.enum(STRATEGIES).default(D.strategy),
    stores: z
      .array(z.enum(STORE_NAMES))
      .min(1)
      .max(STORE_NAMES.length)
      .default(() => copyDefault(D.stores)),
    clients: capped(int().min(1), "clients").default(D.clients),
    versionedWrites: z.boolean().default(D.versionedWrites),
    // Optional, no fill-in: absent means off, so v1 links written before it decode exactly as they did.
    dedupe: z.boolean().optional(),
    dualWrite: dualWriteSchema,
    log: logSchema,
    network: networkSchema,
    workload: workloadSchema,
    schedule: cappedArray(scheduleEntrySchema, "scheduleEntries").default(() => []),
    caps: capsSchema,
  })
  .superRefine(
    (scenario, ctx) => {
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
