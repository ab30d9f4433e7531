import { describe, expect, it } from '@jest/globals';
import { aggregateCell, aggregateTally, CellRating, evidenceGap, modelVerdict, Rating, tallyCell, tallyGap, tallyVerdict } from './matrix';

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

describe('tallies (what the API counts in SQL)', () => {
  const all: Rating[] = ['MET', 'PARTLY', 'NOT_MET', 'UNKNOWN'];
  // Every multiset of up to four ratings, with and without evidence: the tally rules agree with the per-rating ones.
  const cases: CellRating[][] = [[]];
  for (let size = 1; size <= 4; size++) {
    const grow = (prefix: CellRating[]): void => {
      if (prefix.length === size) return void cases.push(prefix);
      for (const rating of all) for (const hasEvidence of [true, false]) grow([...prefix, r(rating, hasEvidence)]);
    };
    grow([]);
  }

  it('give the same aggregate, gap and verdict as the ratings themselves', () => {
    for (const ratings of cases) {
      const tally = tallyCell(ratings);
      expect(aggregateTally(tally)).toEqual(aggregateCell(ratings));
      expect(tallyGap(tally)).toBe(evidenceGap(ratings));
    }
    const cells = cases.slice(0, 40).map((ratings, i) => ({ criterionId: `c${i}`, ratings }));
    expect(tallyVerdict(cells.map((c) => ({ criterionId: c.criterionId, tally: tallyCell(c.ratings) })))).toEqual(modelVerdict(cells));
  });

  it('count only evidenced met or partly ratings as evidence', () => {
    expect(tallyCell([r('MET', true), r('NOT_MET', true), r('PARTLY', false), r('UNKNOWN', true)])).toEqual({ counts: { MET: 1, PARTLY: 1, NOT_MET: 1, UNKNOWN: 1 }, evidencedPositive: 1 });
  });
});
