// Consensus rounds in words and numbers: addresses, who may do what (the server decides; this hides what it
// would refuse), the scales' options, the verdict rule in plain English, and the ballot form's bookkeeping.
import { Role, ROLE_LABELS, Sector, SECTOR_LABELS, SECTORS } from '@concord/shared';
import type { ConsentChoice, RoundStatus, Scale, ScoreInput, Verdict } from '../../generated/graphql';
import { sectionHref } from '../workspaces/sections';

export function votesHref(workspaceId: string): string {
  return sectionHref(workspaceId, 'votes');
}

export function newRoundHref(workspaceId: string): string {
  return `${votesHref(workspaceId)}/new`;
}

export function roundHref(workspaceId: string, roundId: string): string {
  return `${votesHref(workspaceId)}/${encodeURIComponent(roundId)}`;
}

export function ballotHref(workspaceId: string, roundId: string): string {
  return `${roundHref(workspaceId, roundId)}/ballot`;
}

export function resultsHref(workspaceId: string, roundId: string): string {
  return `${roundHref(workspaceId, roundId)}/results`;
}

/** Create, open, close and export rounds; accept proposed criteria. */
export function runsRounds(role: Role): boolean {
  return role === Role.LEAD || role === Role.EDITOR;
}

/** Roles that may hold a ballot at all (a round may narrow it further). */
export function mayVote(role: Role): boolean {
  return role === Role.LEAD || role === Role.EDITOR || role === Role.MEMBER;
}

/** Who has voted (never how): leads only. */
export function seesParticipation(role: Role): boolean {
  return role === Role.LEAD;
}

/** Propose criteria and declare interests. */
export function proposesCriteria(role: Role): boolean {
  return mayVote(role);
}

export const STATUS_LABELS: Record<RoundStatus, string> = { DRAFT: 'Draft', OPEN: 'Open', CLOSED: 'Closed' };

export const SCALE_LABELS: Record<Scale, string> = {
  LIKERT_9: 'Rating from 1 to 9 (Delphi)',
  CONSENT: 'Consent: agree, abstain, disagree or block',
  APPROVE: 'Approve or reject',
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  INCLUDE: 'Include',
  EXCLUDE: 'Exclude',
  NO_CONSENSUS: 'No consensus',
  PASSED: 'Passed',
  FAILED: 'Not passed',
};

/** Mantine colour of a verdict's badge; the badge always carries the verdict in words too. */
export function verdictColour(verdict: Verdict): string {
  if (verdict === 'INCLUDE' || verdict === 'PASSED') return 'success';
  if (verdict === 'EXCLUDE' || verdict === 'FAILED') return 'danger';
  return 'warning';
}

export const CHOICE_LABELS: Record<ConsentChoice, string> = {
  AGREE: 'Agree',
  ABSTAIN: 'Abstain',
  DISAGREE: 'Disagree',
  BLOCK: 'Block',
  APPROVE: 'Approve',
  REJECT: 'Reject',
};

/** The choices of a consent or approval round, in the order of the result's distribution. */
export function choicesOf(scale: Scale): ConsentChoice[] {
  if (scale === 'CONSENT') return ['AGREE', 'ABSTAIN', 'DISAGREE', 'BLOCK'];
  if (scale === 'APPROVE') return ['APPROVE', 'REJECT'];
  return [];
}

/** The 1–9 scale's three bands, as the COMET rule reads them. */
export const BANDS = [
  { from: 1, to: 3, label: '1–3', meaning: 'not important', short: 'not important' },
  { from: 4, to: 6, label: '4–6', meaning: 'important but not critical', short: 'important' },
  { from: 7, to: 9, label: '7–9', meaning: 'critical', short: 'critical' },
] as const;

export const RATINGS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export type Band = 'low' | 'middle' | 'high';

export function bandOf(rating: number): Band {
  return rating <= 3 ? 'low' : rating <= 6 ? 'middle' : 'high';
}

/** Labels of a distribution's bars: 1…9, or the scale's choices. */
export function distributionLabels(scale: Scale): string[] {
  return scale === 'LIKERT_9' ? RATINGS.map(String) : choicesOf(scale).map((c) => CHOICE_LABELS[c]);
}

export interface RuleLike {
  kind: string;
  agree?: number | null;
  disagree?: number | null;
  quorum?: number | null;
  threshold?: number | null;
  crossSector: boolean;
}

/** 0.7 → "70%", 2/3 → "67%". */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return `${Math.round(share * 100)}%`;
}

