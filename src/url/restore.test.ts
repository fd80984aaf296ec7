import fc from "fast-check";
import { deflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import { defaultScenario } from "../sim/defaults";
import { scenarioArbitrary } from "./arbitrary";
import { encodeBase64Url } from "./base64url";
import type { RestoreErrorCode } from "./errors";
import { decodeLink, encodeLink } from "./link";
import { restoreScenario } from "./restore";
import { restoreView } from "./view";

const CODES: RestoreErrorCode[] = ["parse", "version", "invalid", "limit", "too-large"];
const GOOD = encodeLink(defaultScenario(), { playhead: 10 });
const linkOf = (json: string, version = 1) =>
  `#s=${version}.${encodeBase64Url(deflateSync(new TextEncoder().encode(json)))}`;
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
function deepObject(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Every outcome is a scenario or a typed error with a short plain message. */
function expectTyped(result: { ok: boolean; error?: { code: string; message: string } }) {
  if (result.ok) return;
  expect(CODES).toContain(result.error?.code);
  expect(result.error?.message.length).toBeGreaterThan(0);
  expect(result.error?.message.length).toBeLessThan(400);
}

/** Property tests run thousands of cases; a loaded CI machine needs more than 5 s. */
const PROPERTY_TIMEOUT_MS = 60_000;

describe("hostile links", () => {
  it.each<[string, string, RestoreErrorCode]>([
    ["truncated payload", GOOD.slice(0, 20), "parse"],
    ["payload cut by one character", GOOD.split("&")[0].slice(0, -1), "parse"],
    ["garbage base64", "#s=1.!!!!not*base64", "parse"],
    ["base64 that is not deflate", "#s=1.AAAAAAAA", "parse"],
    ["empty payload", "#s=1.", "parse"],
    ["no version", "#s=q1bKS8xNVbJSSklNSyzNKVGqBQA", "parse"],
    ["no scenario at all", "#t=100&strategy=log", "parse"],
    ["empty string", "", "parse"],
    ["wrong version", "#s=99.q1bKS8xNVbJSSklNSyzNKVGqBQA", "version"],
    ["version with a huge number", `#s=999999.${"A".repeat(10)}`, "version"],
    ["payload of JSON text that is a list", linkOf("[1,2,3]"), "parse"],
    [
      "payload of invalid UTF-8",
      `#s=1.${encodeBase64Url(deflateSync(new Uint8Array([0xff, 0xfe, 0x7b])))}`,
      "parse",
    ],
    ["payload of broken JSON", linkOf('{"seed": 5'), "parse"],
    ["negative times", linkOf('{"schedule":[{"at":-10,"kind":"heal"}]}'), "invalid"],
    ["huge numbers", linkOf('{"seed":1e308}'), "invalid"],
    ["NaN as text", linkOf('{"seed":"NaN"}'), "invalid"],
    ["a v0 link claiming v1 fields", linkOf('{"until": 100}'), "invalid"],
    [
      "deflate bomb (5 MB of spaces)",
      `#s=1.${encodeBase64Url(deflateSync(new Uint8Array(5_000_000).fill(32), { level: 9 }))}`,
      "too-large",
    ],
    ["1 MB link", `#s=1.${"A".repeat(1_000_000)}`, "too-large"],
    ["percent-encoding gone wrong", "#s=1.%E0%A4%A", "parse"],
    ["10,000-level nested JSON", linkOf(`{"name":${nested(10_000)}}`), "invalid"],
    ["prototype pollution key", linkOf('{"__proto__":{"polluted":true}}'), "invalid"],
  ])("%s", (_name, link, code) => {
    const result = decodeLink(link);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
    expectTyped(result);
  });

  it("keeps a <script> name as plain text", () => {
    const name = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const result = decodeLink(encodeLink({ ...defaultScenario(), name }));
    expect(result.ok && result.scenario.name).toBe(name);
  });

  it("does not pollute Object.prototype through links or JSON", () => {
    decodeLink(
      linkOf('{"__proto__":{"polluted":true},"network":{"links":{"__proto__":{"dropRate":1}}}}'),
    );
    restoreScenario('{"network":{"links":{"__proto__":{"polluted":true}}}}');
    restoreScenario('{"v":0,"network":{"links":{"__proto__":{"polluted":true}}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("dropRate");
  });
});

describe("hostile scenario values", () => {
  it.each<[string, unknown, RestoreErrorCode]>([
    ["null", null, "invalid"],
    ["undefined", undefined, "invalid"],
    ["a number", 42, "invalid"],
    ["a list", [], "invalid"],
    ["empty text", "", "parse"],
    ["JSON with NaN", '{"seed": NaN}', "parse"],
    ["version as text", { v: "1" }, "version"],
    ["fractional version", { v: 1.5 }, "version"],
    ["negative version", { v: -1 }, "version"],
    ["future version", { v: 2 }, "version"],
    ["Infinity", { seed: Number.POSITIVE_INFINITY }, "invalid"],
    ["NaN", { network: { default: { dropRate: Number.NaN } } }, "invalid"],
    ["1e9 clients", { clients: 1e9 }, "limit"],
    [
      "10,000 schedule entries",
      { schedule: Array.from({ length: 10_000 }, (_, i) => ({ at: i, kind: "heal" })) },
      "limit",
    ],
    ["10,000-level nested object", { description: deepObject(10_000) }, "invalid"],
    ["10,000-level nested JSON text", `{"description":${nested(10_000)}}`, "invalid"],
    ["2 MB of whitespace", " ".repeat(2_000_000), "too-large"],
    ["a 10,000-character <script> name", { name: "<script>".repeat(1250) }, "invalid"],
    ["__proto__ key in JSON", '{"__proto__":{"isAdmin":true}}', "invalid"],
    ["constructor as a link key", { network: { links: { constructor: {} } } }, "invalid"],
    ["a function", { seed: () => 1 }, "invalid"],
    ["a bigint", { seed: 10n }, "invalid"],
  ])("%s", (_name, input, code) => {
    const result = restoreScenario(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
    expectTyped(result);
  });

  it("turns exotic objects (throwing getters, proxies, cycles) into typed errors", () => {
    const throwing = Object.defineProperty({}, "seed", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("boom");
        },
      },
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const input of [throwing, proxy, { dualWrite: cyclic }, { log: cyclic }]) {
      const result = restoreScenario(input);
      expect(result.ok).toBe(false);
      expectTyped(result);
    }
  });

  it("restores view state, and refuses a bad one with a typed error", () => {
    expect(restoreView({ playhead: 5, compare: ["log", "cdc"] })).toEqual({
      ok: true,
      view: { playhead: 5, compare: ["log", "cdc"] },
    });
    expect(restoreView(undefined)).toEqual({ ok: true, view: {} });
    for (const bad of [
      null,
      3,
      { playhead: -1 },
      { tour: { chapter: 1 } },
      { zoom: 2 },
      { compare: ["log", "log"] },
    ]) {
      const result = restoreView(bad);
      expect(result.ok).toBe(false);
      expectTyped(result);
    }
  });
});

describe("fuzz: nothing escapes restoreScenario or decodeLink", () => {
  const links = fc.sample(scenarioArbitrary, { numRuns: 30, seed: 7 }).map((s) => encodeLink(s));
  const mutation = fc.record({
    link: fc.constantFrom(...links),
    at: fc.nat(),
    kind: fc.constantFrom("replace", "delete", "insert", "truncate", "swap-version"),
    char: fc.string({ minLength: 1, maxLength: 3 }),
  });

  it(
    "4,000 mutated links each decode to a scenario or a typed error",
    () => {
      fc.assert(
        fc.property(mutation, ({ link, at, kind, char }) => {
          const i = 5 + (at % Math.max(1, link.length - 5));
          const mutated =
            kind === "replace"
              ? link.slice(0, i) + char + link.slice(i + 1)
              : kind === "delete"
                ? link.slice(0, i) + link.slice(i + char.length)
                : kind === "insert"
                  ? link.slice(0, i) + char + link.slice(i)
                  : kind === "truncate"
                    ? link.slice(0, i)
                    : link.replace("s=1.", `s=${char}.`);
          expectTyped(decodeLink(mutated));
        }),
        { numRuns: 4_000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "3,000 random strings as links and as JSON text",
    () => {
      fc.assert(
        fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
          expectTyped(decodeLink(text));
          expectTyped(decodeLink(`#s=1.${text}`));
          expectTyped(restoreScenario(text));
        }),
        { numRuns: 3_000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "3,000 arbitrary values, and valid scenarios with one field replaced by anything",
    () => {
      fc.assert(
        fc.property(
          fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true }),
          fc.jsonValue(),
          scenarioArbitrary,
          fc.nat(),
          (value, json, s, pick) => {
            expectTyped(restoreScenario(value));
            const keys = Object.keys(s);
            const damaged = { ...s, [keys[pick % keys.length]]: value };
            expectTyped(restoreScenario(damaged));
            expectTyped(restoreScenario(JSON.stringify({ ...s, workload: json })));
          },
        ),
        { numRuns: 3_000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
