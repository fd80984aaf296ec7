import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventHeap } from "./heap";

describe("EventHeap", () => {
  it("pops in (time, seq) order whatever the push order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 3000 }), (times) => {
        const heap = new EventHeap<number>();
        times.forEach((t, seq) => {
          heap.push(t, seq, seq);
        });
        const out: number[] = [];
        while (heap.size > 0) out.push(heap.pop());
        const expected = times
          .map((t, seq) => ({ t, seq }))
          .sort((x, y) => x.t - y.t || x.seq - y.seq);
        expect(out).toEqual(expected.map((e) => e.seq));
      }),
      { numRuns: 100 },
    );
  });
});
