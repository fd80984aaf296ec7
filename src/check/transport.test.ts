/**
 * What the checker makes of two of model 2's transport corrections (the runs
 * themselves are tested in src/sim/transport.test.ts, which cannot import the
 * checker: src/sim is the bottom layer).
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_LOG } from "../sim/defaults";
import { simulate } from "../sim/simulate";
import { scriptScenario } from "../sim/test-helpers";
import type { LinkOptions, ScriptOp } from "../sim/types";
import { check } from "./index";

const JITTERY: LinkOptions = {
  delayMsMin: 1,
  delayMsMax: 30,
  dropRate: 0,
  duplicateRate: 0,
  reorderRate: 0,
  reorderSpikeMs: 60,
};

const sets = (n: number, gapMs: number, key = "x"): ScriptOp[] =>
  Array.from({ length: n }, (_, i) => ({
    at: 10 + i * gapMs,
    client: 1 + (i % 2),
    op: "set" as const,
    key,
    value: `v${i}`,
  }));

describe("the checker over one connection per link", () => {
  it("cdc with acks=0 over jittery links shows no inversion: records reach the log in commit order", () => {
    const t = simulate(
      scriptScenario(sets(40, 1), {
        strategy: "cdc",
        stores: ["db", "search"],
        log: { ...DEFAULT_LOG, acks: 0 },
        network: { default: JITTERY, links: {} },
      }),
    );
    expect(check(t).anomalies.filter((a) => a.kind === "isolation")).toEqual([]);
  });
});

describe("the checker over cache-aside reads", () => {
  it("the cache-aside race (a stale fill after a newer write) is isolation and consistency", () => {
    const t = simulate(
      scriptScenario(
        [
          { at: 5, client: 2, op: "set", key: "x", value: "A" },
          { at: 10, client: 1, op: "read", key: "x" },
          { at: 30, client: 2, op: "set", key: "x", value: "B" },
        ],
        {
          strategy: "dual-write",
          stores: ["db", "cache"],
          network: {
            default: { ...JITTERY, delayMsMin: 5, delayMsMax: 5 },
            links: { "db->client-1": { delayMsMin: 30, delayMsMax: 30 } },
          },
        },
      ),
    );
    expect(t.final.stores).toMatchObject({ db: { x: "B" }, cache: { x: "A" } });
    const kinds = check(t).anomalies.map((a) => `${a.kind} ${a.state}`);
    expect(kinds).toEqual(expect.arrayContaining(["isolation confirmed", "consistency confirmed"]));
  });
});
