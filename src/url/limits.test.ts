import { describe, expect, it } from "vitest";
import { defaultScenario } from "../sim/defaults";
import { formatCount, LIMITS, limitMessage, utf8Length } from "./limits";
import { decodeLink, encodeLink } from "./link";
import { restoreScenario } from "./restore";

function errorOf(input: unknown) {
  const result = restoreScenario(input);
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

const heal = (at: number) => ({ at, kind: "heal" });
const op = (at: number) => ({ at, client: 1, op: "set", key: "k", value: 1 });

describe("limit messages", () => {
  it("formats counts without depending on the locale", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(12_000)).toBe("12,000");
    expect(formatCount(1_048_576)).toBe("1,048,576");
    expect(formatCount(-1234.5)).toBe("-1,234.5");
  });

  it("names the limit and the excess", () => {
    expect(limitMessage("writes", 12_000)).toBe(
      "The scenario has 12,000 writes; the limit is 5,000 (7,000 over).",
    );
  });

  it("counts UTF-8 bytes, surrogate pairs as four", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é☃𝄞")).toBe(2 + 3 + 4);
  });
});

describe("each cap refuses a scenario over it, saying which and by how much", () => {
  it.each([
    [
      { workload: { writes: 12_000 } },
      "workload.writes",
      "The scenario has 12,000 writes; the limit is 5,000 (7,000 over).",
    ],
    [
      { workload: { kind: "script", ops: Array.from({ length: 5_003 }, (_, i) => op(i)) } },
      "workload.ops",
      "The script has 5,003 operations; the limit is 5,000 (3 over).",
    ],
    [
      { schedule: Array.from({ length: 250 }, (_, i) => heal(i)) },
      "schedule",
      "The schedule has 250 entries; the limit is 200 (50 over).",
    ],
    [{ clients: 12 }, "clients", "The scenario has 12 clients; the limit is 8 (4 over)."],
    [{ log: { brokers: 9 } }, "log.brokers", "The log has 9 brokers; the limit is 7 (2 over)."],
    [
      { log: { partitions: 10 } },
      "log.partitions",
      "The log has 10 partitions; the limit is 8 (2 over).",
    ],
    [
      { caps: { maxEvents: 2_000_000 } },
      "caps.maxEvents",
      "The event cap (caps.maxEvents) is 2,000,000; the limit is 1,000,000 (1,000,000 over).",
    ],
    [
      { caps: { maxTimeMs: 900_000 } },
      "caps.maxTimeMs",
      "The time cap (caps.maxTimeMs) is 900,000 ms; the limit is 600,000 ms (300,000 ms over).",
    ],
    [
      { workload: { writes: 5_000, ratePerSec: 5, startMs: 0 } },
      "workload",
      "The workload runs until 1,000,000 ms; the limit is 600,000 ms (400,000 ms over).",
    ],
    [
      {
        network: {
          links: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, {}])),
        },
      },
      "network.links",
      "The network has 201 per-link settings; the limit is 200 (1 over).",
    ],
  ])("%#: %s", (input, path, message) => {
    expect(errorOf(input)).toEqual({ code: "limit", path, message });
  });

  it("reports a cap before other problems of the same input", () => {
    const error = errorOf({ seed: "x", clients: 50 });
    expect(error.code).toBe("limit");
    expect(error.message).toMatch(/50 clients/);
  });

  it("accepts a scenario exactly at every cap", () => {
    const result = restoreScenario({
      clients: LIMITS.clients,
      log: { brokers: LIMITS.brokers, partitions: LIMITS.partitions },
      workload: { writes: LIMITS.writes, ratePerSec: 10, startMs: 100_000 },
      schedule: Array.from({ length: LIMITS.scheduleEntries }, (_, i) => heal(i)),
      caps: { maxEvents: LIMITS.maxEvents, maxTimeMs: LIMITS.maxTimeMs },
    });
    expect(result.ok).toBe(true);
  });

  it("refuses JSON text over the file size cap", () => {
    const text = JSON.stringify({ description: "x".repeat(LIMITS.fileBytes) });
    expect(errorOf(text)).toEqual({
      code: "too-large",
      message: `The scenario is ${formatCount(text.length)} bytes; the limit is 1,048,576 bytes (${formatCount(text.length - LIMITS.fileBytes)} bytes over).`,
    });
  });

  it("refuses a link over the link length cap", () => {
    const link = `${encodeLink(defaultScenario())}&pad=${"x".repeat(LIMITS.linkBytes)}`;
    const result = decodeLink(link);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("too-large");
      expect(result.error.message).toMatch(
        /^The link is [\d,]+ characters long; the limit is 65,536 characters \([\d,]+ characters over\)\.$/,
      );
    }
  });
});
