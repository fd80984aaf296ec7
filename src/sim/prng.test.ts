import { describe, expect, it } from "vitest";
import { createRng } from "./prng";

const take = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe("createRng", () => {
  it("gives the same sequence for the same seed", () => {
    expect(take(42, 100)).toEqual(take(42, 100));
  });

  it("gives different sequences for different seeds", () => {
    expect(take(1, 20)).not.toEqual(take(2, 20));
  });

  it("forks independent, reproducible streams by name", () => {
    const a = createRng(7).fork("link:client-1->db");
    const b = createRng(7).fork("link:client-1->db");
    const c = createRng(7).fork("link:client-1->cache");
    const xs = Array.from({ length: 10 }, () => a.next());
    expect(Array.from({ length: 10 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 10 }, () => c.next())).not.toEqual(xs);
  });

  it("stays in range", () => {
    const rng = createRng(3);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const k = rng.int(2, 5);
      expect(k >= 2 && k <= 5 && Number.isInteger(k)).toBe(true);
    }
  });
});
