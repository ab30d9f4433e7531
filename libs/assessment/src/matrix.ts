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
  const counts: Record<Rating, number> = { MET: 0, PARTLY: 0, NOT_MET: 0, UNKNOWN: 0 };
  for (const r of ratings) counts[r.rating] += 1;
  const n = ratings.length;
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
  const cell = aggregateCell(ratings);
  if (cell.n === 0) return 'NOT_RATED';
  if (cell.counts.UNKNOWN * 2 >= cell.n) return 'MOSTLY_UNKNOWN';
  const positive = ratings.filter((r) => r.rating === 'MET' || r.rating === 'PARTLY');
  if (positive.length > 0 && !positive.some((r) => r.hasEvidence)) return 'NO_EVIDENCE';
  return null;
}

/** The verdict on one model, from its ratings per criterion (every criterion of the matrix listed). */
export function modelVerdict(cells: readonly { criterionId: string; ratings: readonly CellRating[] }[]): ModelVerdict {
  const aggregates = cells.map((c) => aggregateCell(c.ratings));
  const metCount = aggregates.filter((a) => a.majority === 'MET').length;
  const gaps: EvidenceGap[] = [];
  for (const c of cells) {
    const reason = evidenceGap(c.ratings);
    if (reason) gaps.push({ criterionId: c.criterionId, reason });
  }
  return { strongCandidate: cells.length > 0 && metCount === cells.length, metCount, gaps };
}
