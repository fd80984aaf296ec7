import { describe, expect, it } from "vitest";
import { defaultScenario } from "../sim/defaults";
import { MODEL_VERSION } from "../sim/model";
import { stripDefaults } from "./compact";
import v1Links from "./fixtures/v1-links.json";
import { decodeLink, encodeLink } from "./link";
import { restoreScenario } from "./restore";

/** `dedupe` came after v1: absent means off, and off must not change any link. */
describe("the dedupe field", () => {
  const base = defaultScenario();

  it("restores on, off and absent as given, and fills nothing in", () => {
    expect(restoreScenario({ dedupe: true })).toMatchObject({
      ok: true,
      scenario: { dedupe: true },
    });
    expect(restoreScenario({ dedupe: false })).toMatchObject({
      ok: true,
      scenario: { dedupe: false },
    });
    const absent = restoreScenario({});
    expect(absent.ok && "dedupe" in absent.scenario).toBe(false);
  });

  it("refuses what is not a boolean, naming the field", () => {
    for (const bad of ["yes", 1, null]) {
      const r = restoreScenario({ dedupe: bad });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.path).toBe("dedupe");
    }
  });

  it("is dropped from a link when off, so the link is the one made before it existed", () => {
    expect(stripDefaults({ ...base, dedupe: false })).toEqual(stripDefaults(base));
    expect("dedupe" in stripDefaults({ ...base, dedupe: false })).toBe(false);
    expect(encodeLink({ ...base, dedupe: false })).toBe(encodeLink(base));
    expect(stripDefaults({ ...base, dedupe: true })).toMatchObject({ dedupe: true });
  });

  it("travels in a link when on, and comes back on", () => {
    const link = encodeLink({ ...base, dedupe: true });
    expect(link).not.toBe(encodeLink(base));
    expect(decodeLink(link)).toMatchObject({ ok: true, scenario: { dedupe: true } });
  });

  it.each(v1Links.map((f) => [f.name, f] as const))(
    "re-encodes the frozen v1 link %s to the same scenario part",
    (_name, fixture) => {
      const decoded = decodeLink(fixture.link);
      if (!decoded.ok) throw new Error(decoded.error.message);
      expect("dedupe" in decoded.scenario).toBe(false);
      const again = encodeLink(decoded.scenario, decoded.view);
      expect(again.split("&")[0]).toBe(fixture.link.split("&")[0]);
      expect(again.replace(`&m=${MODEL_VERSION}`, "")).toBe(fixture.link);
    },
  );
});
