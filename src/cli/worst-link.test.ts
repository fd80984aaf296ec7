import { describe, expect, it } from "vitest";
import { decodeLink, encodeLink, LIMITS } from "../url/index";
import { worstAcceptedScenario } from "./worst-link";

describe("the worst accepted link", () => {
  it("goes through the restore door unchanged", () => {
    const s = worstAcceptedScenario();
    const back = decodeLink(encodeLink(s));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.scenario).toEqual(s);
  });

  it("sits at the door's caps that add work", () => {
    const s = worstAcceptedScenario();
    expect(s.workload.kind === "generated" && s.workload.writes).toBe(LIMITS.writes);
    expect(s.clients).toBe(LIMITS.clients);
    expect(s.log.brokers).toBe(LIMITS.brokers);
    expect(s.log.partitions).toBe(LIMITS.partitions);
    expect(s.caps).toEqual({ maxEvents: LIMITS.maxEvents, maxTimeMs: LIMITS.maxTimeMs });
  });
});
