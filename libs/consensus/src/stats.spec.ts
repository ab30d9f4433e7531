import { describe, expect, it } from '@jest/globals';
import { quantile, ratingStats } from './stats';

describe('rating statistics', () => {
  it('n = 0 has no median or IQR, an all-zero distribution and zero shares', () => {
    expect(ratingStats([])).toEqual({ n: 0, median: null, q1: null, q3: null, iqr: null, distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0], bands: { low: 0, middle: 0, high: 0 } });
  });

  it('quartiles by linear interpolation (type 7), on worked examples', () => {
    // R: quantile(c(1,2,3,4), type = 7) → 1.75, 2.5, 3.25
    expect([0.25, 0.5, 0.75].map((p) => quantile([1, 2, 3, 4], p))).toEqual([1.75, 2.5, 3.25]);
    // R: quantile(c(7,8,8,9,9,9,3), type = 7) → sorted 3,7,8,8,9,9,9: Q1 = 7.5, median 8, Q3 = 9
    const s = ratingStats([7, 8, 8, 9, 9, 9, 3]);
    expect([s.q1, s.median, s.q3, s.iqr]).toEqual([7.5, 8, 9, 1.5]);
    expect(ratingStats([5]).iqr).toBe(0);
  });

  it('counts the distribution and the shares per band', () => {
    const s = ratingStats([1, 2, 4, 7, 7, 9, 9, 9, 8, 5]);
    expect(s.distribution).toEqual([1, 1, 0, 1, 1, 0, 2, 1, 3]);
    expect(s.bands).toEqual({ low: 0.2, middle: 0.2, high: 0.6 });
  });

  it('refuses ratings outside 1–9 or not whole', () => {
    expect(() => ratingStats([0])).toThrow(RangeError);
    expect(() => ratingStats([10])).toThrow(RangeError);
    expect(() => ratingStats([7.5])).toThrow(RangeError);
  });
});
