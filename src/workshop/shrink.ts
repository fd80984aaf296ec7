/**
 * Greedy shrinking of a scenario to a smaller one that still shows an
 * anomaly: fewer faults, fewer writes, fewer clients and stores, a quieter
 * network, shorter gaps. Each step is kept only if the predicate still holds
 * and the scenario is still valid (it is loaded and shared like any other).
 * Passes repeat until one changes nothing, so the result is 1-minimal: no
 * single schedule entry or scripted write can be dropped without losing the
 * anomaly (unless the run budget ran out first, which the result says).
 */
import { type Anomaly, type AnomalyKind, check } from "../check/index";
import { entryEnd, setEntryEnd, shiftEntry } from "../sim/schedule";
import { simulate } from "../sim/simulate";
import type { LinkOptions, Scenario, ScriptOp } from "../sim/types";
import { restoreScenario } from "../url/index";
import { entryPhrase } from "../url/schedule-text";
import { labelOf } from "./scenario-diff";

export type Predicate = (s: Scenario) => boolean;

export interface ShrinkResult {
  scenario: Scenario;
  /** False when the starting scenario did not satisfy the predicate (nothing was shrunk). */
  held: boolean;
  /** simulate() calls made. */
  runs: number;
  /** True when the budget ran out before a pass changed nothing. */
  exhausted: boolean;
  /** What was taken away, in order, for a person to read. */
  removed: string[];
}

export const SHRINK_MAX_RUNS = 500;

export function showsKind(kind: AnomalyKind): Predicate {
  return (s) => check(simulate(s)).anomalies.some((a) => a.kind === kind);
}

/** Healed (a retry or the run's end put it right) or lasting (confirmed, or still open). */
const healedOf = (a: Anomaly): boolean => a.state === "healed";

/**
 * The story `start` tells about `kind`: the shrunk run must show the same kind
 * in the same state, so a healed anomaly stays healed and a lasting one stays
 * lasting (a healed story shows no lasting one). When the start shows both,
 * the lasting one is the story.
 */
export function keepsStory(start: Scenario, kind: AnomalyKind): Predicate {
  const found = check(simulate(start)).anomalies.filter((a) => a.kind === kind);
  const healed = found.length > 0 && found.every(healedOf);
  return (s) => {
    const now = check(simulate(s)).anomalies.filter((a) => a.kind === kind);
    // Healed stays healed (no lasting one slips in); lasting stays lasting.
    return healed ? now.length > 0 && now.every(healedOf) : now.some((a) => !healedOf(a));
  };
}

const describeOp = (o: ScriptOp): string =>
  `client ${o.client} ${o.op} ${o.key}${o.op === "read" ? "" : ` ${o.value}`} at ${o.at} ms`;

const RATES = ["dropRate", "duplicateRate", "reorderRate"] as const;

