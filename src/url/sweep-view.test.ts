import { describe, expect, it } from "vitest";
import { defaultScenario } from "../sim/defaults";
import { decodeLink, encodeLink } from "./link";
import { restoreView, type SweepView } from "./view";

const sweep: SweepView = {
  param: "dropRate",
  values: [0, 0.05, 0.1],
  strategies: ["dual-write", "log"],
  seeds: 100,
  kind: "atomicity",
};

describe("a sweep's settings in the link", () => {
  it("round-trip beside the scenario, readable in the hash", () => {
    const hash = encodeLink(defaultScenario(), { sweep });
    expect(hash).toContain("&sweep=dropRate+0,0.05,0.1+dual-write,log+100+atomicity");
    expect(decodeLink(hash)).toMatchObject({ ok: true, view: { sweep } });
  });

  it("keep word values as words and the kind optional", () => {
    const acks: SweepView = { param: "acks", values: [0, 1, "all"], strategies: ["log"], seeds: 5 };
    expect(decodeLink(encodeLink(defaultScenario(), { sweep: acks, playhead: 40 }))).toMatchObject({
      ok: true,
      view: { sweep: acks, playhead: 40 },
    });
  });

  it("drop a damaged sweep but still open the scenario", () => {
    const base = encodeLink(defaultScenario());
    for (const bad of [
      "dropRate",
      "speed+0+log+10",
      "dropRate+0+log+0",
      "dropRate+0+2pc+10",
      "dropRate+0+log+10+x+y",
    ]) {
      const r = decodeLink(`${base}&sweep=${bad}`);
      expect(r.ok, bad).toBe(true);
      expect(r.ok && r.view.sweep, bad).toBeUndefined();
      expect(r.ok && r.viewError?.code, bad).toBe("invalid");
    }
  });

  it("bound the work a link may ask for", () => {
    expect(restoreView({ sweep: { ...sweep, seeds: 1_000_000 } }).ok).toBe(false);
    expect(
      restoreView({ sweep: { ...sweep, values: Array.from({ length: 51 }, (_, i) => i) } }).ok,
    ).toBe(false);
  });
});
