/**
 * The Wilson score interval for a binomial share. A workshop sweep shows
 * shares like 0/100 or 3/100, where the textbook normal interval collapses
 * to zero width or leaves [0, 1]; Wilson's stays inside [0, 1] and keeps an
 * honest width at the extremes.
 */

/** Two-sided 95%: the 0.975 quantile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

/** [lower, upper] bounds of the share k/n; [0, 1] when there are no runs at all. */
export function wilson(k: number, n: number, z: number = Z_95): [number, number] {
  if (n <= 0) return [0, 1];
  if (k < 0 || k > n) throw new RangeError(`wilson: k=${k} is outside 0..${n}`);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp away rounding just outside [0, 1] (k = 0 or k = n give exact 0 or 1 in theory).
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
