import { describe, expect, it } from "vitest";
import { defaultScenario } from "../sim/defaults";
import type { Scenario } from "../sim/types";
import { V1_DEFAULTS } from "./defaults-v1";
import v1Defaults from "./fixtures/v1-defaults.json";
import { restoreScenario } from "./restore";

function restored(input: unknown): Scenario {
  const result = restoreScenario(input);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.scenario;
}

function errorOf(input: unknown) {
  const result = restoreScenario(input);
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

describe("defaults", () => {
  it("fills every field of an empty object from the frozen v1 fill-ins", () => {
    expect(restored({})).toEqual(V1_DEFAULTS);
  });

  it("keeps v1's fill-ins frozen: old links strip them, so changing one changes old links", () => {
    // If this fails, do not edit the fixture: add schema v2 and a migration (see migrations.ts).
    expect(V1_DEFAULTS).toEqual(v1Defaults);
  });

  it("matches today's default scenario apart from its name", () => {
    const { name: _name, ...rest } = defaultScenario();
    expect(restored({})).toEqual(rest);
  });

  it("restores {seed: 5} to a full scenario with only the seed changed", () => {
    expect(restored({ seed: 5 })).toEqual({ ...V1_DEFAULTS, seed: 5 });
  });

  it("fills the missing fields of partly given nested objects", () => {
    const s = restored({
      log: { brokers: 5 },
      network: { default: { dropRate: 0.3 } },
      caps: { maxEvents: 10 },
    });
    expect(s.log).toEqual({ ...V1_DEFAULTS.log, brokers: 5 });
    expect(s.network.default).toEqual({ ...V1_DEFAULTS.network.default, dropRate: 0.3 });
    expect(s.caps).toEqual({ maxEvents: 10, maxTimeMs: V1_DEFAULTS.caps.maxTimeMs });
  });

  it("fills a generated workload given without its kind, and a script without ops", () => {
    expect(restored({ workload: { writes: 7 } }).workload).toEqual({
      ...V1_DEFAULTS.workload,
      writes: 7,
    });
    expect(restored({ workload: { kind: "script" } }).workload).toEqual({
      kind: "script",
      ops: [],
    });
  });

  it("does not invent a name or description", () => {
    const s = restored({ seed: 2 });
    expect("name" in s).toBe(false);
    expect("description" in s).toBe(false);
  });

  it("returns fresh objects: mutating one restored scenario leaves the next untouched", () => {
    const first = restored({});
    first.stores.push("db");
    first.network.links["db->cache"] = {};
    expect(restored({}).stores).toEqual(["db", "cache", "search"]);
    expect(restored({}).network.links).toEqual({});
  });
});

describe("field bounds", () => {
  it.each([
    [{ seed: -1 }, "seed"],
    [{ seed: 1.5 }, "seed"],
    [{ seed: 2 ** 32 }, "seed"],
    [{ clients: 0 }, "clients"],
    [{ network: { default: { dropRate: 1.5 } } }, "network.default.dropRate"],
    [{ network: { default: { reorderRate: -0.1 } } }, "network.default.reorderRate"],
    [{ network: { default: { delayMsMin: -5 } } }, "network.default.delayMsMin"],
    [{ dualWrite: { timeoutMs: 0 } }, "dualWrite.timeoutMs"],
    [{ log: { partitions: 0 } }, "log.partitions"],
    [{ log: { acks: 2 } }, "log.acks"],
    [{ workload: { ratePerSec: 0 } }, "workload.ratePerSec"],
    [{ schedule: [{ at: -1, kind: "heal" }] }, "schedule[0].at"],
    [{ name: "x".repeat(121) }, "name"],
    [{ strategy: "two-phase-commit" }, "strategy"],
    [{ clinets: 3 }, undefined],
  ])("refuses %j at %s", (input, path) => {
    const error = errorOf(input);
    expect(error.code).toBe("invalid");
    expect(error.path).toBe(path);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("words messages for people", () => {
    expect(errorOf({ network: { default: { dropRate: 1.5 } } }).message).toBe(
      "network.default.dropRate should be at most 1; it is 1.5.",
    );
    expect(errorOf({ seed: "5" }).message).toBe('seed should be a number, not the text "5".');
    expect(errorOf({ clinets: 3 }).message).toBe(
      'The scenario has an unknown field "clinets"; check the spelling.',
    );
    expect(errorOf({ workload: { kind: "replay" } }).message).toBe(
      'workload.kind should be one of "generated", "script"; it is the text "replay".',
    );
    expect(
      errorOf({ workload: { kind: "script", ops: [{ at: 1, client: 1, op: "set" }] } }).message,
    ).toBe("workload.ops[0].key is missing.");
  });

  it("counts the further problems", () => {
    expect(errorOf({ seed: -1, clients: 0 }).message).toMatch(
      /\(1 more problem after this one\.\)$/,
    );
  });
});

describe("cross-field rules", () => {
  it.each([
    [{ stores: ["cache", "search"] }, "stores", /must include "db"/],
    [{ stores: ["db", "db"] }, "stores", /same store twice/],
    [
      { log: { brokers: 2, minInsyncReplicas: 3 } },
      "log.minInsyncReplicas",
      /at most the number of brokers/,
    ],
    [
      { network: { default: { delayMsMin: 30, delayMsMax: 10 } } },
      "network.default.delayMsMin",
      /larger than delayMsMax/,
    ],
    [
      { network: { links: { "db->cache": { delayMsMin: 50 } } } },
      'network.links["db->cache"]',
      /above delayMsMax 20/,
    ],
    [{ network: { links: { "db-cache": {} } } }, 'network.links["db-cache"]', /from->to/],
    [{ network: { links: { "db->db": {} } } }, 'network.links["db->db"]', /to itself/],
    [{ network: { links: { "db->network": {} } } }, 'network.links["db->network"]', /not a node/],
    [
      { schedule: [{ at: 5, kind: "crash", node: "broker-4" }] },
      "schedule[0].node",
      /broker-1…broker-3/,
    ],
    [
      { clients: 1, schedule: [{ at: 5, kind: "restart", node: "client-2" }] },
      "schedule[0].node",
      /client-1,/,
    ],
    [
      { stores: ["db"], schedule: [{ at: 5, kind: "crash", node: "search" }] },
      "schedule[0].node",
      /not a node/,
    ],
    [{ schedule: [{ at: 5, kind: "partition", a: ["db"], b: ["db"] }] }, "schedule[0]", /twice/],
    [
      { schedule: [{ at: 5, kind: "partition", a: ["db"], b: ["cache"], until: 5 }] },
      "schedule[0].until",
      /not after/,
    ],
    [
      { schedule: [{ at: 9, kind: "crash", node: "db", restartAt: 3 }] },
      "schedule[0].restartAt",
      /not after/,
    ],
    [{ schedule: [{ at: 9, kind: "add-store", store: "cache" }] }, "schedule[0].store", /already/],
    [
      { workload: { kind: "script", ops: [{ at: 1, client: 3, op: "set", key: "k" }] } },
      "workload.ops[0].client",
      /2 clients/,
    ],
    [
      {
        workload: { kind: "script", ops: [{ at: 1, client: 1, op: "incr", key: "k", value: "x" }] },
      },
      "workload.ops[0].value",
      /must be a number/,
    ],
  ])("refuses %j at %s", (input, path, message) => {
    const error = errorOf(input);
    expect(error).toMatchObject({ code: "invalid", path });
    expect(error.message).toMatch(message);
  });

  it("accepts a late store, its consumer and every kind of node in the schedule", () => {
    const s = restored({
      stores: ["db", "cache"],
      schedule: [
        { at: 1, kind: "add-store", store: "search" },
        { at: 2, kind: "crash", node: "consumer-search", restartAt: 3 },
        {
          at: 4,
          kind: "partition",
          a: ["cdc", "broker-3"],
          b: ["client-2", "search"],
          oneWay: true,
        },
        { at: 5, kind: "heal" },
      ],
      network: { links: { "client-1->search": { dropRate: 1 } } },
    });
    expect(s.schedule).toHaveLength(4);
  });
});
