import { describe, expect, it } from '@jest/globals';
import { aggregateCell, CellRating, evidenceGap, modelVerdict, Rating } from './matrix';

const r = (rating: Rating, hasEvidence = true): CellRating => ({ rating, hasEvidence });

describe('a cell of the assessment matrix', () => {
  it('counts each view and finds a strict majority', () => {
    const cell = aggregateCell([r('MET'), r('MET'), r('PARTLY')]);
    expect(cell).toEqual({ n: 3, counts: { MET: 2, PARTLY: 1, NOT_MET: 0, UNKNOWN: 0 }, majority: 'MET', disagreement: false });
  });

  it('has no majority at exactly half, and flags that as disagreement', () => {
    const cell = aggregateCell([r('MET'), r('MET'), r('PARTLY'), r('UNKNOWN')]);
    expect(cell.majority).toBeNull();
    expect(cell.disagreement).toBe(true);
  });

  it('flags met against not met even when a majority exists', () => {
    const cell = aggregateCell([r('MET'), r('MET'), r('MET'), r('NOT_MET')]);
    expect(cell.majority).toBe('MET');
    expect(cell.disagreement).toBe(true);
  });

  it('a single rating is its own majority, without disagreement; no ratings have neither', () => {
    expect(aggregateCell([r('NOT_MET')])).toMatchObject({ n: 1, majority: 'NOT_MET', disagreement: false });
    expect(aggregateCell([])).toMatchObject({ n: 0, majority: null, disagreement: false });
  });

  it('partly against met, with no majority, is disagreement; unanimous partly is not', () => {
    expect(aggregateCell([r('MET'), r('PARTLY')]).disagreement).toBe(true);
    expect(aggregateCell([r('PARTLY'), r('PARTLY')])).toMatchObject({ majority: 'PARTLY', disagreement: false });
  });
});

describe('evidence gaps', () => {
  it('an unrated cell is a gap', () => {
    expect(evidenceGap([])).toBe('NOT_RATED');
  });
  it('half or more unknown is a gap', () => {
    expect(evidenceGap([r('UNKNOWN'), r('MET')])).toBe('MOSTLY_UNKNOWN');
    expect(evidenceGap([r('UNKNOWN'), r('MET'), r('MET')])).toBeNull();
  });
  it('met or partly with no evidence cited by anyone is a gap; one cited rating closes it', () => {
    expect(evidenceGap([r('MET', false), r('PARTLY', false)])).toBe('NO_EVIDENCE');
    expect(evidenceGap([r('MET', false), r('PARTLY', true)])).toBeNull();
  });
  it('not met without evidence is a view, not a gap', () => {
    expect(evidenceGap([r('NOT_MET', false)])).toBeNull();
  });
});

describe('the verdict on a model (worked example: three raters, three agreed criteria)', () => {
  it('is a strong candidate when a majority say met for every criterion', () => {
    const v = modelVerdict([
      { criterionId: 'c1', ratings: [r('MET'), r('MET'), r('PARTLY')] },
      { criterionId: 'c2', ratings: [r('MET'), r('MET'), r('MET')] },
      { criterionId: 'c3', ratings: [r('MET'), r('NOT_MET'), r('MET')] },
    ]);
    expect(v).toEqual({ strongCandidate: true, metCount: 3, gaps: [] });
  });

  it('is not when one criterion lacks a met majority, and lists the gaps per criterion', () => {
    const v = modelVerdict([
      { criterionId: 'c1', ratings: [r('MET'), r('MET'), r('PARTLY')] },
      { criterionId: 'c2', ratings: [r('UNKNOWN'), r('UNKNOWN'), r('MET')] },
      { criterionId: 'c3', ratings: [] },
    ]);
    expect(v.strongCandidate).toBe(false);
    expect(v.metCount).toBe(1);
    expect(v.gaps).toEqual([
      { criterionId: 'c2', reason: 'MOSTLY_UNKNOWN' },
      { criterionId: 'c3', reason: 'NOT_RATED' },
    ]);
  });

  it('a matrix with no criteria has no strong candidates', () => {
    expect(modelVerdict([]).strongCandidate).toBe(false);
  });
});
