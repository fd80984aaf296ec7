/**
 * Step series: a value that changes at known times, read at any time by a
 * binary search over the change times (`lastAtOrBefore`). Used by the indexes
 * over a run: trace-index, log-index and store-index.
 */
/** Index of the last element of `times` (sorted ascending) that is <= t, or -1. */
export function lastAtOrBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A value that changes at known times: `values[i]` holds from `times[i]` on. */
export interface StepSeries<V> {
  times: number[];
  values: V[];
}

export function emptySeries<V>(): StepSeries<V> {
  return { times: [], values: [] };
}

export function pushStep<V>(series: StepSeries<V>, t: number, value: V): void {
  series.times.push(t);
  series.values.push(value);
}

/** The value in force at `t`, or `fallback` before the first change. */
export function valueAt<V, F>(series: StepSeries<V>, t: number, fallback: F): V | F {
  const i = lastAtOrBefore(series.times, t);
  return i < 0 ? fallback : series.values[i];
}
