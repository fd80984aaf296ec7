import { createRng } from "./prng";
import type { Scenario, WriteOp } from "./types";

const KEY_NAMES = ["x", "y", "z", "u", "v", "w"];

export function keyName(n: number): string {
  return KEY_NAMES[n - 1] ?? `k${n}`;
}

/** A, B, …, Z, AA, AB, … — short values a person can follow on the timeline. */
export function valueName(id: number): string {
  let n = id;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The operations the clients will issue. They depend only on the seed and the
 * workload (never on the strategy or the network), so every strategy faces
 * exactly the same writes.
 */
export function generateWorkload(scenario: Scenario): WriteOp[] {
  const w = scenario.workload;
  if (w.kind === "script") {
    const ops = w.ops
      .map((op, i) => ({ op, i }))
      .sort((x, y) => x.op.at - y.op.at || x.i - y.i)
      .map(({ op }) => op);
    return ops.map((op, i) => ({
      id: i + 1,
      at: op.at,
      client: Math.min(Math.max(1, op.client), scenario.clients),
      op: op.op,
      key: op.key,
      value: op.value ?? (op.op === "incr" ? 1 : op.op === "set" ? valueName(i + 1) : ""),
    }));
  }
  const rng = createRng(scenario.seed).fork("workload");
  const meanGapMs = 1000 / Math.max(w.ratePerSec, 0.001);
  const ops: WriteOp[] = [];
  let t = w.startMs;
  for (let id = 1; id <= w.writes; id++) {
    const gap = meanGapMs * (0.5 + rng.next());
    const client = rng.int(1, scenario.clients);
    const key = keyName(rng.int(1, Math.max(1, w.keys)));
    const isRead = rng.next() < w.readRate;
    const op = isRead ? "read" : w.op;
    ops.push({
      id,
      at: Math.round(t),
      client,
      op,
      key,
      value: op === "set" ? valueName(id) : op === "incr" ? 1 : "",
    });
    t += gap;
  }
  return ops;
}
