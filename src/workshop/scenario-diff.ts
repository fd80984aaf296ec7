/**
 * What changed between two scenarios, field by field, in the words the app's
 * controls use: an exercise compares a learner's scenario with its start and
 * names whatever changed that the exercise does not allow.
 */
import type { LinkOptions, Scenario, ScheduleEntry } from "../sim/types";
import { entryPhrase } from "../url/schedule-text";

export interface Change {
  /** Dotted path of the field, e.g. `log.acks`, `network.default.delayMsMin`, `schedule`. */
  path: string;
  /** The field as the app's controls name it, e.g. "Min delay". */
  label: string;
  /** `label: from → to`, or for the schedule what was added and removed. */
  text: string;
}

export interface ScheduleDiff {
  added: ScheduleEntry[];
  removed: ScheduleEntry[];
}

const LINK_LABELS: Record<keyof LinkOptions, string> = {
  delayMsMin: "Min delay",
  delayMsMax: "Max delay",
  dropRate: "Drop rate",
  duplicateRate: "Duplicate rate",
  reorderRate: "Reorder rate",
  reorderSpikeMs: "Reorder spike",
};

const LINK_FIELDS = Object.keys(LINK_LABELS) as Array<keyof LinkOptions>;

const LABELS: Record<string, string> = {
  seed: "Seed",
  strategy: "Strategy",
  stores: "Stores",
  clients: "Clients",
  versionedWrites: "Versioned writes",
  dedupe: "Deduplicate retries",
  "dualWrite.order": "Write order",
  "dualWrite.ackAfter": "Tell the caller “done”",
  "dualWrite.retries": "Dual-write retries",
  "dualWrite.timeoutMs": "Dual-write timeout",
  "log.acks": "acks",
  "log.minInsyncReplicas": "min.insync.replicas",
  "log.uncleanLeaderElection": "Unclean leader election",
  "log.commit": "Commit policy",
  "log.brokers": "Brokers",
  "log.partitions": "Partitions",
  "log.replicaLagMs": "replica.lag.time.max.ms",
  "log.fetchIntervalMs": "Fetch interval",
  "log.electionDelayMs": "Election delay",
  "log.requestTimeoutMs": "Producer request timeout",
  "log.retries": "Producer retries",
  "caps.maxEvents": "Event cap",
  "caps.maxTimeMs": "Time cap",
  schedule: "Schedule",
};

/** The label a person reads for a path. */
export function labelOf(path: string): string {
  if (LABELS[path] !== undefined) return LABELS[path];
  const link = /^network\.(default|links\.(.+))\.(\w+)$/.exec(path);
  if (link !== null) {
    const field = LINK_LABELS[link[3] as keyof LinkOptions] ?? link[3];
    return link[2] === undefined ? field : `${field} of ${link[2]}`;
  }
  if (path.startsWith("workload")) return "Workload";
  return path;
}

/** Fields whose absence means a default, so that absent and default compare equal. */
function normalized(s: Scenario): Record<string, unknown> {
  const { name: _n, description: _d, v: _v, schedule: _s, ...rest } = s;
  return {
    ...rest,
    dedupe: s.dedupe === true,
    dualWrite: { ...s.dualWrite, ackAfter: s.dualWrite.ackAfter ?? "all" },
  };
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x !== null && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x as object)
            .sort()
            .map((k) => [k, (x as Record<string, unknown>)[k]]),
        )
      : x,
  );
}

/** Leaves of a plain object as dotted paths; arrays are leaves. */
function flatten(v: unknown, prefix: string, out: Map<string, unknown>): void {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x !== undefined) flatten(x, prefix === "" ? k : `${prefix}.${k}`, out);
    }
    return;
  }
  out.set(prefix, v);
}

function show(v: unknown): string {
  if (v === undefined) return "(not set)";
  if (typeof v === "boolean") return v ? "on" : "off";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join(", ") || "(none)";
  return canonical(v);
}

/** Top-level fields in the order a change list names them: the seed first, then the set-up, the network, the workload. */
const ORDER = [
  "seed",
  "strategy",
  "stores",
  "clients",
  "versionedWrites",
  "dedupe",
  "dualWrite",
  "log",
  "network",
  "workload",
  "caps",
];

function byOrder(x: string, y: string): number {
  const rank = (p: string) => {
    const i = ORDER.indexOf(p.split(".")[0]);
    return i < 0 ? ORDER.length : i;
  };
  // Within a link, its fields in the order the Network controls show them.
  const field = (p: string) => {
    const i = LINK_FIELDS.indexOf(p.split(".").pop() as keyof LinkOptions);
    return i < 0 ? LINK_FIELDS.length : i;
  };
  const head = (p: string) => p.slice(0, p.lastIndexOf("."));
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (head(x) === head(y) && field(x) !== field(y)) return field(x) - field(y);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Entries added to and removed from a schedule, compared as a multiset (order does not matter). */
export function scheduleDiff(from: ScheduleEntry[], to: ScheduleEntry[]): ScheduleDiff {
  const left = from.map(canonical);
  const removed: ScheduleEntry[] = [];
  const remaining = [...left];
  const added: ScheduleEntry[] = [];
  for (const e of to) {
    const i = remaining.indexOf(canonical(e));
    if (i >= 0) remaining.splice(i, 1);
    else added.push(e);
  }
  for (const text of remaining) removed.push(from[left.indexOf(text)]);
  return { added, removed };
}

function scheduleText(d: ScheduleDiff): string {
  const parts = [
    ...d.added.map((e) => `added ${entryPhrase(e)}`),
    ...d.removed.map((e) => `removed ${entryPhrase(e)}`),
  ];
  return `Schedule: ${parts.join("; ")}`;
}

/**
 * Every field that differs between `from` and `to`, in a stable order. The
 * name, description and schema version are not compared; the schedule is one
 * change listing its added and removed entries.
 */
export function scenarioChanges(from: Scenario, to: Scenario): Change[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(normalized(from), "", a);
  flatten(normalized(to), "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort(byOrder);
  const changes: Change[] = [];
  for (const path of paths) {
    const x = a.get(path);
    const y = b.get(path);
    if (canonical(x) === canonical(y)) continue;
    const label = labelOf(path);
    const text =
      path === "workload.ops"
        ? "Workload: the scripted operations changed"
        : path.startsWith("workload.")
          ? `Workload ${path.slice("workload.".length)}: ${show(x)} → ${show(y)}`
          : `${label}: ${show(x)} → ${show(y)}`;
    changes.push({ path, label, text });
  }
  const d = scheduleDiff(from.schedule, to.schedule);
  if (d.added.length + d.removed.length > 0)
    changes.push({ path: "schedule", label: "Schedule", text: scheduleText(d) });
  return changes;
}

/** True when `path` is `allowed` or lies under it (`log` allows `log.acks`). */
export function pathAllowed(path: string, allowed: readonly string[]): boolean {
  return allowed.some((p) => path === p || path.startsWith(`${p}.`));
}