/** The round's rule in one sentence, as fixed when it opened. */
export function describeRule(rule: RuleLike): string {
  const cross = rule.crossSector ? ' The same must hold within higher education and within the NHS separately.' : '';
  if (rule.kind === 'CONSENT') {
    return `Passes when nobody blocks, at least ${percent(rule.agree ?? 2 / 3)} of ballots cast agree, and at least ${percent(rule.quorum ?? 0.5)} of eligible voters take part.${cross}`;
  }
  if (rule.kind === 'APPROVE') return `Passes when at least ${percent(rule.threshold ?? 0.5)} of ballots cast approve.${cross}`;
  const agree = percent(rule.agree ?? 0.7);
  const disagree = percent(rule.disagree ?? 0.15);
  return `Include when at least ${agree} rate it 7–9 and fewer than ${disagree} rate it 1–3; exclude when at least ${agree} rate it 1–3 and fewer than ${disagree} rate it 7–9; otherwise no consensus.${cross}`;
}

export interface ResultLike {
  n: number;
  verdict: Verdict;
  highShare: number;
  lowShare: number;
  distribution: readonly number[];
}

/** Why an item got its verdict, in words, with the numbers the rule compared. */
export function explainVerdict(result: ResultLike, rule: RuleLike): string {
  const cross = rule.crossSector ? '; the rule also held within higher education and within the NHS' : '';
  if (result.n === 0) return rule.kind === 'DELPHI' ? 'No consensus: nobody rated this item.' : 'Not passed: no ballots were cast.';
  if (rule.kind === 'DELPHI') {
    const agree = percent(rule.agree ?? 0.7);
    const disagree = percent(rule.disagree ?? 0.15);
    const high = percent(result.highShare);
    const low = percent(result.lowShare);
    if (result.verdict === 'INCLUDE') return `Include: ${high} rated it 7–9 (at least ${agree} needed) and ${low} rated it 1–3 (fewer than ${disagree} allowed)${cross}.`;
    if (result.verdict === 'EXCLUDE') return `Exclude: ${low} rated it 1–3 (at least ${agree} needed) and ${high} rated it 7–9 (fewer than ${disagree} allowed)${cross}.`;
    const crossNote = rule.crossSector && (result.highShare >= (rule.agree ?? 0.7) || result.lowShare >= (rule.agree ?? 0.7)) ? ' The rule was not met within both higher education and the NHS.' : '';
    return `No consensus: ${high} rated it 7–9 and ${low} rated it 1–3; including needs at least ${agree} rating 7–9 with fewer than ${disagree} rating 1–3, and excluding the reverse.${crossNote}`;
  }
  const total = result.distribution.reduce((a, b) => a + b, 0) || result.n;
  const passed = result.verdict === 'PASSED';
  if (rule.kind === 'CONSENT') {
    const [agreeN = 0, , , block = 0] = result.distribution;
    const share = percent(total === 0 ? 0 : agreeN / total);
    if (passed) return `Passed: ${share} of ${total} ballots agree, nobody blocks, and the quorum was met${cross}.`;
    if (block > 0) return `Not passed: ${block} ${block === 1 ? 'ballot blocks' : 'ballots block'} it.`;
    return `Not passed: ${share} of ${total} ballots agree (at least ${percent(rule.agree ?? 2 / 3)} needed, with a quorum of ${percent(rule.quorum ?? 0.5)} of eligible voters).`;
  }
  const [approve = 0] = result.distribution;
  const share = percent(total === 0 ? 0 : approve / total);
  return `${passed ? 'Passed' : 'Not passed'}: ${share} of ${total} ballots approve (at least ${percent(rule.threshold ?? 0.5)} needed)${passed ? cross : ''}.`;
}

