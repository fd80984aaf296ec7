/** Binary searches over time-sorted typed arrays: all a frame does to find its window. */

/** First index i with a[i] >= v (a sorted ascending, length n). */
export function lowerBound(a: ArrayLike<number>, v: number, n = a.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with a[i] > v. */
export function upperBound(a: ArrayLike<number>, v: number, n = a.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
