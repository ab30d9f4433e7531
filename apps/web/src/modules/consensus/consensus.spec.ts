import { describe, expect, it } from '@jest/globals';
import { Role, Sector } from '@concord/shared';
import {
  csvFileName,
  describeChange,
  describeEligibility,
  describeRule,
  draftFromBallot,
  explainVerdict,
  isEligible,
  itemOfField,
  localInputToIso,
  percent,
  sameItem,
  scoresToCast,
  summariseDistribution,
} from './consensus';

const COMET = { kind: 'DELPHI', agree: 0.7, disagree: 0.15, crossSector: false };

describe('the rule in words', () => {
  it('reads the COMET rule with its thresholds', () => {
    expect(describeRule(COMET)).toBe(
      'Include when at least 70% rate it 7–9 and fewer than 15% rate it 1–3; exclude when at least 70% rate it 1–3 and fewer than 15% rate it 7–9; otherwise no consensus.',
    );
  });

  it('says so when the rule must hold within HE and within NHS', () => {
    expect(describeRule({ ...COMET, agree: 0.75, crossSector: true })).toMatch(/^Include when at least 75% .* The same must hold within higher education and within the NHS separately\.$/);
  });

  it('reads consent and approval rules', () => {
    expect(describeRule({ kind: 'CONSENT', agree: 2 / 3, quorum: 0.5, crossSector: false })).toBe(
      'Passes when nobody blocks, at least 67% of ballots cast agree, and at least 50% of eligible voters take part.',
    );
    expect(describeRule({ kind: 'APPROVE', threshold: 0.6, crossSector: false })).toBe('Passes when at least 60% of ballots cast approve.');
  });
});

describe('why an item got its verdict', () => {
  const result = (verdict: 'INCLUDE' | 'EXCLUDE' | 'NO_CONSENSUS', high: number, low: number) => ({ n: 10, verdict, highShare: high, lowShare: low, distribution: [] });

  it('gives the shares the rule compared', () => {
    expect(explainVerdict(result('INCLUDE', 0.7, 0.1), COMET)).toBe('Include: 70% rated it 7–9 (at least 70% needed) and 10% rated it 1–3 (fewer than 15% allowed).');
    expect(explainVerdict(result('EXCLUDE', 0, 0.9), COMET)).toBe('Exclude: 90% rated it 1–3 (at least 70% needed) and 0% rated it 7–9 (fewer than 15% allowed).');
    expect(explainVerdict(result('NO_CONSENSUS', 0.5, 0.5), COMET)).toMatch(/^No consensus: 50% rated it 7–9 and 50% rated it 1–3; including needs at least 70%/);
  });

  it('blames the sectors when the shares overall were enough but the cross-sector rule was not met', () => {
    expect(explainVerdict(result('NO_CONSENSUS', 0.8, 0), { ...COMET, crossSector: true })).toMatch(/not met within both higher education and the NHS\.$/);
  });

  it('handles nobody voting', () => {
    expect(explainVerdict({ n: 0, verdict: 'NO_CONSENSUS', highShare: 0, lowShare: 0, distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0] }, COMET)).toBe('No consensus: nobody rated this item.');
  });

  it('explains consent: a block fails it whatever the agreement', () => {
    const rule = { kind: 'CONSENT', agree: 2 / 3, quorum: 0.5, crossSector: false };
    expect(explainVerdict({ n: 4, verdict: 'FAILED', highShare: 0, lowShare: 0, distribution: [3, 0, 0, 1] }, rule)).toBe('Not passed: 1 ballot blocks it.');
    expect(explainVerdict({ n: 3, verdict: 'PASSED', highShare: 0, lowShare: 0, distribution: [2, 1, 0, 0] }, rule)).toBe('Passed: 67% of 3 ballots agree, nobody blocks, and the quorum was met.');
  });
});

describe('numbers', () => {
  it('summarises last round’s counts as the server does (median by linear interpolation)', () => {
    expect(summariseDistribution([0, 2, 2, 0, 2, 2, 0, 2, 2])).toEqual({ n: 12, median: 5.5, low: 4 / 12, middle: 4 / 12, high: 4 / 12 });
    expect(summariseDistribution([0, 0, 0, 0, 0, 0, 1, 0, 0])).toMatchObject({ n: 1, median: 7, high: 1 });
    expect(summariseDistribution(Array(9).fill(0))).toEqual({ n: 0, median: null, low: 0, middle: 0, high: 0 });
  });

  it('formats shares and changes', () => {
    expect(percent(2 / 3)).toBe('67%');
    expect(percent(null)).toBe('–');
    expect(describeChange(12.5)).toBe('+12.5 points');
    expect(describeChange(-1)).toBe('−1 point');
    expect(describeChange(0)).toBe('no change');
    expect(describeChange(null)).toBeNull();
  });
});

