import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultScenario } from "../sim/defaults";
import { MODEL_VERSION } from "../sim/model";
import type { Scenario } from "../sim/types";
import { scenarioArbitrary, viewArbitrary } from "./arbitrary";
import v1Links from "./fixtures/v1-links.json";
import { decodeLink, encodeLink } from "./link";
import { restoreScenario } from "./restore";

const fiveFaults: Scenario = {
  ...defaultScenario(),
  schedule: [
    { at: 300, kind: "partition", a: ["client-1"], b: ["search"], until: 900 },
    { at: 500, kind: "crash", node: "cache", restartAt: 1200 },
    { at: 700, kind: "partition", a: ["db"], b: ["client-2"], until: 1100, oneWay: true },
    { at: 1300, kind: "crash", node: "client-1" },
    { at: 1500, kind: "restart", node: "client-1" },
  ],
};

/** Property tests run thousands of cases; a loaded CI machine needs more than 5 s. */
const PROPERTY_TIMEOUT_MS = 60_000;

describe("round trip", () => {
  it(
    "every generated scenario is valid as it is",
    () => {
      fc.assert(
        fc.property(scenarioArbitrary, (s) => {
          expect(restoreScenario(s)).toEqual({ ok: true, scenario: s });
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "restore(decode(encode(s))) equals s, view included, for 500 scenarios",
    () => {
      fc.assert(
        fc.property(scenarioArbitrary, viewArbitrary, (s, view) => {
          const decoded = decodeLink(encodeLink(s, view));
          expect(decoded).toEqual({ ok: true, scenario: s, view, model: MODEL_VERSION });
          // Through JSON text too, as an exported file would go.
          expect(restoreScenario(JSON.stringify(s))).toEqual({ ok: true, scenario: s });
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "gives one link per scenario, whatever order its keys were built in",
    () => {
      fc.assert(
        fc.property(scenarioArbitrary, (s) => {
          const reversed = reverseKeys(s) as Scenario;
          expect(encodeLink(reversed)).toBe(encodeLink(s));
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe("link format", () => {
  it("keeps the default scenario with five scheduled faults under 600 characters", () => {
    const link = encodeLink(fiveFaults, { playhead: 850, strategy: "log" });
    expect(link.length).toBeLessThanOrEqual(600);
    // Measured at 255 with this view when the format was frozen (236 without it).
  });

  it("strips fill-in values, so a scenario of defaults is tiny", () => {
    const { name: _name, ...defaults } = defaultScenario();
    expect(encodeLink(defaults).length).toBeLessThanOrEqual(16);
  });

  it(
    "uses only characters that survive chat apps and slides unescaped",
    () => {
      fc.assert(
        fc.property(scenarioArbitrary, viewArbitrary, (s, view) => {
          expect(encodeLink(s, view)).toMatch(/^#s=1\.[A-Za-z0-9_-]+(&[a-z]+=[A-Za-z0-9.,+-]+)*$/);
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it.each(v1Links.map((f) => [f.name, f] as const))(
    "decodes the frozen v1 link: %s",
    (_name, fixture) => {
      expect(decodeLink(fixture.link)).toEqual({
        ok: true,
        scenario: fixture.scenario,
        view: fixture.view,
        // Made before links carried a model version: model 1.
        model: 1,
      });
    },
  );

  it("accepts a full URL, a #s= hash and a bare s=", () => {
    const hash = encodeLink(fiveFaults, { tour: { chapter: 5, step: 3 } });
    const expected = {
      ok: true,
      scenario: fiveFaults,
      view: { tour: { chapter: 5, step: 3 } },
      model: MODEL_VERSION,
    };
    expect(decodeLink(`https://example.org/inside-out/?lang=en${hash}`)).toEqual(expected);
    expect(decodeLink(hash)).toEqual(expected);
    expect(decodeLink(hash.slice(1))).toEqual(expected);
  });

  it("ignores parameters it does not know, for links from later versions", () => {
    const result = decodeLink(`${encodeLink(fiveFaults)}&future=1`);
    expect(result.ok).toBe(true);
  });

  it("drops an unreadable view but still opens the scenario", () => {
    const result = decodeLink(`${encodeLink(fiveFaults)}&t=-4&strategy=log`);
    expect(result.ok && result.view).toEqual({});
    expect(result.ok && result.viewError?.code).toBe("invalid");
    for (const bad of [
      "&compare=log,log",
      "&compare=log",
      "&tour=3",
      "&tour=a.b",
      "&t=",
      "&t=NaN",
      "&strategy=x",
    ]) {
      const r = decodeLink(`${encodeLink(fiveFaults)}${bad}`);
      expect(r.ok && r.viewError?.code, bad).toBe("invalid");
    }
  });
});

describe("model version", () => {
  const bare = (link: string) => link.replace(`&m=${MODEL_VERSION}`, "");

  it("writes the current model into every link, beside the scenario", () => {
    expect(encodeLink(fiveFaults)).toMatch(
      new RegExp(`^#s=1\\.[A-Za-z0-9_-]+&m=${MODEL_VERSION}$`),
    );
    expect(encodeLink(fiveFaults, { playhead: 850 })).toContain(`&m=${MODEL_VERSION}&t=850`);
  });

  it("leaves the scenario part alone: a link without m is the same link of model 1", () => {
    const link = encodeLink(fiveFaults, { playhead: 850, strategy: "log" });
    const old = decodeLink(bare(link));
    const current = decodeLink(link);
    expect(old).toEqual({ ...current, model: 1 });
    expect(current.ok && current.model).toBe(MODEL_VERSION);
  });

  it("reads a later model as it is", () => {
    const r = decodeLink(`${bare(encodeLink(fiveFaults))}&m=7`);
    expect(r.ok && r.model).toBe(7);
  });

  it.each(["0", "-1", "1.5", "2e0", "two", "", " 2", "9999999999", "02"])(
    "takes m=%j for model 1 and still opens the scenario and its view",
    (m) => {
      const r = decodeLink(`${bare(encodeLink(fiveFaults, { playhead: 40 }))}&m=${m}`);
      expect(r).toEqual({ ok: true, scenario: fiveFaults, view: { playhead: 40 }, model: 1 });
    },
  );
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}
