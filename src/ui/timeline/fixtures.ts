import type { Report } from "../../check/types";
import { defaultScenario } from "../../sim/defaults";
import { presetScenario } from "../../sim/presets";
import type { NodeInfo, Scenario, Trace, TraceEvent } from "../../sim/types";

export function preset(name: string): Scenario {
  const s = presetScenario(name);
  if (!s) throw new Error(`no preset ${name}`);
  return s;
}

/**
 * A hand-built trace for the view's tests: one client writes x=1 to db and
 * search; the message to search is dropped but a duplicate gets through.
 *
 *  seq 0  t0  invoke  client-1 write 1
 *  seq 1  t1  send    client-1 → db      msg 1
 *  seq 2  t1  send    client-1 → search  msg 2
 *  seq 3  t1  duplicate of msg 2 as msg 3
 *  seq 4  t5  deliver db      msg 1
 *  seq 5  t5  apply   db x=1
 *  seq 6  t8  drop    search  msg 2 (loss)
 *  seq 7  t9  deliver search  msg 3
 *  seq 8  t9  apply   search x=1
 *  seq 9  t12 crash   search;  seq 10 t16 restart search
 *  seq 11 t20 ack     client-1 write 1
 */
export function tinyTrace(): Trace {
  const nodes: NodeInfo[] = [
    { id: "client-1", kind: "client", group: "clients" },
    { id: "db", kind: "store", group: "stores" },
    { id: "search", kind: "store", group: "stores" },
  ];
  const rows: Omit<TraceEvent, "seq">[] = [
    { t: 0, type: "invoke", node: "client-1", write: 1, key: "x", value: 1 },
    { t: 1, type: "send", node: "client-1", peer: "db", msg: 1, write: 1 },
    { t: 1, type: "send", node: "client-1", peer: "search", msg: 2, write: 1 },
    { t: 1, type: "duplicate", node: "client-1", peer: "search", msg: 3, ref: 2, write: 1 },
    { t: 5, type: "deliver", node: "db", peer: "client-1", msg: 1, write: 1 },
    { t: 5, type: "apply", node: "db", write: 1, key: "x", value: 1 },
    { t: 8, type: "drop", node: "search", peer: "client-1", msg: 2, write: 1, detail: "loss" },
    { t: 9, type: "deliver", node: "search", peer: "client-1", msg: 3, write: 1 },
    { t: 9, type: "apply", node: "search", write: 1, key: "x", value: 1 },
    { t: 12, type: "crash", node: "search" },
    { t: 16, type: "restart", node: "search" },
    { t: 20, type: "ack", node: "client-1", write: 1 },
  ];
  const events = rows.map((r, seq) => ({ ...r, seq }));
  return {
    scenario: defaultScenario(),
    nodes,
    writes: [{ id: 1, at: 0, client: 1, op: "set", key: "x", value: 1 }],
    events,
    quiescedAt: 20,
    capped: null,
    endTime: 20,
    traceHash: "0",
    final: { stores: { db: { x: 1 }, search: { x: 1 } }, log: [], offline: [] },
  };
}

/** One isolation anomaly on db+search, detected at t=9, confirmed at t=15. */
export function tinyReport(): Report {
  return {
    anomalies: [
      {
        id: "isolation:x:db,search",
        kind: "isolation",
        key: "x",
        writes: [1],
        events: [5, 8],
        stores: ["db", "search"],
        detectedAt: 9,
        span: { from: 5, to: 15 },
        state: "confirmed",
        confirmedAt: 15,
        explanation: "db and search applied the writes to x in different orders.",
      },
    ],
    offline: [],
    metrics: {
      propagationLagMs: {},
      consumerLag: {},
      messages: { sent: 2, delivered: 2, dropped: 1, duplicated: 1, droppedByReason: { loss: 1 } },
      quiescedAt: 20,
    },
    quiescedAt: 20,
  };
}