describe('who may vote', () => {
  it('reads the defaults and narrowed panels', () => {
    expect(describeEligibility([], [])).toBe('Leads, editors and members in every sector');
    expect(describeEligibility(['MEMBER'], ['HE', 'NHS'])).toBe('Members in higher education and NHS');
  });

  it('follows the server: never observers or reviewers, roles and sectors as listed', () => {
    const round = { eligibleRoles: [], eligibleSectors: ['HE'] };
    expect(isEligible(round, { role: Role.MEMBER, sector: Sector.HE })).toBe(true);
    expect(isEligible(round, { role: Role.MEMBER, sector: Sector.NHS })).toBe(false);
    expect(isEligible(round, { role: Role.OBSERVER, sector: Sector.HE })).toBe(false);
    expect(isEligible({ eligibleRoles: ['MEMBER'], eligibleSectors: [] }, { role: Role.LEAD, sector: Sector.HE })).toBe(false);
  });
});

describe('the ballot form', () => {
  const items = [
    { id: 'a', position: 1, recused: false },
    { id: 'b', position: 2, recused: false },
    { id: 'c', position: 3, recused: true },
  ];

  it('starts from the saved ballot and compares drafts ignoring surrounding spaces', () => {
    const draft = draftFromBallot(['a', 'b'], [{ itemId: 'a', rating: 8, rationale: 'Evidence matters.' }]);
    expect(draft).toEqual({ a: { rating: 8, choice: null, rationale: 'Evidence matters.' }, b: { rating: null, choice: null, rationale: '' } });
    expect(sameItem(draft.a, { rating: 8, choice: null, rationale: ' Evidence matters. ' })).toBe(true);
    expect(sameItem(draft.a, { rating: 7, choice: null, rationale: 'Evidence matters.' })).toBe(false);
  });

  it('sends scored items only, never recused ones, with trimmed reasons', () => {
    const { scores, errors } = scoresToCast('LIKERT_9', items, {
      a: { rating: 8, choice: null, rationale: '  Clear benefit. ' },
      b: { rating: null, choice: null, rationale: '' },
      c: { rating: 9, choice: null, rationale: '' },
    });
    expect(errors).toEqual({});
    expect(scores).toEqual([{ itemId: 'a', rating: 8, rationale: 'Clear benefit.' }]);
  });

  it('refuses reasons without a score, naming the item, rather than half-saving', () => {
    const { errors } = scoresToCast('LIKERT_9', items, { a: { rating: 3, choice: null, rationale: '' }, b: { rating: null, choice: null, rationale: 'Unsure' } });
    expect(errors).toEqual({ b: 'Choose a score from 1 to 9 to save your reasons, or clear them.' });
  });

  it('sends choices on consent rounds', () => {
    const { scores } = scoresToCast('CONSENT', items.slice(0, 1), { a: { rating: null, choice: 'ABSTAIN', rationale: '' } });
    expect(scores).toEqual([{ itemId: 'a', choice: 'ABSTAIN', rationale: null }]);
  });

  it('maps the server’s field back to the item sent at that index', () => {
    const sent = [{ itemId: 'a', rating: 8 }, { itemId: 'b', rating: 10 }];
    expect(itemOfField('scores.1.rating', sent)).toBe('b');
    expect(itemOfField('scores', sent)).toBeUndefined();
    expect(itemOfField(undefined, sent)).toBeUndefined();
  });
});

describe('small helpers', () => {
  it('names the CSV after the round', () => {
    expect(csvFileName('Criteria for models of good practice — round 2')).toBe('criteria-for-models-of-good-practice-round-2-results.csv');
    expect(csvFileName('!!!')).toBe('round-results.csv');
  });

  it('reads datetime-local values', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('not a date')).toBeUndefined();
    expect(localInputToIso('2027-02-02T17:00')).toBe(new Date('2027-02-02T17:00').toISOString());
  });
});
