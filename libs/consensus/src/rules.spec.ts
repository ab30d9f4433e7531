import { describe, expect, it } from '@jest/globals';
import { approveVerdict, Ballot, COMET, consentVerdict, ConsentChoice, DEFAULT_APPROVE, DEFAULT_CONSENT, delphiVerdict, itemVerdict, stability, suppressSmallCell } from './rules';
import { ratingStats } from './stats';

const verdict = (ratings: number[]) => {
  const s = ratingStats(ratings);
  return delphiVerdict(s.bands, s.n, COMET);
};
const repeat = (value: number, times: number) => Array<number>(times).fill(value);

describe('the Delphi rule (COMET defaults)', () => {
  it('includes at exactly 70% rating 7–9 with under 15% rating 1–3', () => {
    expect(verdict([...repeat(8, 7), ...repeat(5, 3)])).toBe('INCLUDE'); // 70% high, 0% low
  });

  it('does not include just under 70%', () => {
    expect(verdict([...repeat(8, 69), ...repeat(5, 31)])).toBe('NO_CONSENSUS');
  });

  it('does not include when exactly 15% rate 1–3 (the dissent bound is strict)', () => {
    expect(verdict([...repeat(9, 70), ...repeat(2, 15), ...repeat(5, 15)])).toBe('NO_CONSENSUS');
    expect(verdict([...repeat(9, 71), ...repeat(2, 14), ...repeat(5, 15)])).toBe('INCLUDE');
  });

  it('excludes at 70% rating 1–3 with under 15% rating 7–9', () => {
    expect(verdict([...repeat(1, 7), ...repeat(5, 3)])).toBe('EXCLUDE');
    expect(verdict([...repeat(1, 7), ...repeat(5, 2), 7])).toBe('EXCLUDE'); // 10% rate 7–9: under 15%
    expect(verdict([...repeat(1, 14), ...repeat(5, 3), ...repeat(8, 3)])).toBe('NO_CONSENSUS'); // exactly 15% rate 7–9
    expect(verdict([...repeat(1, 6), ...repeat(5, 4)])).toBe('NO_CONSENSUS'); // 60% low
  });

  it('has no consensus with no ratings, or with all abstaining', () => {
    expect(verdict([])).toBe('NO_CONSENSUS');
  });

  it('takes configurable thresholds', () => {
    const s = ratingStats([...repeat(8, 6), ...repeat(5, 4)]);
    expect(delphiVerdict(s.bands, s.n, { ...COMET, agree: 0.6 })).toBe('INCLUDE');
    expect(delphiVerdict(s.bands, s.n, COMET)).toBe('NO_CONSENSUS');
  });
});

describe('the cross-sector rule', () => {
  const b = (value: number, sector: string): Ballot<number> => ({ value, sector });
  const rule = { ...COMET, crossSector: true };

  it('holds only when HE and NHS each reach the verdict', () => {
    const ballots = [...repeat(8, 8).map((v) => b(v, 'HE')), ...repeat(8, 4).map((v) => b(v, 'NHS')), b(5, 'NHS'), b(5, 'NHS')];
    expect(itemVerdict(COMET, ballots)).toBe('INCLUDE'); // 12 of 14 = 86% overall
    expect(itemVerdict(rule, ballots)).toBe('NO_CONSENSUS'); // NHS: 4 of 6 = 67%
    expect(itemVerdict(rule, [...ballots, b(9, 'NHS'), b(9, 'NHS')])).toBe('INCLUDE'); // NHS 6 of 8 = 75%
  });

  it('a sector with no voters cannot reach consensus', () => {
    expect(itemVerdict(rule, repeat(9, 10).map((v) => b(v, 'HE')))).toBe('NO_CONSENSUS');
  });
});

describe('the consent rule', () => {
  const choices = (agree: number, abstain: number, disagree: number, block = 0): ConsentChoice[] => [
    ...Array<ConsentChoice>(agree).fill('AGREE'),
    ...Array<ConsentChoice>(abstain).fill('ABSTAIN'),
    ...Array<ConsentChoice>(disagree).fill('DISAGREE'),
    ...Array<ConsentChoice>(block).fill('BLOCK'),
  ];

  it('passes with agree at exactly two thirds of ballots cast, no block and a quorum', () => {
    expect(consentVerdict(choices(6, 2, 1), 10, DEFAULT_CONSENT)).toBe('PASSED'); // 6/9 = ⅔
    expect(consentVerdict(choices(5, 2, 1), 10, DEFAULT_CONSENT)).toBe('FAILED'); // 5/8 < ⅔
  });

  it('fails with any block', () => {
    expect(consentVerdict(choices(9, 0, 0, 1), 10, DEFAULT_CONSENT)).toBe('FAILED');
  });

  it('fails without a quorum of eligible voters, and when all abstain or none vote', () => {
    expect(consentVerdict(choices(4, 0, 0), 10, DEFAULT_CONSENT)).toBe('FAILED'); // 4/10 < 50%
    expect(consentVerdict(choices(5, 0, 0), 10, DEFAULT_CONSENT)).toBe('PASSED'); // 5/10 = 50%
    expect(consentVerdict(choices(0, 6, 0), 10, DEFAULT_CONSENT)).toBe('FAILED');
    expect(consentVerdict([], 10, DEFAULT_CONSENT)).toBe('FAILED');
  });
});

describe('approval', () => {
  it('passes at the threshold, inclusive', () => {
    expect(approveVerdict(['APPROVE', 'REJECT'], DEFAULT_APPROVE)).toBe('PASSED');
    expect(approveVerdict(['APPROVE', 'REJECT', 'REJECT'], DEFAULT_APPROVE)).toBe('FAILED');
    expect(approveVerdict([], DEFAULT_APPROVE)).toBe('FAILED');
  });
});

describe('stability and suppression', () => {
  it('reports the change in the share rating 7–9 between rounds', () => {
    const before = ratingStats([8, 8, 5, 5]).bands;
    const after = ratingStats([8, 8, 8, 5]).bands;
    expect(stability(before, after)).toEqual({ change: 25, stable: false });
    expect(stability(after, after)).toEqual({ change: 0, stable: true });
    expect(stability(null, after)).toEqual({ change: null, stable: null });
  });

  it('suppresses a cell of one or two voters and keeps cells of three or more', () => {
    expect(suppressSmallCell({ sector: 'NHS', n: 2, median: 8 }, 'sector')).toEqual({ sector: 'NHS', suppressed: true });
    expect(suppressSmallCell({ sector: 'HE', n: 3, median: 8 }, 'sector')).toEqual({ sector: 'HE', n: 3, median: 8 });
    expect(suppressSmallCell({ sector: 'OTHER', n: 0, median: null }, 'sector')).toEqual({ sector: 'OTHER', n: 0, median: null });
  });
});
