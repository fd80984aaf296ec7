/**
 * The settings a sweep can vary, each an edit of the scenario. A sweep point
 * is "this scenario, with this one setting at this value, under this strategy".
 */
import type { Acks, CommitPolicy, Scenario, ScheduleEntry } from "../sim/types";
import type { SweepParam } from "../url/workshop-names";

// The list lives with the links that carry it; the workshop re-exports it.
export { SWEEP_PARAMS, type SweepParam } from "../url/workshop-names";

/** A numeric setting, or one of `acks` (`0`, `1`, `"all"`) / `commit` policies. */
export type SweepValue = number | string;

/** When the partition of `partitionMs` starts: after the first writes, so it cuts traffic in flight. */
export const PARTITION_AT_MS = 50;

export interface ParamInfo {
  label: string;
  /** Plain-English unit or range, for the form and the table header. */
  hint: string;
  /** Values a sweep starts from in the form. */
  example: string;
}

export const PARAM_INFO: Record<SweepParam, ParamInfo> = {
  dropRate: { label: "drop rate", hint: "0..1", example: "0,0.05,0.1,0.2" },
  duplicateRate: { label: "duplicate rate", hint: "0..1", example: "0,0.05,0.1,0.2" },
  reorderRate: { label: "reorder rate", hint: "0..1", example: "0,0.1,0.2,0.4" },
  delayMsMax: { label: "max delay (ms)", hint: "ms", example: "5,20,50,100" },
  partitionMs: {
    label: "partition length (ms)",
    hint: `ms, client-1 | last store from ${PARTITION_AT_MS} ms`,
    example: "0,100,200,400",
  },
  acks: { label: "acks", hint: "0, 1, all", example: "0,1,all" },
  minInsyncReplicas: { label: "min.insync.replicas", hint: "1..brokers", example: "1,2,3" },
  commit: {
    label: "commit policy",
    hint: "before-apply, after-apply, atomic",
    example: "before-apply,after-apply,atomic",
  },
};

const COMMITS: readonly CommitPolicy[] = ["before-apply", "after-apply", "atomic"];

/** Parses one value of a parameter from text; a string is the reason it is not valid. */
export function parseValue(param: SweepParam, text: string): SweepValue | { error: string } {
  const t = text.trim();
  if (param === "acks") {
    if (t === "all") return "all";
    if (t === "0" || t === "1") return Number(t);
    return { error: `acks must be 0, 1 or all, not "${t}"` };
  }
  if (param === "commit") {
    if ((COMMITS as readonly string[]).includes(t)) return t;
    return { error: `commit must be one of ${COMMITS.join(", ")}, not "${t}"` };
  }
  const n = Number(t);
  if (t === "" || !Number.isFinite(n)) return { error: `${param} needs numbers, not "${t}"` };
  if (param.endsWith("Rate") && (n < 0 || n > 1))
    return { error: `${param} is a probability from 0 to 1, not ${t}` };
  if (param === "minInsyncReplicas" && (!Number.isInteger(n) || n < 1))
    return { error: `minInsyncReplicas must be a whole number from 1, not ${t}` };
  if ((param === "delayMsMax" || param === "partitionMs") && (!Number.isInteger(n) || n < 0))
    return { error: `${param} must be a whole number of ms from 0, not ${t}` };
  return n;
}

/** Parses a comma-separated list of values; the first bad one is the error. */
export function parseValues(param: SweepParam, text: string): SweepValue[] | { error: string } {
  const parts = text.split(",").filter((p) => p.trim() !== "");
  if (parts.length === 0) return { error: "give at least one value" };
  const out: SweepValue[] = [];
  for (const p of parts) {
    const v = parseValue(param, p);
    if (typeof v === "object") return v;
    out.push(v);
  }
  return out;
}

/** The store a `partitionMs` sweep cuts client-1 from: the last derived store, else the db. */
export function lastStore(s: Scenario): string {
  const derived = s.stores.filter((x) => x !== "db");
  return derived.length > 0 ? derived[derived.length - 1] : "db";
}

/** A copy of the scenario with one setting changed. The input is not touched. */
export function applyParam(s: Scenario, param: SweepParam, value: SweepValue): Scenario {
  const out = structuredClone(s);
  const link = out.network.default;
  switch (param) {
    case "dropRate":
    case "duplicateRate":
    case "reorderRate":
      link[param] = Number(value);
      break;
    case "delayMsMax":
      link.delayMsMax = Number(value);
      link.delayMsMin = Math.min(link.delayMsMin, link.delayMsMax);
      break;
    case "partitionMs": {
      const ms = Number(value);
      // Zero means "no partition": the baseline point of the sweep.
      if (ms > 0) {
        const cut: ScheduleEntry = {
          at: PARTITION_AT_MS,
          kind: "partition",
          a: ["client-1"],
          b: [lastStore(out)],
          until: PARTITION_AT_MS + ms,
        };
        out.schedule = [...out.schedule, cut];
      }
      break;
    }
    case "acks":
      out.log.acks = (value === "all" ? "all" : Number(value)) as Acks;
      break;
    case "minInsyncReplicas":
      out.log.minInsyncReplicas = Number(value);
      break;
    case "commit":
      out.log.commit = value as CommitPolicy;
      break;
  }
  return out;
}
