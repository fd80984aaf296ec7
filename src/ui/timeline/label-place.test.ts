import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Box, overlaps, type PlaceOptions, placeLabels } from "./label-place";

const itemsArb = fc.array(
  fc.record({
    want: fc.integer({ min: -50, max: 1100 }),
    w: fc.integer({ min: 1, max: 300 }),
  }),
  { maxLength: 40 },
);
const obstaclesArb = fc.array(
  fc.record({
    x: fc.integer({ min: 0, max: 1000 }),
    y: fc.integer({ min: 0, max: 80 }),
    w: fc.integer({ min: 1, max: 120 }),
    h: fc.integer({ min: 1, max: 20 }),
  }),
  { maxLength: 12 },
);
const optsArb = fc.record({
  x0: fc.integer({ min: 0, max: 100 }),
  span: fc.integer({ min: 50, max: 1000 }),
  rows: fc.integer({ min: 1, max: 4 }),
  rowH: fc.integer({ min: 8, max: 20 }),
  gap: fc.integer({ min: 0, max: 10 }),
  maxShift: fc.integer({ min: 0, max: 300 }),
  cluster: fc.boolean(),
});

interface Opts {
  x0: number;
  span: number;
  rows: number;
  rowH: number;
  gap: number;
  maxShift: number;
  cluster: boolean;
}

function options(o: Opts, obstacles: Box[]): PlaceOptions {
  return {
    x0: o.x0,
    x1: o.x0 + o.span,
    rowY: Array.from({ length: o.rows }, (_, r) => 10 + r * o.rowH),
    rowH: o.rowH,
    gap: o.gap,
    maxShift: o.maxShift,
    obstacles,
    cluster: o.cluster,
    charW: 7,
  };
}

describe("placeLabels", () => {
  it("never overlaps two labels, nor a label and an obstacle, and stays inside the plot", () => {
    fc.assert(
      fc.property(itemsArb, obstaclesArb, optsArb, (raw, obstacles, o) => {
        const items = raw.map((r, i) => ({ id: String(i), ...r }));
        const opts = options(o, obstacles);
        const placed = placeLabels(items, opts);
        const boxes = placed.flatMap((p) => (p.box ? [p.box] : []));
        for (const [i, a] of boxes.entries()) {
          expect(a.x).toBeGreaterThanOrEqual(opts.x0);
          expect(a.x + a.w).toBeLessThanOrEqual(opts.x1);
          for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
          for (const b of obstacles) expect(overlaps(a, b)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("accounts for every label: placed, or counted once in a placed label's +N (or skipped without clustering)", () => {
    fc.assert(
      fc.property(itemsArb, obstaclesArb, optsArb, (raw, obstacles, o) => {
        const items = raw.map((r, i) => ({ id: String(i), ...r }));
        const placed = placeLabels(items, options(o, obstacles));
        const byId = new Map(placed.map((p) => [p.id, p]));
        let counted = 0;
        for (const p of placed) {
          if (p.box !== null) {
            expect(p.host).toBeNull();
            continue;
          }
          if (p.host === null) continue;
          expect(o.cluster).toBe(true);
          expect(byId.get(p.host)?.box).not.toBeNull();
          counted++;
        }
        expect(placed.reduce((n, p) => n + p.more, 0)).toBe(counted);
        // With room for the first label, clustering leaves nobody out.
        if (o.cluster && placed.some((p) => p.box !== null))
          expect(placed.every((p) => p.box !== null || p.host !== null)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("clusters only what truly collides: a label alone always gets its own place", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 1, max: 100 }),
        optsArb,
        (want, w, o) => {
          const opts = { ...options(o, []), x0: 0, x1: 1000 };
          const [p] = placeLabels([{ id: "a", want, w }], opts);
          expect(p.box).not.toBeNull();
          expect(p.more).toBe(0);
        },
      ),
    );
  });

  it("puts labels that fit side by side in one row at the place they want", () => {
    const placed = placeLabels(
      [
        { id: "a", want: 10, w: 50 },
        { id: "b", want: 100, w: 50 },
      ],
      {
        ...options(
          { x0: 0, span: 500, rows: 2, rowH: 12, gap: 4, maxShift: 100, cluster: true },
          [],
        ),
      },
    );
    expect(placed.map((p) => [p.box?.x, p.box?.y])).toEqual([
      [10, 10],
      [100, 10],
    ]);
  });

  it("stacks a colliding label in the next row, and counts as +N what finds no row", () => {
    const opts = options(
      { x0: 0, span: 200, rows: 2, rowH: 12, gap: 4, maxShift: 0, cluster: true },
      [],
    );
    const placed = placeLabels(
      [
        { id: "a", want: 10, w: 60 },
        { id: "b", want: 20, w: 60 },
        { id: "c", want: 30, w: 60 },
      ],
      opts,
    );
    expect(placed[0].box?.y).toBe(10);
    expect(placed[1].box?.y).toBe(22);
    expect(placed[2].box).toBeNull();
    expect(placed[2].host).toBe("b");
    expect(placed[1].more).toBe(1);
    // The host's box grows by " +1" (room kept for it from the start).
    expect(placed[1].box?.w).toBe(60 + 3 * 7);
  });

  it("skips a value label that would overlap the one before it on its lane", () => {
    const placed = placeLabels(
      [
        { id: "a", want: 10, w: 40, rows: [0] },
        { id: "b", want: 30, w: 40, rows: [0] },
        { id: "c", want: 30, w: 40, rows: [1] },
      ],
      options({ x0: 0, span: 500, rows: 2, rowH: 12, gap: 4, maxShift: 0, cluster: false }, []),
    );
    expect(placed.map((p) => p.box !== null)).toEqual([true, false, true]);
  });
});
