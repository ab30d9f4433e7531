// The assessment matrix's aggregate rules: models × agreed criteria, each member rating each cell
// met / partly / not met / unknown. Pure: the API computes the matrix with these, the tests pin them.

export type Rating = 'MET' | 'PARTLY' | 'NOT_MET' | 'UNKNOWN';
export const RATINGS: readonly Rating[] = ['MET', 'PARTLY', 'NOT_MET', 'UNKNOWN'];

export interface CellRating {
  rating: Rating;
  /** The rater gave an evidence note or linked a finding or case-study field. */
  hasEvidence: boolean;
}

export interface CellAggregate {
  n: number;
  counts: Record<Rating, number>;
  /** The view held by more than half of the raters; null when no view has a majority (or no ratings). */
  majority: Rating | null;
  /**
   * Raters disagree: with two or more ratings, someone says met while someone says not met, or no
   * view holds a majority.
   */
  disagreement: boolean;
}

export function aggregateCell(ratings: readonly CellRating[]): CellAggregate {
  return aggregateTally(tallyCell(ratings));
}

/**
 * What the rules read of a cell's ratings: how many hold each view, and how many of the met or partly
 * ratings cite evidence. The API counts these in SQL for a whole matrix, so every rule below works on a
 * tally and the per-rating functions are its shorthands.
 */
export interface CellTally {
  counts: Record<Rating, number>;
  /** Ratings of met or partly that cite evidence. */
  evidencedPositive: number;
}

export function tallyCell(ratings: readonly CellRating[]): CellTally {
  const counts: Record<Rating, number> = { MET: 0, PARTLY: 0, NOT_MET: 0, UNKNOWN: 0 };
  let evidencedPositive = 0;
  for (const r of ratings) {
    counts[r.rating] += 1;
    if ((r.rating === 'MET' || r.rating === 'PARTLY') && r.hasEvidence) evidencedPositive += 1;
  }
  return { counts, evidencedPositive };
}

export function aggregateTally(tally: CellTally): CellAggregate {
  const counts = { ...tally.counts };
  const n = RATINGS.reduce((sum, r) => sum + counts[r], 0);
  const majority = RATINGS.find((r) => counts[r] * 2 > n) ?? null;
  const disagreement = n >= 2 && ((counts.MET > 0 && counts.NOT_MET > 0) || majority === null);
  return { n, counts, majority, disagreement };
}

export type GapReason =
  /** Nobody has rated this criterion for the model. */
  | 'NOT_RATED'
  /** At least half of the raters say they do not know. */
  | 'MOSTLY_UNKNOWN'
  /** Raters say met or partly met, but none of them cites evidence. */
  | 'NO_EVIDENCE';

export interface EvidenceGap {
  criterionId: string;
  reason: GapReason;
}

export interface ModelVerdict {
  /** A majority say met for every criterion in the matrix (and there is at least one). */
  strongCandidate: boolean;
  /** How many criteria a majority say are met. */
  metCount: number;
  gaps: EvidenceGap[];
}

export function evidenceGap(ratings: readonly CellRating[]): GapReason | null {
  return tallyGap(tallyCell(ratings));
}

export function tallyGap(tally: CellTally): GapReason | null {
  const cell = aggregateTally(tally);
  if (cell.n === 0) return 'NOT_RATED';
  if (cell.counts.UNKNOWN * 2 >= cell.n) return 'MOSTLY_UNKNOWN';
  if (cell.counts.MET + cell.counts.PARTLY > 0 && tally.evidencedPositive === 0) return 'NO_EVIDENCE';
  return null;
}

/** The verdict on one model, from its ratings per criterion (every criterion of the matrix listed). */
export function modelVerdict(cells: readonly { criterionId: string; ratings: readonly CellRating[] }[]): ModelVerdict {
  return tallyVerdict(cells.map((c) => ({ criterionId: c.criterionId, tally: tallyCell(c.ratings) })));
}

/** modelVerdict from each criterion's tally. */
export function tallyVerdict(cells: readonly { criterionId: string; tally: CellTally }[]): ModelVerdict {
  let metCount = 0;
  const gaps: EvidenceGap[] = [];
  for (const c of cells) {
    if (aggregateTally(c.tally).majority === 'MET') metCount += 1;
    const reason = tallyGap(c.tally);
    if (reason) gaps.push({ criterionId: c.criterionId, reason });
  }
  return { strongCandidate: cells.length > 0 && metCount === cells.length, metCount, gaps };
}
