// The briefing pack laid out once, as a list of blocks (title, headings, paragraphs, lists, tables)
// that the Markdown, DOCX and PDF renderers each draw in their own way. Pure.
import {
  dateTime,
  dayOf,
  DECISION_STATUS_LABELS,
  KIND_LABELS,
  longDate,
  meetingKindLabel,
  MILESTONE_STATUS_LABELS,
  number,
  percent,
  SCALE_LABELS,
  sectorLabel,
  shortDate,
  VERDICT_LABELS,
} from './briefing-format';
import type { BriefingDecision, BriefingDeliverable, BriefingItemResult, BriefingPack } from './briefings.types';

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
}
export type Cell = string | Run[];
export interface Column {
  header: string;
  /** Relative width; the renderers share the page width out in these proportions. */
  width: number;
  align?: 'left' | 'right';
}

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; runs: Run[]; note?: boolean }
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  | { kind: 'table'; columns: Column[]; rows: Cell[][] };

export interface BriefingDocument {
  /** "Briefing pack: Taskforce meeting: the draft guidance" */
  title: string;
  /** Lines under the title: date and kind, workspace, period covered, when prepared. */
  subtitle: string[];
  blocks: Block[];
}

export const SECTION_TITLES = {
  summary: 'At a glance',
  agenda: 'Agenda',
  milestones: 'Milestones',
  deliverables: 'Late and at-risk deliverables',
  decisions: 'Decisions',
  results: 'Consensus results',
  openRounds: 'Votes still open',
  annotations: 'Unresolved annotations',
  reviews: 'Review rounds',
} as const;

const text = (t: string): Run[] => [{ text: t }];
const p = (...runs: Run[]): Block => ({ kind: 'paragraph', runs });
const note = (t: string): Block => ({ kind: 'paragraph', runs: text(t), note: true });
const h1 = (t: string): Block => ({ kind: 'heading', level: 1, text: t });
const h2 = (t: string): Block => ({ kind: 'heading', level: 2, text: t });
const count = (n: number, one: string, many = `${one}s`) => `${n === 0 ? 'no' : n} ${n === 1 ? one : many}`;
const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** "since the Taskforce meeting on 2 February 2027", or "before this meeting" for a first meeting. */
export function periodText(pack: BriefingPack): string {
  const prev = pack.previousMeeting;
  if (!prev) return 'before this meeting';
  const kind = meetingKindLabel(prev.kind);
  return `since the ${prev.kind === 'TASKFORCE' ? kind : kind.charAt(0).toLowerCase() + kind.slice(1)} on ${shortDate(prev.date)}`;
}

