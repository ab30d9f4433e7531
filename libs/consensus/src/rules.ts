// Verdict rules of consensus rounds. Pure functions over ballots; no framework, no database.
import { Bands, ratingStats } from './stats';

export type Verdict = 'INCLUDE' | 'EXCLUDE' | 'NO_CONSENSUS' | 'PASSED' | 'FAILED';
export type ConsentChoice = 'AGREE' | 'ABSTAIN' | 'DISAGREE' | 'BLOCK';
export type ApproveChoice = 'APPROVE' | 'REJECT';

/**
 * The Delphi 1–9 rule. Default COMET: include if ≥ 70% rate 7–9 and < 15% rate 1–3; exclude if
 * ≥ 70% rate 1–3 and < 15% rate 7–9; otherwise no consensus. Thresholds are inclusive (≥) for the
 * agreeing share and exclusive (<) for the dissenting share, exactly as worded.
 */
export interface DelphiRule {
  kind: 'DELPHI';
  agree: number;
  disagree: number;
  /** The rule must also hold within HE and within NHS separately. */
  crossSector: boolean;
}

/** Consent: passes with no block, agree ≥ ⅔ of ballots cast (abstentions are cast), and a quorum of eligible voters. */
export interface ConsentRule {
  kind: 'CONSENT';
  agree: number;
  quorum: number;
  crossSector: boolean;
}

/** Approval: passes when approvals are at least `threshold` of ballots cast. */
export interface ApproveRule {
  kind: 'APPROVE';
  threshold: number;
  crossSector: boolean;
}

export type Rule = DelphiRule | ConsentRule | ApproveRule;

export const COMET: DelphiRule = { kind: 'DELPHI', agree: 0.7, disagree: 0.15, crossSector: false };
export const DEFAULT_CONSENT: ConsentRule = { kind: 'CONSENT', agree: 2 / 3, quorum: 0.5, crossSector: false };
export const DEFAULT_APPROVE: ApproveRule = { kind: 'APPROVE', threshold: 0.5, crossSector: false };

/** The sectors the cross-sector rule checks separately. */
export const CROSS_SECTORS = ['HE', 'NHS'] as const;

export interface Ballot<C> {
  value: C;
  sector: string;
}

export function delphiVerdict(bands: Bands, n: number, rule: DelphiRule): Verdict {
  if (n === 0) return 'NO_CONSENSUS';
  if (bands.high >= rule.agree && bands.low < rule.disagree) return 'INCLUDE';
  if (bands.low >= rule.agree && bands.high < rule.disagree) return 'EXCLUDE';
  return 'NO_CONSENSUS';
}

export function consentVerdict(choices: readonly ConsentChoice[], eligible: number, rule: ConsentRule): Verdict {
  const cast = choices.length;
  if (cast === 0 || eligible <= 0) return 'FAILED';
  if (choices.includes('BLOCK')) return 'FAILED';
  if (cast / eligible < rule.quorum) return 'FAILED';
  return choices.filter((c) => c === 'AGREE').length / cast >= rule.agree ? 'PASSED' : 'FAILED';
}

export function approveVerdict(choices: readonly ApproveChoice[], rule: ApproveRule): Verdict {
  if (choices.length === 0) return 'FAILED';
  return choices.filter((c) => c === 'APPROVE').length / choices.length >= rule.threshold ? 'PASSED' : 'FAILED';
}

/**
 * The verdict of one item. With the cross-sector rule, the verdict reached by everyone must also be
 * reached within each of HE and NHS; a sector with no voters cannot reach it, so the item then has
 * no consensus (Delphi) or fails (consent, approve).
 */
export function itemVerdict(rule: DelphiRule, ballots: readonly Ballot<number>[]): Verdict;
export function itemVerdict(rule: ConsentRule, ballots: readonly Ballot<ConsentChoice>[], eligible: number, eligibleBySector?: Record<string, number>): Verdict;
export function itemVerdict(rule: ApproveRule, ballots: readonly Ballot<ApproveChoice>[]): Verdict;
export function itemVerdict(rule: Rule, ballots: readonly Ballot<number | ConsentChoice | ApproveChoice>[], eligible = 0, eligibleBySector: Record<string, number> = {}): Verdict {
  const verdictOf = (subset: readonly Ballot<unknown>[], eligibleHere: number): Verdict => {
    switch (rule.kind) {
      case 'DELPHI': {
        const s = ratingStats(subset.map((b) => b.value as number));
        return delphiVerdict(s.bands, s.n, rule);
      }
      case 'CONSENT':
        return consentVerdict(subset.map((b) => b.value as ConsentChoice), eligibleHere, rule);
      case 'APPROVE':
        return approveVerdict(subset.map((b) => b.value as ApproveChoice), rule);
    }
  };
  const overall = verdictOf(ballots, eligible);
  if (!rule.crossSector || overall === 'NO_CONSENSUS' || overall === 'FAILED') return overall;
  for (const sector of CROSS_SECTORS) {
    const within = verdictOf(ballots.filter((b) => b.sector === sector), eligibleBySector[sector] ?? 0);
    if (within !== overall) return rule.kind === 'DELPHI' ? 'NO_CONSENSUS' : 'FAILED';
  }
  return overall;
}

/** Change in the share rating 7–9 between two rounds, in percentage points, and whether it is stable. */
export function stability(previous: Bands | null, current: Bands, threshold = 0.15): { change: number | null; stable: boolean | null } {
  if (!previous) return { change: null, stable: null };
  const change = Math.round((current.high - previous.high) * 1000) / 10;
  return { change, stable: Math.abs(current.high - previous.high) < threshold };
}

/**
 * Suppresses a breakdown cell with fewer than `minimum` voters (anonymous rounds): the cell keeps
 * only its key and says it is suppressed, so no cell identifies a voter or their score.
 */
export function suppressSmallCell<T extends { n: number }, K extends keyof T>(cell: T, keep: K, minimum = 3): T | ({ suppressed: true } & Pick<T, K>) {
  return cell.n > 0 && cell.n < minimum ? ({ suppressed: true, [keep]: cell[keep] } as { suppressed: true } & Pick<T, K>) : cell;
}
