/**
 * Many-seed sweeps: one setting varied over a few values, each value run
 * under each strategy with `seeds` consecutive seeds. The work is a flat list
 * of runs so a pool can hand out any slice of it (`runChunk`) and merge the
 * answers in any order; the browser and the CLI count with the same code, so
 * the same settings give the same counts everywhere.
 */
import { ANOMALY_KINDS, type AnomalyKind, check } from "../check/index";
import { simulate } from "../sim/simulate";
import type { Scenario, Strategy } from "../sim/types";
import { restoreScenario } from "../url/index";
import { applyParam, type SweepParam, type SweepValue } from "./params";
import { wilson } from "./wilson";

export interface SweepSpec {
  scenario: Scenario;
  strategies: Strategy[];
  param: SweepParam;
  values: SweepValue[];
  /** Runs per point; run i of a point uses seed `scenario.seed + i`. */
  seeds: number;
}

export interface SweepPoint {
  value: SweepValue;
  strategy: Strategy;
  /** Runs counted (fewer than `seeds` only for a cancelled sweep). */
  n: number;
  /** Per kind, how many runs showed at least one anomaly of that kind, healed ones included. */
  counts: Record<AnomalyKind, number>;
  /** Per kind, the 95% Wilson interval of the share counts[kind] / n. */
  intervals: Record<AnomalyKind, [number, number]>;
  /** Per kind, the first seed of this point whose run shows it: the witness to open. */
  witnesses: Partial<Record<AnomalyKind, number>>;
  /**
   * Per kind, how many runs showed one that did not heal by the run's end
   * (confirmed, or still suspected in a capped run). `counts - confirmed` runs
   * showed the kind only healed.
   */
  confirmed: Record<AnomalyKind, number>;
  /** Per kind, the 95% Wilson interval of confirmed[kind] / n. */
  confirmedIntervals: Record<AnomalyKind, [number, number]>;
  /** Per kind, the first seed whose run shows one that did not heal. */
  confirmedWitnesses: Partial<Record<AnomalyKind, number>>;
}

/** Keeps one sweep from running for hours in a browser tab. */
export const MAX_SEEDS = 10_000;
export const MAX_RUNS = 200_000;

/** Marks a run not done yet in a result array (a cancelled sweep leaves some). */
export const NOT_RUN = -1;

/** The seed of run `i` of a point: 32-bit like every seed. */
export function seedOf(spec: SweepSpec, i: number): number {
  return (spec.scenario.seed + i) >>> 0;
}

export function pointCount(spec: SweepSpec): number {
  return spec.values.length * spec.strategies.length;
}

export function runCount(spec: SweepSpec): number {
  return pointCount(spec) * spec.seeds;
}

/** Point p is value `floor(p / strategies)` under strategy `p % strategies` (value-major). */
export function pointScenario(spec: SweepSpec, point: number): Scenario {
  const value = spec.values[Math.floor(point / spec.strategies.length)];
  const strategy = spec.strategies[point % spec.strategies.length];
  return { ...applyParam(spec.scenario, spec.param, value), strategy };
}

/** The exact run behind a table cell: point p, its seed number i. */
export function runScenario(spec: SweepSpec, point: number, i: number): Scenario {
  return { ...pointScenario(spec, point), seed: seedOf(spec, i) };
}

/** What is wrong with a sweep before any run, in one sentence; null when it can run. */
export function specProblem(spec: SweepSpec): string | null {
  if (spec.strategies.length === 0) return "choose at least one strategy";
  if (new Set(spec.strategies).size !== spec.strategies.length) return "a strategy is listed twice";
  if (spec.values.length === 0) return "give at least one value";
  if (!Number.isInteger(spec.seeds) || spec.seeds < 1 || spec.seeds > MAX_SEEDS)
    return `seeds must be a whole number from 1 to ${MAX_SEEDS}`;
  if (runCount(spec) > MAX_RUNS)
    return `${runCount(spec)} runs is more than the ${MAX_RUNS} a sweep may have`;
  for (let p = 0; p < pointCount(spec); p++) {
    const r = restoreScenario(pointScenario(spec, p));
    if (!r.ok)
      return `${spec.param} = ${spec.values[Math.floor(p / spec.strategies.length)]}: ${r.error.message}`;
  }
  return null;
}