export function shrink(
  start: Scenario,
  predicate: Predicate,
  maxRuns: number = SHRINK_MAX_RUNS,
): ShrinkResult {
  let current = structuredClone(start);
  let runs = 0;
  const removed: string[] = [];
  // Repeated cuts of one thing (a duration, idle time) read as one line that says where it ended.
  const lineOf = new Map<string, number>();
  let idleCutMs = 0;
  let leadCutMs = 0;
  const holds = (c: Scenario): boolean => {
    if (runs >= maxRuns || !restoreScenario(c).ok) return false;
    runs++;
    return predicate(c);
  };
  const attempt = (edit: (draft: Scenario) => void, note: string, key?: string): boolean => {
    const draft = structuredClone(current);
    edit(draft);
    if (!holds(draft)) return false;
    current = draft;
    const line = key === undefined ? undefined : lineOf.get(key);
    if (line !== undefined) removed[line] = note;
    else {
      if (key !== undefined) lineOf.set(key, removed.length);
      removed.push(note);
    }
    return true;
  };

  if (!holds(current)) return { scenario: current, held: false, runs, exhausted: false, removed };
  toScript();
  for (let changed = true; changed && runs < maxRuns; ) {
    changed = [
      dropFaults(),
      dropOps(),
      dropClients(),
      dropStores(),
      quietNetwork(),
      cutLeadingTime(),
      shortenTimes(),
    ].some(Boolean);
  }
  return { scenario: current, held: true, runs, exhausted: runs >= maxRuns, removed };

  /** A generated workload cannot lose one write from the middle; its script can. */
  function toScript(): void {
    if (current.workload.kind !== "generated") return;
    const ops: ScriptOp[] = simulate(current).writes.map(({ at, client, op, key, value }) =>
      op === "read" ? { at, client, op, key } : { at, client, op, key, value },
    );
    const n = ops.length;
    attempt((d) => {
      d.workload = { kind: "script", ops };
    }, `the generated workload, written out as the ${n} operations it made`);
  }

  function dropFaults(): boolean {
    let any = false;
    for (let i = current.schedule.length - 1; i >= 0; i--) {
      const entry = current.schedule[i];
      any =
        attempt((d) => {
          d.schedule.splice(i, 1);
        }, entryPhrase(entry)) || any;
    }
    return any;
  }

  /** Halves, then quarters, … then single operations (delta debugging's order). */
  function dropOps(): boolean {
    const w = current.workload;
    if (w.kind === "generated") {
      let any = false;
      for (const n of [Math.floor(w.writes / 2), w.writes - 1]) {
        if (n < 1) continue;
        any =
          attempt(
            (d) => {
              if (d.workload.kind === "generated") d.workload.writes = n;
            },
            `${w.writes - n} generated writes`,
          ) || any;
      }
      return any;
    }
    let any = false;
    for (
      let size = Math.max(1, Math.floor(w.ops.length / 2));
      size >= 1;
      size = Math.floor(size / 2)
    ) {
      for (let i = 0; i + size <= opsOf(current).length && opsOf(current).length > 1; ) {
        const gone = opsOf(current).slice(i, i + size);
        if (gone.length === opsOf(current).length) break;
        const ok = attempt(
          (d) => {
            opsOf(d).splice(i, size);
          },
          size === 1 ? describeOp(gone[0]) : `${size} operations from ${describeOp(gone[0])}`,
        );
        if (ok) any = true;
        else i += size;
      }
    }
    return any;
  }

  function dropClients(): boolean {
    const used = Math.max(1, ...opsOf(current).map((o) => o.client));
    if (current.workload.kind !== "script" || current.clients <= used) return false;
    const from = current.clients;
    return attempt(
      (d) => {
        d.clients = used;
      },
      `${from - used} idle client(s)`,
    );
  }

  function dropStores(): boolean {
    let any = false;
    for (const store of current.stores.filter((x) => x !== "db")) {
      any =
        attempt((d) => {
          d.stores = d.stores.filter((x) => x !== store);
        }, `the ${store} store`) || any;
    }
    return any;
  }

  function quietNetwork(): boolean {
    let any = false;
    for (const rate of RATES) {
      const v = current.network.default[rate];
      if (v > 0)
        any =
          attempt(
            (d) => {
              d.network.default[rate] = 0;
            },
            `${labelOf(`network.default.${rate}`).toLowerCase()} of the network (${percent(v)} → none)`,
          ) || any;
    }
    for (const key of Object.keys(current.network.links)) {
      const [from, to] = key.split("->");
      const where = `the ${from} → ${to} link`;
      any =
        attempt((d) => {
          delete d.network.links[key];
        }, `${where}'s own settings (it behaves like the rest of the network)`) || any;
      const link = current.network.links[key];
      // Only rates go one by one: a delay's min and max go together or not at all, so a
      // fixed delay (min = max) is never widened into a random one.
      for (const field of Object.keys(link ?? {}) as Array<keyof LinkOptions>) {
        if (!(RATES as readonly string[]).includes(field)) continue;
        any =
          attempt(
            (d) => {
              delete d.network.links[key][field];
            },
            `${where}'s ${labelOf(`network.default.${field}`).toLowerCase()}`,
          ) || any;
      }
    }
    return any;
  }

  /** Moves everything earlier so the first operation or fault comes right at the start. */
  function cutLeadingTime(): boolean {
    const times = [...opsOf(current).map((o) => o.at), ...current.schedule.map((e) => e.at)];
    if (current.workload.kind !== "script" || times.length === 0) return false;
    const cut = Math.min(...times) - 1;
    if (cut < 1) return false;
    const ok = attempt(
      (d) => {
        for (const o of opsOf(d)) o.at -= cut;
        for (const e of d.schedule) shiftEntry(e, cut);
      },
      `${leadCutMs + cut} ms of empty time before anything happens (every time moved earlier)`,
      "lead",
    );
    if (ok) leadCutMs += cut;
    return ok;
  }

  /** Halves fault durations and the gaps between scripted operations. */
  function shortenTimes(): boolean {
    let any = false;
    current.schedule.forEach((e, i) => {
      const end = entryEnd(e);
      if (end === undefined || end - e.at < 2) return;
      const half = e.at + Math.floor((end - e.at) / 2);
      any =
        attempt(
          (d) => setEntryEnd(d.schedule[i], half),
          `${entryPhrase(e)}: shortened to ${half - e.at} ms`,
          `duration ${i}`,
        ) || any;
    });
    const ops = opsOf(current);
    for (let i = 1; i < ops.length; i++) {
      const gap = opsOf(current)[i].at - opsOf(current)[i - 1].at;
      if (gap < 2) continue;
      const cut = Math.floor(gap / 2);
      // Later operations and faults keep their distance to this one.
      const at = opsOf(current)[i].at;
      const ok = attempt(
        (d) => {
          for (const o of opsOf(d)) if (o.at >= at) o.at -= cut;
          for (const e of d.schedule) if (e.at >= at) shiftEntry(e, cut);
        },
        `${idleCutMs + cut} ms of quiet time between operations`,
        "idle",
      );
      if (ok) idleCutMs += cut;
      any = ok || any;
    }
    return any;
  }
}

const percent = (v: number): string => `${Math.round(v * 1000) / 10} %`;

function opsOf(s: Scenario): ScriptOp[] {
  return s.workload.kind === "script" ? s.workload.ops : [];
}
