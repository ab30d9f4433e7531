// Descriptive statistics of 1–9 ratings. Quartiles use linear interpolation between order
// statistics (Hyndman & Fan type 7, R's and NumPy's default): for sorted x₁…xₙ and p in [0, 1],
// h = (n − 1)p + 1, Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).

export const LIKERT_MIN = 1;
export const LIKERT_MAX = 9;

export interface Bands {
  /** Shares in [0, 1] of ratings 1–3, 4–6 and 7–9; all 0 when n = 0. */
  low: number;
  middle: number;
  high: number;
}

export interface RatingStats {
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  /** Counts of each rating 1…9 (index 0 is rating 1). */
  distribution: number[];
  bands: Bands;
}

export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  if (p < 0 || p > 1) throw new RangeError('p must be within [0, 1]');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function ratingStats(ratings: readonly number[]): RatingStats {
  for (const r of ratings) {
    if (!Number.isInteger(r) || r < LIKERT_MIN || r > LIKERT_MAX) throw new RangeError(`rating ${r} is outside ${LIKERT_MIN}–${LIKERT_MAX}`);
  }
  const sorted = [...ratings].sort((a, b) => a - b);
  const n = sorted.length;
  const distribution = Array.from({ length: LIKERT_MAX }, (_, i) => sorted.filter((r) => r === i + 1).length);
  const share = (from: number, to: number) => (n === 0 ? 0 : sorted.filter((r) => r >= from && r <= to).length / n);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return {
    n,
    median: quantile(sorted, 0.5),
    q1,
    q3,
    iqr: q1 === null || q3 === null ? null : q3 - q1,
    distribution,
    bands: { low: share(1, 3), middle: share(4, 6), high: share(7, 9) },
  };
}