export function briefingDocument(pack: BriefingPack): BriefingDocument {
  const m = pack.meeting;
  const since = periodText(pack);
  const subtitle = [
    `${longDate(m.date)} · ${meetingKindLabel(m.kind)}`,
    pack.workspaceName,
    `Covers activity ${since}. Prepared ${dateTime(pack.generatedAt)} (London) from live data in Concord; statuses as of ${shortDate(pack.asOf)}.`,
  ];
  const blocks: Block[] = [];
  const unresolved = pack.unresolvedAnnotations.reduce((n, s) => n + s.annotations.length, 0);
  const served = pack.milestones.find((x) => x.servedByMeeting);

  blocks.push(h1(SECTION_TITLES.summary));
  const glance: Run[][] = [];
  if (served) glance.push([{ text: 'Milestone: ' }, { text: served.title, bold: true }, { text: ` — ${MILESTONE_STATUS_LABELS[served.status]}: ${served.statusReason}.` }]);
  glance.push(text(capital(`${count(pack.decisionsAgreed.length, 'decision')} agreed ${since}; ${count(pack.decisionsProposed.length, 'decision')} proposed and awaiting agreement.`)));
  glance.push(text(capital(`${count(pack.roundResults.length, 'consensus round')} closed ${since}; ${count(pack.openRounds.length, 'vote')} still open.`)));
  glance.push(text(capital(`${count(pack.lateDeliverables.length, 'deliverable')} late; ${pack.atRiskDeliverables.length || 'none'} at risk of being late.`)));
  glance.push(text(capital(`${count(unresolved, 'unresolved annotation')} on the draft; ${count(pack.reviewRounds.length, 'review round')} to report.`)));
  blocks.push({ kind: 'list', ordered: false, items: glance });

  blocks.push(h1(SECTION_TITLES.agenda));
  blocks.push(m.agenda.length ? { kind: 'list', ordered: true, items: m.agenda.map(text) } : note('No agenda items yet.'));

  blocks.push(h1(SECTION_TITLES.milestones));
  if (pack.milestones.length === 0) blocks.push(note('No milestones in the plan.'));
  else {
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Milestone', width: 28 },
        { header: 'Due', width: 16 },
        { header: 'Status', width: 11 },
        { header: 'Done', width: 11, align: 'right' },
        { header: 'Why', width: 34 },
      ],
      rows: pack.milestones.map((x) => [
        x.servedByMeeting ? [{ text: x.title, bold: true }, { text: ' (this meeting)', italics: true }] : x.title,
        shortDate(x.dueDate),
        [{ text: MILESTONE_STATUS_LABELS[x.status] ?? x.status, bold: x.status === 'LATE' || x.status === 'AT_RISK' }],
        `${x.deliverablesDone} of ${x.deliverablesTotal}`,
        x.statusReason,
      ]),
    });
  }

  blocks.push(h1(SECTION_TITLES.deliverables));
  const deliverables = [...pack.lateDeliverables, ...pack.atRiskDeliverables];
  if (deliverables.length === 0) blocks.push(note(`None: on ${shortDate(pack.asOf)} no open deliverable is overdue or due within its milestone’s risk window.`));
  else blocks.push(deliverableTable(deliverables));

  blocks.push(h1(SECTION_TITLES.decisions));
  blocks.push(h2(`Agreed ${since}`));
  blocks.push(pack.decisionsAgreed.length ? decisionTable(pack.decisionsAgreed, true) : note(`No decisions were agreed ${since}.`));
  blocks.push(h2('Proposed, awaiting agreement'));
  blocks.push(pack.decisionsProposed.length ? decisionTable(pack.decisionsProposed, false) : note('No decisions are waiting to be agreed.'));

  blocks.push(h1(SECTION_TITLES.results));
  if (pack.roundResults.length === 0) blocks.push(note(`No consensus round closed ${since}.`));
  for (const r of pack.roundResults) {
    blocks.push(h2(`${r.title} (closed ${dayOf(r.closedAt)})`));
    const how = [`Round ${r.number}`, SCALE_LABELS[r.scale] ?? r.scale, r.anonymous ? 'anonymous: aggregates only, sector cells of fewer than 3 voters not shown' : 'not anonymous'];
    blocks.push(note(`${how.join(' · ')}.`));
    const likert = r.scale === 'LIKERT_9';
    blocks.push({
      kind: 'table',
      columns: [
        { header: '#', width: 4, align: 'right' },
        { header: 'Criterion', width: 40 },
        { header: 'Verdict', width: 13 },
        { header: 'n', width: 5, align: 'right' },
        { header: 'Median', width: 8, align: 'right' },
        { header: likert ? 'Rated 7–9' : 'Agreeing', width: 10, align: 'right' },
        { header: 'By sector', width: 20 },
      ],
      rows: r.items.map((i) => [
        String(i.position),
        i.criterion,
        [{ text: VERDICT_LABELS[i.verdict] ?? i.verdict, bold: true }],
        String(i.n),
        likert ? number(i.median) : '–',
        percent(i.agreeShare),
        bySector(i.bySector),
      ]),
    });
  }

  blocks.push(h1(SECTION_TITLES.openRounds));
  if (pack.openRounds.length === 0) blocks.push(note('No vote is open.'));
  else {
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Round', width: 46 },
        { header: 'Items', width: 10, align: 'right' },
        { header: 'Voted', width: 16, align: 'right' },
        { header: 'Closes', width: 28 },
      ],
      rows: pack.openRounds.map((r) => [r.title, String(r.itemCount), `${r.votedCount} of ${r.eligibleCount}`, r.closesAt ? dateTime(r.closesAt) : 'No closing time set']),
    });
  }

  blocks.push(h1(SECTION_TITLES.annotations));
  if (pack.unresolvedAnnotations.length === 0) blocks.push(note('Every annotation on the draft is resolved.'));
  else blocks.push(note(`${count(unresolved, 'annotation')} open on the live draft, by section in the order of the document.`));
  const documents = new Set(pack.unresolvedAnnotations.map((s) => s.documentId));
  for (const s of pack.unresolvedAnnotations) {
    const title = s.sectionTitle || 'Before the first heading';
    blocks.push(h2(`${documents.size > 1 ? `${s.documentTitle}: ` : ''}${title} (${s.annotations.length})`));
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Kind', width: 11 },
        { header: 'Passage', width: 29 },
        { header: 'Annotation', width: 40 },
        { header: 'By', width: 20 },
      ],
      rows: s.annotations.map((a) => [
        KIND_LABELS[a.kind] ?? a.kind,
        [{ text: `“${a.quote}”`, italics: true }],
        `${a.body}${a.replyCount ? ` (${count(a.replyCount, 'reply', 'replies')})` : ''}${a.tags.length ? ` [${a.tags.join(', ')}]` : ''}`,
        `${a.authorName ?? ''}\n${dayOf(a.createdAt)}`.trim(),
      ]),
    });
  }

  blocks.push(h1(SECTION_TITLES.reviews));
  if (pack.reviewRounds.length === 0) blocks.push(note(`No review round is open or closed ${since}.`));
  for (const r of pack.reviewRounds) {
    const state = r.status === 'OPEN' ? `open until ${dateTime(r.closesAt)}` : `closed ${dayOf(r.closedAt ?? r.closesAt)}`;
    blocks.push(h2(`${r.title} (${state})`));
    const facts = [r.versionName ? `Version “${r.versionName}”` : null, count(r.reviewerCount, 'reviewer'), count(r.commentCount, 'comment')];
    if (r.status === 'CLOSED') facts.push(`${r.respondedCount} of ${r.commentCount} answered in triage`);
    blocks.push(p({ text: `${facts.filter(Boolean).join(' · ')}.` }));
    if (r.status === 'CLOSED' && r.commentCount > 0) {
      blocks.push({ kind: 'table', columns: [{ header: 'Section', width: 80 }, { header: 'Comments', width: 20, align: 'right' }], rows: r.bySection.map((c) => [c.key, String(c.n)]) });
      const kinds = r.byKind.map((c) => `${KIND_LABELS[c.key] ?? c.key} ${c.n}`).join(', ');
      const sectors = r.bySector.map((c) => `${sectorLabel(c.key)} ${c.n}`).join(', ');
      blocks.push(p({ text: 'By kind: ', bold: true }, { text: `${kinds}. ` }, { text: 'By sector: ', bold: true }, { text: `${sectors}.` }));
    } else if (r.status === 'OPEN') blocks.push(note('The summary by section, kind and sector follows when the round closes.'));
  }

  return { title: `Briefing pack: ${m.title}`, subtitle, blocks };
}