/** "+12 points", "−5 points", "no change". */
export function describeChange(points: number | null | undefined): string | null {
  if (points === null || points === undefined) return null;
  if (Math.abs(points) < 0.05) return 'no change';
  const rounded = Math.round(points * 10) / 10;
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} ${Math.abs(rounded) === 1 ? 'point' : 'points'}`;
}

/** Shares and median of a 1–9 distribution (counts of 1…9): for last round's feedback, which sends counts only. */
export function summariseDistribution(distribution: readonly number[]): { n: number; median: number | null; low: number; middle: number; high: number } {
  const n = distribution.reduce((a, b) => a + b, 0);
  if (n === 0) return { n: 0, median: null, low: 0, middle: 0, high: 0 };
  const sorted = distribution.flatMap((count, i) => Array<number>(count).fill(i + 1));
  // Linear interpolation (R type 7), as the server's median.
  const h = (n - 1) * 0.5;
  const lo = Math.floor(h);
  const median = sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, n - 1)] - sorted[lo]);
  const share = (from: number, to: number) => distribution.slice(from - 1, to).reduce((a, b) => a + b, 0) / n;
  return { n, median, low: share(1, 3), middle: share(4, 6), high: share(7, 9) };
}

/** 7 → "7", 6.5 → "6.5", null → "–". */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined) return '–';
  return String(Math.round(x * 100) / 100);
}

/** Who may vote, in words: "Leads, editors and members in every sector". */
export function describeEligibility(roles: readonly string[], sectors: readonly string[]): string {
  const roleList = (roles.length > 0 ? roles : [Role.LEAD, Role.EDITOR, Role.MEMBER]).map((r) => `${(ROLE_LABELS[r as Role] ?? r).toLowerCase()}s`);
  const sectorList = sectors.length === 0 || sectors.length === SECTORS.length ? null : sectors.map((s) => sectorInSentence(s));
  const who = joinWords(roleList);
  return `${who.charAt(0).toUpperCase()}${who.slice(1)} ${sectorList ? `in ${joinWords(sectorList)}` : 'in every sector'}`;
}

/** "higher education", "NHS", "sector body": a sector's label inside a sentence. */
export function sectorInSentence(sector: string): string {
  const label = SECTOR_LABELS[sector as Sector] ?? sector;
  return label === 'NHS' ? label : label.toLowerCase();
}

export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Whether a member of this role and sector is among the round's eligible voters (the server's rule). */
export function isEligible(round: { eligibleRoles: readonly string[]; eligibleSectors: readonly string[] }, member: { role: Role; sector: Sector }): boolean {
  if (!mayVote(member.role)) return false;
  const roles = round.eligibleRoles.length > 0 ? round.eligibleRoles : [Role.LEAD, Role.EDITOR, Role.MEMBER];
  return roles.includes(member.role) && (round.eligibleSectors.length === 0 || round.eligibleSectors.includes(member.sector));
}

// ——— The ballot form ———

export interface ItemDraft {
  rating: number | null;
  choice: ConsentChoice | null;
  rationale: string;
}

export type BallotDraft = Record<string, ItemDraft>;

export const EMPTY_ITEM: ItemDraft = { rating: null, choice: null, rationale: '' };

export const RATIONALE_MAX = 2000;

/** The form's state from the ballot the server holds. */
export function draftFromBallot(itemIds: readonly string[], ballot: readonly { itemId: string; rating?: number | null; choice?: ConsentChoice | null; rationale?: string | null }[]): BallotDraft {
  const draft: BallotDraft = {};
  for (const id of itemIds) {
    const saved = ballot.find((s) => s.itemId === id);
    draft[id] = { rating: saved?.rating ?? null, choice: saved?.choice ?? null, rationale: saved?.rationale ?? '' };
  }
  return draft;
}

export function sameItem(a: ItemDraft | undefined, b: ItemDraft | undefined): boolean {
  const x = a ?? EMPTY_ITEM;
  const y = b ?? EMPTY_ITEM;
  return x.rating === y.rating && x.choice === y.choice && x.rationale.trim() === y.rationale.trim();
}

export interface BallotItemRef {
  id: string;
  position: number;
  recused: boolean;
}

/**
 * The scores to send: every item with a score or choice that is not recused. A rationale without a
 * score is refused here with the item it belongs to, so nothing is half-saved.
 */
export function scoresToCast(scale: Scale, items: readonly BallotItemRef[], draft: BallotDraft): { scores: ScoreInput[]; errors: Record<string, string> } {
  const scores: ScoreInput[] = [];
  const errors: Record<string, string> = {};
  for (const item of items) {
    if (item.recused) continue;
    const d = draft[item.id] ?? EMPTY_ITEM;
    const rationale = d.rationale.trim();
    if (rationale.length > RATIONALE_MAX) {
      errors[item.id] = `Keep your reasons under ${RATIONALE_MAX.toLocaleString('en-GB')} characters (now ${rationale.length.toLocaleString('en-GB')}).`;
      continue;
    }
    const scored = scale === 'LIKERT_9' ? d.rating !== null : d.choice !== null;
    if (!scored) {
      if (rationale) errors[item.id] = scale === 'LIKERT_9' ? 'Choose a score from 1 to 9 to save your reasons, or clear them.' : 'Choose an option to save your reasons, or clear them.';
      continue;
    }
    scores.push(scale === 'LIKERT_9' ? { itemId: item.id, rating: d.rating, rationale: rationale || null } : { itemId: item.id, choice: d.choice, rationale: rationale || null });
  }
  return { scores, errors };
}

/** The item a server error blames: `scores.2.rating` → the third score sent. */
export function itemOfField(field: string | undefined, sent: readonly ScoreInput[]): string | undefined {
  const m = field ? /^scores\.(\d+)\./.exec(field) : null;
  const itemId = m ? sent[Number(m[1])]?.itemId : undefined;
  return itemId === undefined ? undefined : String(itemId);
}

/** A safe file name for the CSV export: "criteria-round-1-results.csv". */
export function csvFileName(title: string): string {
  const base = title.normalize('NFKD').replace(/[^\w\s-]+/g, '').trim().replace(/[\s_-]+/g, '-').toLowerCase() || 'round';
  return `${base}-results.csv`;
}

/** `datetime-local` input value ("2027-02-02T17:00") → ISO string; null when empty; NaN-safe. */
/** An ISO time as the value of a datetime-local input, in the browser's time zone. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function localInputToIso(value: string): string | null | undefined {
  if (!value.trim()) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
