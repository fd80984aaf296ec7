/**
 * Cross-field rules of schema v1: what zod's per-field checks cannot see.
 * Each returns plain-English issues with the path of the offending field.
 * They run only on input whose every field already has the right type.
 */
import { entryEnd, entryEndField, entryNodes } from "../sim/schedule";
import { brokerId, CONNECTOR_ID, clientId, consumerId } from "../sim/topology";
import type { Scenario, ScheduleEntry } from "../sim/types";
import { checkLimit, type LimitName } from "./limits";
import { nodeNames, parseLinkKey, storesOf } from "./nodes";

export interface RuleIssue {
  path: (string | number)[];
  message: string;
  /** Set when the issue is a product cap, not malformed input. */
  limit?: LimitName;
}

/** Quote user text for a message: JSON escaping shows control characters, the cap keeps it short. */
export function quote(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

export function scenarioRuleIssues(s: Scenario): RuleIssue[] {
  return [
    ...storeIssues(s),
    ...logIssues(s),
    ...networkIssues(s),
    ...workloadIssues(s),
    ...s.schedule.flatMap((entry, i) => scheduleIssues(s, entry, i)),
  ];
}

function storeIssues(s: Scenario): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (new Set(s.stores).size !== s.stores.length) {
    issues.push({ path: ["stores"], message: "stores lists the same store twice." });
  }
  if (!s.stores.includes("db")) {
    issues.push({
      path: ["stores"],
      message: 'stores must include "db": it is the system of record every strategy writes to.',
    });
  }
  return issues;
}

function logIssues(s: Scenario): RuleIssue[] {
  if (s.log.minInsyncReplicas <= s.log.brokers) return [];
  return [
    {
      path: ["log", "minInsyncReplicas"],
      message: `log.minInsyncReplicas is ${s.log.minInsyncReplicas} but there are only ${s.log.brokers} brokers; it can be at most the number of brokers.`,
    },
  ];
}

function networkIssues(s: Scenario): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const base = s.network.default;
  if (base.delayMsMin > base.delayMsMax) {
    issues.push({
      path: ["network", "default", "delayMsMin"],
      message: `network.default.delayMsMin (${base.delayMsMin}) is larger than delayMsMax (${base.delayMsMax}).`,
    });
  }
  const keys = Object.keys(s.network.links);
  const countMessage = checkLimit("linkOverrides", keys.length);
  if (countMessage) {
    issues.push({ path: ["network", "links"], message: countMessage, limit: "linkOverrides" });
    return issues;
  }
  const nodes = new Set(nodeNames(s));
  for (const key of keys) {
    const path = ["network", "links", key];
    const ends = parseLinkKey(key);
    if (!ends) {
      issues.push({
        path,
        message: `network.links key ${quote(key)} should look like "client-1->db" (from->to).`,
      });
      continue;
    }
    for (const end of [ends.from, ends.to]) {
      if (!nodes.has(end)) issues.push({ path, message: unknownNode(s, `network.links`, end) });
    }
    if (ends.from === ends.to) {
      issues.push({ path, message: `network.links key ${quote(key)} links a node to itself.` });
    }
    const link = { ...base, ...s.network.links[key] };
    if (link.delayMsMin > link.delayMsMax) {
      issues.push({
        path,
        message: `network.links ${quote(key)} has delayMsMin ${link.delayMsMin} above delayMsMax ${link.delayMsMax} (after applying network.default).`,
      });
    }
  }
  return issues;
}

function workloadIssues(s: Scenario): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const w = s.workload;
  let lastMs: number;
  if (w.kind === "generated") {
    // Operations are issued at `ratePerSec` from `startMs`.
    lastMs = w.startMs + (w.writes * 1000) / w.ratePerSec;
  } else {
    lastMs = 0;
    w.ops.forEach((op, i) => {
      lastMs = Math.max(lastMs, op.at);
      if (op.client > s.clients) {
        issues.push({
          path: ["workload", "ops", i, "client"],
          message: `workload.ops[${i}] is for client ${op.client}, but the scenario has ${s.clients} clients.`,
        });
      }
      if (op.op === "incr" && op.value !== undefined && typeof op.value !== "number") {
        issues.push({
          path: ["workload", "ops", i, "value"],
          message: `workload.ops[${i}] is an incr, so its value must be a number (the amount).`,
        });
      }
    });
  }
  const durationMessage = checkLimit("workloadMs", Math.ceil(lastMs));
  if (durationMessage) {
    issues.push({ path: ["workload"], message: durationMessage, limit: "workloadMs" });
  }
  return issues;
}

function scheduleIssues(s: Scenario, entry: ScheduleEntry, i: number): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const where = `schedule[${i}]`;
  const nodes = new Set(nodeNames(s));
  const checkNode = (node: string, field: string) => {
    if (!nodes.has(node))
      issues.push({ path: ["schedule", i, field], message: unknownNode(s, where, node) });
  };
  for (const { field, node } of entryNodes(entry)) checkNode(node, field);
  const end = entryEnd(entry);
  const endField = entryEndField(entry);
  if (end !== undefined && endField !== undefined && end <= entry.at) {
    issues.push({
      path: ["schedule", i, endField.field],
      message: `${where} ${endField.verb} at ${end} ms, not after ${endField.start} at ${entry.at} ms.`,
    });
  }
  // Rules of one kind only; a new kind needs none of them.
  if (entry.kind === "partition") {
    const sides = [...entry.a, ...entry.b];
    if (new Set(sides).size !== sides.length) {
      issues.push({
        path: ["schedule", i],
        message: `${where} names a node twice; a partition's two sides must be distinct nodes.`,
      });
    }
  }
  if (entry.kind === "add-store") {
    const earlier = s.schedule
      .slice(0, i)
      .some((e) => e.kind === "add-store" && e.store === entry.store);
    if (s.stores.includes(entry.store) || earlier) {
      issues.push({
        path: ["schedule", i, "store"],
        message: `${where} adds ${quote(entry.store)}, which is already in the system.`,
      });
    }
  }
  return issues;
}

function unknownNode(s: Scenario, where: string, node: string): string {
  const stores = storesOf(s);
  const known = [
    s.clients === 1 ? clientId(1) : `${clientId(1)}…${clientId(s.clients)}`,
    ...stores,
    s.log.brokers === 1 ? brokerId(1) : `${brokerId(1)}…${brokerId(s.log.brokers)}`,
    ...stores.map(consumerId),
    CONNECTOR_ID,
  ];
  return `${where} names ${quote(node)}, which is not a node of this scenario (${known.join(", ")}).`;
}