/** Each sector's share agreeing, or that it is not shown (a cell of 1 or 2 voters in an anonymous round). */
function bySector(cells: BriefingItemResult['bySector']): string {
  if (cells.length === 0) return '–';
  if (cells.every((c) => c.suppressed)) return 'Not shown: no sector has 3 voters';
  return cells.map((c) => `${sectorLabel(c.sector)}: ${c.suppressed ? 'fewer than 3 voters' : percent(c.agreeShare)}`).join('; ');
}

function deliverableTable(rows: BriefingDeliverable[]): Block {
  return {
    kind: 'table',
    columns: [
      { header: 'Deliverable', width: 32 },
      { header: 'Milestone', width: 24 },
      { header: 'Owner', width: 14 },
      { header: 'Due', width: 15 },
      { header: 'Status', width: 15 },
    ],
    rows: rows.map((d) => [d.title, d.milestoneTitle, d.ownerName ?? '–', shortDate(d.dueDate), [{ text: d.dueInDays < 0 ? `Late: ${d.when}` : `At risk: ${d.when}`, bold: d.dueInDays < 0 }]]),
  };
}

function decisionTable(rows: BriefingDecision[], agreed: boolean): Block {
  return {
    kind: 'table',
    columns: [
      { header: 'Ref', width: 9 },
      { header: 'Decision', width: 67 },
      { header: agreed ? 'Agreed' : 'Status', width: 24 },
    ],
    rows: rows.map((d) => [
      [{ text: d.ref, bold: true }],
      [{ text: d.title, bold: true }, { text: `\n${d.statement}` }, ...(d.rationale ? [{ text: `\nWhy: ${d.rationale}`, italics: true }] : [])],
      agreed && d.agreedAt ? [dayOf(d.agreedAt), d.agreedWhere, d.status === 'SUPERSEDED' ? `Since superseded${d.supersededByRef ? ` by ${d.supersededByRef}` : ''}` : null].filter(Boolean).join('\n') : (DECISION_STATUS_LABELS[d.status] ?? d.status),
    ]),
  };
}
