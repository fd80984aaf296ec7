import { scaleLinear } from "d3";
import { describe, expect, it } from "vitest";
import { anomaliesAt, check } from "../../check";
import type { Anomaly } from "../../check/types";
import { simulate } from "../../sim/simulate";
import { anomalyBands, bandBoxes, bandLabelText, labelWhere, leaderPath } from "./anomaly";
import { anomalyShape, type LinkPrim, nearPrims, primsInPx } from "./anomaly-marks";
import { preset } from "./fixtures";
import { buildGeometry } from "./geometry";
import { computeLayout } from "./layout";
import { KINDS } from "./mark-kinds";
import { DROP_SHAPE, markStyle } from "./marks";
import { TYPE_NAMES } from "./type-codes";

function run(name: string) {
  const trace = simulate(preset(name));
  const report = check(trace);
  const g = buildGeometry(trace);
  const lane = (id: string) => g.laneOf.get(id) as number;
  return { trace, report, g, lane };
}

function only(list: Anomaly[], kind: Anomaly["kind"]): Anomaly {
  const a = list.find((x) => x.kind === kind);
  if (a === undefined) throw new Error(`no ${kind}`);
  return a;
}

/** Do two segments cross (strictly, between their ends)? */
function cross(a: LinkPrim, b: LinkPrim): boolean {
  const side = (p: LinkPrim, t: number, l: number) =>
    Math.sign((p.t2 - p.t1) * (l - p.lane1) - (p.lane2 - p.lane1) * (t - p.t1));
  return (
    side(a, b.t1, b.lane1) * side(a, b.t2, b.lane2) < 0 &&
    side(b, a.t1, a.lane1) * side(b, a.t2, a.lane2) < 0
  );
}

describe("anomaly marks: each kind where it lives", () => {
  it("isolation: each write's applies joined across the stores, and the two joins cross", () => {
    const { report, g, lane, trace } = run("kleppmann-race");
    const a = only(anomaliesAt(report, trace.endTime), "isolation");
    const shape = anomalyShape(g, a, trace.endTime);
    const links = (shape?.prims ?? []).filter((p): p is LinkPrim => p.kind === "link");
    expect(links).toHaveLength(2);
    for (const l of links)
      expect([l.lane1, l.lane2].sort()).toEqual([lane("db"), lane("search")].sort());
    expect(cross(links[0], links[1])).toBe(true);
    // It points at the apply that completed the crossing (search applies A at 60 ms).
    expect(shape?.anchor).toEqual({ t: a.detectedAt, lane: lane("search") });
  });

  it("consistency: a bar on the diverging store's lane only, from divergence to the playhead or the repair", () => {
    const race = run("kleppmann-race");
    const a = only(anomaliesAt(race.report, race.trace.endTime), "consistency");
    expect(anomalyShape(race.g, a, race.trace.endTime)?.prims).toEqual([
      { kind: "bar", lane: race.lane("search"), from: a.detectedAt, to: race.trace.endTime },
    ]);
    // The default run's x heals at 1263 ms: the bar stops at the repair, not at the end.
    const def = run("default");
    const healed = def.report.anomalies.find((x) => x.kind === "consistency" && x.key === "x");
    expect(healed?.healedAt).toBeDefined();
    const at = anomaliesAt(def.report, def.trace.endTime).find(
      (x) => x.id === healed?.id,
    ) as Anomaly;
    const [bar] = anomalyShape(def.g, at, def.trace.endTime)?.prims ?? [];
    expect(bar).toEqual({
      kind: "bar",
      lane: def.lane("search"),
      from: healed?.detectedAt,
      to: healed?.healedAt,
    });
    // Before the repair, as known then: up to the playhead.
    const mid = ((healed?.detectedAt ?? 0) + (healed?.healedAt ?? 0)) / 2;
    const then = anomaliesAt(def.report, mid).find((x) => x.id === healed?.id) as Anomaly;
    expect(anomalyShape(def.g, then, mid)?.prims[0]).toMatchObject({ kind: "bar", to: mid });
  });

  it("atomicity: a ghost on the lane of each store that never got the write", () => {
    const { report, g, lane, trace } = run("crash-between-writes");
    const a = only(report.anomalies, "atomicity");
    const prims = anomalyShape(g, a, trace.endTime)?.prims ?? [];
    expect(prims.map((p) => p.kind)).toEqual(["ghost", "ghost"]);
    expect(prims.map((p) => (p.kind === "ghost" ? p.lane : -1)).sort()).toEqual(
      [lane("cache"), lane("search")].sort(),
    );
    expect(prims.some((p) => p.kind === "ghost" && p.lane === lane("db"))).toBe(false);
  });

  it("durability: from the acknowledgement to the event that lost the write", () => {
    const { report, g, lane, trace } = run("acks1-leader-failover");
    const a = only(report.anomalies, "durability");
    const ack = a.events.map((s) => g.eventBySeq(s)).find((e) => e?.type === "ack");
    const lost = g.eventBySeq(a.events[a.events.length - 1]);
    expect(anomalyShape(g, a, trace.endTime)?.prims).toEqual([
      {
        kind: "link",
        t1: ack?.t,
        lane1: lane(ack?.node ?? ""),
        t2: lost?.t,
        lane2: lane(lost?.node ?? ""),
      },
      { kind: "loss", lane: lane(lost?.node ?? ""), t: lost?.t },
    ]);
  });

  it("duplicate: the two applies of one write joined on their store's lane", () => {
    const { report, g, lane, trace } = run("consumer-crash-incr");
    const a = only(report.anomalies, "duplicate");
    const [first, second] = a.events.map((s) => g.eventBySeq(s));
    expect(anomalyShape(g, a, trace.endTime)?.prims).toEqual([
      { kind: "bracket", lane: lane("cache"), from: first?.t, to: second?.t },
    ]);
  });

  it("draws only what the checker reports: one mark per anomaly known at the playhead, none before", () => {
    for (const name of ["default", "kleppmann-race", "log-replay", "cdc-outbox"]) {
      const { report, g, trace } = run(name);
      for (const t of [0, trace.endTime / 3, trace.endTime]) {
        const bands = anomalyBands(g, report, t);
        expect(bands.map((b) => b.anomaly.id)).toEqual(anomaliesAt(report, t).map((a) => a.id));
        for (const b of bands)
          for (const p of b.shape.prims) {
            const times =
              p.kind === "link"
                ? [p.t1, p.t2]
                : p.kind === "bar" || p.kind === "bracket"
                  ? [p.from, p.to]
                  : [p.t];
            for (const pt of times)
              expect(pt).toBeLessThanOrEqual(Math.max(t, b.anomaly.detectedAt));
          }
      }
    }
  });

  it("in pixels: a click near a mark finds it, one far away does not", () => {
    const { report, g, trace } = run("kleppmann-race");
    const L = computeLayout(g.nodes, 900);
    const x = (t: number) => L.plotX0 + (t / trace.endTime) * (L.plotX1 - L.plotX0);
    const a = only(report.anomalies, "consistency");
    const px = primsInPx(anomalyShape(g, a, trace.endTime)?.prims ?? [], x, L);
    const [x1, y1] = px[0].segs;
    expect(nearPrims(px, x1 + 10, y1 + 2)).toBe(true);
    expect(nearPrims(px, x1 + 10, y1 + 40)).toBe(false);
  });
});