/** Where the "did not heal" bits start in a kinds mask. */
export const CONFIRMED_SHIFT = 8;

/**
 * The anomaly kinds one run shows, as a bit set: bit i = ANOMALY_KINDS[i]
 * shown at all, bit CONFIRMED_SHIFT + i = shown and not healed by the end.
 */
export function kindsMask(s: Scenario): number {
  let mask = 0;
  for (const a of check(simulate(s)).anomalies) {
    const bit = ANOMALY_KINDS.indexOf(a.kind);
    mask |= 1 << bit;
    if (a.state !== "healed") mask |= 1 << (CONFIRMED_SHIFT + bit);
  }
  return mask;
}

/**
 * Runs [from, to) of the flat run list (run r is seed `r % seeds` of point
 * `floor(r / seeds)`) and returns one kinds mask per run.
 */
export function runChunk(spec: SweepSpec, from: number, to: number): number[] {
  const out: number[] = [];
  let point = -1;
  let base: Scenario = spec.scenario;
  for (let r = from; r < to; r++) {
    const p = Math.floor(r / spec.seeds);
    // Edit the scenario once per point, not once per run.
    if (p !== point) {
      point = p;
      base = pointScenario(spec, p);
    }
    out.push(kindsMask({ ...base, seed: seedOf(spec, r % spec.seeds) }));
  }
  return out;
}

/** Tallies masks (index = run number, NOT_RUN where unfinished) into one row per point. */
export function pointsFromMasks(spec: SweepSpec, masks: ArrayLike<number>): SweepPoint[] {
  const points: SweepPoint[] = [];
  for (let p = 0; p < pointCount(spec); p++) {
    const counts = Object.fromEntries(ANOMALY_KINDS.map((k) => [k, 0])) as Record<
      AnomalyKind,
      number
    >;
    const confirmed = { ...counts };
    const witnesses: Partial<Record<AnomalyKind, number>> = {};
    const confirmedWitnesses: Partial<Record<AnomalyKind, number>> = {};
    let n = 0;
    for (let i = 0; i < spec.seeds; i++) {
      const mask = masks[p * spec.seeds + i];
      if (mask === undefined || mask === NOT_RUN) continue;
      n++;
      ANOMALY_KINDS.forEach((k, bit) => {
        if ((mask & (1 << bit)) === 0) return;
        counts[k]++;
        if (witnesses[k] === undefined) witnesses[k] = seedOf(spec, i);
        if ((mask & (1 << (CONFIRMED_SHIFT + bit))) === 0) return;
        confirmed[k]++;
        if (confirmedWitnesses[k] === undefined) confirmedWitnesses[k] = seedOf(spec, i);
      });
    }
    const intervalsOf = (c: Record<AnomalyKind, number>) =>
      Object.fromEntries(ANOMALY_KINDS.map((k) => [k, wilson(c[k], n)])) as Record<
        AnomalyKind,
        [number, number]
      >;
    const intervals = intervalsOf(counts);
    points.push({
      value: spec.values[Math.floor(p / spec.strategies.length)],
      strategy: spec.strategies[p % spec.strategies.length],
      n,
      counts,
      intervals,
      witnesses,
      confirmed,
      confirmedIntervals: intervalsOf(confirmed),
      confirmedWitnesses,
    });
  }
  return points;
}

/** A whole sweep on the calling thread (the CLI, tests, and the pool's fallback per chunk). */
export function sweepPoints(spec: SweepSpec): SweepPoint[] {
  return pointsFromMasks(spec, runChunk(spec, 0, runCount(spec)));
}

/** Splits the run list into chunks of about `size` runs, for a pool to hand out. */
export function chunkRanges(total: number, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let from = 0; from < total; from += size) out.push([from, Math.min(total, from + size)]);
  return out;
}