describe("marks: distinct shapes, one legend entry each", () => {
  it("no two kinds of event mark share a shape, nor with a dropped message's end", () => {
    const shapes = TYPE_NAMES.filter((t) => KINDS.some((k) => k.kind === t)).map(
      (t) => markStyle(t).shape,
    );
    expect(shapes.length).toBeGreaterThan(15);
    expect(new Set([...shapes, DROP_SHAPE]).size).toBe(shapes.length + 1);
  });

  it("every event type drawn as a mark has a legend entry with a definition", () => {
    const { g } = run("acks1-leader-failover");
    const drawn = new Set<string>();
    for (let i = 0; i < g.marks.n; i++) drawn.add(TYPE_NAMES[g.marks.type[i]]);
    for (const t of drawn) {
      const k = KINDS.find((x) => x.kind === t);
      expect(k?.definition, t).toMatch(/\.$/);
    }
    expect(new Set(KINDS.map((k) => k.label)).size).toBe(KINDS.length);
  });
});

describe("anomaly labels read apart", () => {
  it("two labels that would read the same name the store each is about", () => {
    // The default run: consistency and isolation of y (and of z) in cache and in search.
    const { report, g, trace } = run("default");
    const bands = anomalyBands(g, report, trace.endTime);
    const where = labelWhere(bands);
    const texts = bands.map((b, i) => bandLabelText(b, 0, where[i]));
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toContain("C · consistency y in cache (healed)");
    expect(texts).toContain("C · consistency y in search (healed)");
    // A label that is unique already stays short.
    expect(texts).toContain("C · consistency x (healed)");
  });
});

describe("anomaly labels' leader lines", () => {
  it("drop to a lower row where the labels above leave a gap, never through them", () => {
    // The race at a narrow plot: its two labels (C and I at 60 ms) stack in two rows.
    const { report, g, trace } = run("kleppmann-race");
    const layout = computeLayout(g.nodes, 700, 400, undefined, { labelRows: 3 });
    const x = scaleLinear().domain([0, trace.endTime]).range([layout.plotX0, layout.plotX1]);
    const v = { g, layout, x, playhead: trace.endTime, showFuture: false, uid: "t" };
    const boxes = bandBoxes(v, anomalyBands(g, report, trace.endTime));
    const labels = boxes.flatMap((b) => (b.label ? [b.label] : []));
    const lower = labels.filter((l) => l.row > 0);
    expect(lower.length).toBeGreaterThan(0);
    for (const l of lower) {
      // Over the label or within a short reach beside it.
      expect(l.leaderX).toBeGreaterThanOrEqual(l.x - 48);
      expect(l.leaderX).toBeLessThanOrEqual(l.x + l.w + 48);
      for (const a of labels.filter((o) => o.row < l.row))
        expect(l.leaderX < a.x || l.leaderX > a.x + a.w).toBe(true);
      // The path ends on the label: on its top from above, on its edge from beside it.
      const box = boxes.find((b) => b.label === l) as (typeof boxes)[number];
      const end = leaderPath(box, layout.labelY0 - 3)
        .split(/(?=[VH])/)
        .at(-1);
      const inside = l.leaderX >= l.x && l.leaderX <= l.x + l.w;
      expect(end).toBe(inside ? `V${l.y}` : `H${l.leaderX < l.x ? l.x - 1 : l.x + l.w + 1}`);
    }
  });
});
