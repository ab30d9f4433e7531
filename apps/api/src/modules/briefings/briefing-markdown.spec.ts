// The Markdown renderer and the words, dates and escaping all three formats share.
import { describe, expect, it } from '@jest/globals';
import { briefingDocument, SECTION_TITLES } from './briefing-document';
import { BriefingFormat, briefingFilename, londonMidnight, relativeDays, shorten } from './briefing-format';
import { briefingMarkdown, escapeInline, escapeLineStart } from './briefing-markdown';
import type { BriefingPack } from './briefings.types';


function samplePack(): BriefingPack {
  const at = (iso: string) => new Date(iso);
  return {
    workspaceId: 'w1',
    workspaceName: 'Student mental health: NHS–HE joint working guidance',
    meeting: { id: '11111111-1111-4111-8111-111111111111', title: 'Taskforce meeting: the draft guidance', kind: 'TASKFORCE' as never, date: '2027-04-19', agenda: ['Draft guidance for comment', 'Models of good practice', 'Stakeholder feedback so far'], milestoneId: 'm2', milestoneTitle: 'March–April: data collection and draft' },
    previousMeeting: { id: '22222222-2222-4222-8222-222222222222', title: 'Taskforce meeting: agree the scope', kind: 'TASKFORCE' as never, date: '2027-02-02', agenda: [], milestoneId: 'm1', milestoneTitle: 'February: scope, literature and criteria' },
    since: '2027-02-02',
    until: '2027-04-19',
    generatedAt: at('2027-04-12T09:30:00Z'),
    asOf: '2027-04-12',
    milestones: [
      { id: 'm1', title: 'February: scope, literature and criteria', startsOn: '2027-02-01', dueDate: '2027-02-28', status: 'DONE' as never, statusReason: 'All 5 deliverables done', deliverablesDone: 5, deliverablesTotal: 5, servedByMeeting: false },
      { id: 'm2', title: 'March–April: data collection and draft', startsOn: '2027-03-01', dueDate: '2027-04-19', status: 'AT_RISK' as never, statusReason: '“Draft shared with selected stakeholders” is 5 days overdue; 2 of 3 deliverables open, due in 7 days', deliverablesDone: 1, deliverablesTotal: 3, servedByMeeting: true },
      { id: 'm3', title: 'May: final guidance', startsOn: '2027-04-20', dueDate: '2027-05-31', status: 'ON_TRACK' as never, statusReason: '2 of 2 deliverables open, due in 49 days', deliverablesDone: 0, deliverablesTotal: 2, servedByMeeting: false },
    ],
    lateDeliverables: [{ id: 'd1', title: 'Draft shared with selected stakeholders', dueDate: '2027-04-07', milestoneTitle: 'March–April: data collection and draft', ownerName: 'Priya Lead', dueInDays: -5, when: '5 days overdue' }],
    atRiskDeliverables: [{ id: 'd2', title: 'Draft shared with the Taskforce for comment', dueDate: '2027-04-19', milestoneTitle: 'March–April: data collection and draft', ownerName: 'Tom Editor', dueInDays: 7, when: 'due in 7 days' }],
    decisionsAgreed: [
      { id: 'x1', ref: 'D-001', title: 'Include criterion: Deliver benefits to students, HEPs and the wider health system, with evidence.', statement: 'Models of good practice should meet this criterion: Deliver benefits to students, HEPs and the wider health system, with evidence.', rationale: 'Criteria round 1: INCLUDE: 100% of 4 rated 7–9, 0% rated 1–3.', status: 'AGREED' as never, agreedAt: at('2027-03-03T15:00:00Z'), agreedWhere: 'By round “Criteria for models of good practice”', supersededByRef: null, resultSummary: 'INCLUDE: 100% of 4 rated 7–9' },
      { id: 'x2', ref: 'D-002', title: 'Audience: senior leaders in HEPs and NHS trusts', statement: 'The guidance is written for senior leaders in HEPs and NHS mental health trusts | and ICBs.', rationale: '', status: 'SUPERSEDED' as never, agreedAt: at('2027-03-10T10:00:00Z'), agreedWhere: 'At “Working group meeting”', supersededByRef: 'D-004', resultSummary: null },
    ],
    decisionsProposed: [{ id: 'x3', ref: 'D-003', title: 'Case studies limited to six models', statement: 'No more than six case studies appear in the guidance.', rationale: 'Length budget of 4,000 words.', status: 'PROPOSED' as never, agreedAt: null, agreedWhere: null, supersededByRef: null, resultSummary: null }],
    roundResults: [
      {
        id: 'r1', title: 'Criteria for models of good practice', number: 1, scale: 'LIKERT_9' as never, anonymous: true, closedAt: at('2027-03-03T14:00:00Z'),
        items: [
          { itemId: 'i1', position: 1, criterion: 'Deliver benefits to students, HEPs and the wider health system, with evidence.', verdict: 'INCLUDE' as never, n: 4, median: 8, agreeShare: 1, lowShare: 0, bySector: [{ sector: 'HE', n: null, median: null, agreeShare: null, suppressed: true }, { sector: 'NHS', n: null, median: null, agreeShare: null, suppressed: true }, { sector: 'SECTOR_BODY', n: null, median: null, agreeShare: null, suppressed: true }] },
          { itemId: 'i2', position: 2, criterion: 'Do not replicate existing services found elsewhere (e.g. crisis care).', verdict: 'NO_CONSENSUS' as never, n: 4, median: 5.5, agreeShare: 0.5, lowShare: 0.25, bySector: [{ sector: 'HE', n: 3, median: 6, agreeShare: 0.67, suppressed: false }, { sector: 'NHS', n: null, median: null, agreeShare: null, suppressed: true }] },
        ],
      },
    ],
    openRounds: [{ id: 'r2', title: 'Criteria — round 2', number: 2, scale: 'LIKERT_9' as never, closesAt: at('2027-04-22T16:00:00Z'), itemCount: 3, votedCount: 2, eligibleCount: 4 }],
    unresolvedAnnotations: [
      { documentId: 'doc', documentTitle: 'Guidance (draft)', sectionId: 'sec-common', sectionTitle: 'Common challenges', annotations: [
        { id: 'a1', kind: 'QUESTION' as never, status: 'OPEN' as never, quote: 'GP registration', body: 'Do we have data on GP registration at term-time addresses?', authorName: 'Dr Nadia Shah', createdAt: at('2027-03-20T10:00:00Z'), replyCount: 2, tags: ['Information sharing'] },
        { id: 'a2', kind: 'COMMENT' as never, status: 'OPEN' as never, quote: 'waiting times', body: 'Say which waiting times: IAPT or secondary care?', authorName: 'Hannah Okafor', createdAt: at('2027-03-21T10:00:00Z'), replyCount: 0, tags: [] },
      ] },
      { documentId: 'doc', documentTitle: 'Guidance (draft)', sectionId: null, sectionTitle: 'Text no longer in the draft', annotations: [
        { id: 'a3', kind: 'SUGGESTION' as never, status: 'ORPHANED' as never, quote: 'This sentence will be removed', body: 'Cut this.', authorName: 'Tom Editor', createdAt: at('2027-03-22T10:00:00Z'), replyCount: 0, tags: [] },
      ] },
    ],
    reviewRounds: [
      { id: 'v1', title: 'Stakeholder review, March', status: 'CLOSED' as never, versionName: 'Draft for stakeholders', closesAt: at('2027-03-31T17:00:00Z'), closedAt: at('2027-03-31T17:00:00Z'), reviewerCount: 5, commentCount: 12, respondedCount: 8, bySection: [{ key: 'Common challenges', n: 6 }, { key: 'Models of good practice', n: 4 }, { key: 'Scope', n: 2 }], byKind: [{ key: 'COMMENT', n: 7 }, { key: 'QUESTION', n: 3 }, { key: 'SUGGESTION', n: 2 }], bySector: [{ key: 'NHS', n: 6 }, { key: 'HE', n: 4 }, { key: 'OTHER', n: 2 }] },
      { id: 'v2', title: 'Taskforce comment on the draft', status: 'OPEN' as never, versionName: 'Draft for Taskforce 19 April', closesAt: at('2027-04-26T17:00:00Z'), closedAt: null, reviewerCount: 9, commentCount: 3, respondedCount: 0, bySection: [], byKind: [], bySector: [] },
    ],
    downloads: [{ format: BriefingFormat.PDF, url: '/briefings/x.pdf', filename: 'briefing-2027-04-19-taskforce.pdf', contentType: 'application/pdf' }],
  };
}

const md = (pack: BriefingPack) => briefingMarkdown(briefingDocument(pack));
const lines = (text: string) => text.split('\n');

describe('the briefing pack as Markdown', () => {
  it('has a title block, then every section in order as a level-2 heading', () => {
    const out = md(samplePack());
    expect(out.startsWith('# Briefing pack: Taskforce meeting: the draft guidance\n\n**Monday 19 April 2027 · Taskforce meeting**  \nStudent mental health: NHS–HE joint working guidance  \n')).toBe(true);
    expect(out).toContain('Covers activity since the Taskforce meeting on 2 February 2027. Prepared 12 April 2027, 10:30 (London)');
    const h2 = lines(out).filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(h2).toEqual(Object.values(SECTION_TITLES));
    expect(lines(out).filter((l) => l.startsWith('### '))).toEqual([
      '### Agreed since the Taskforce meeting on 2 February 2027',
      '### Proposed, awaiting agreement',
      '### Criteria for models of good practice (closed 3 March 2027)',
      '### Common challenges (2)',
      '### Text no longer in the draft (1)',
      '### Stakeholder review, March (closed 31 March 2027)',
      '### Taskforce comment on the draft (open until 26 April 2027, 18:00)',
    ]);
  });

  it('numbers the agenda and marks the milestone the meeting serves', () => {
    const out = md(samplePack());
    expect(out).toContain('\n1. Draft guidance for comment\n2. Models of good practice\n3. Stakeholder feedback so far\n');
    expect(out).toContain('| **March–April: data collection and draft** *(this meeting)* | 19 April 2027 | **At risk** | 1 of 3 |');
    expect(out).toContain('- Milestone: **March–April: data collection and draft** — At risk: “Draft shared with selected stakeholders” is 5 days overdue');
  });

  it('lists late and at-risk deliverables with owner, due date and how late', () => {
    const out = md(samplePack());
    expect(out).toContain('| Draft shared with selected stakeholders | March–April: data collection and draft | Priya Lead | 7 April 2027 | **Late: 5 days overdue** |');
    expect(out).toContain('| Draft shared with the Taskforce for comment | March–April: data collection and draft | Tom Editor | 19 April 2027 | At risk: due in 7 days |');
  });

  it('puts each decision in one table row: a pipe in the text is escaped, line breaks become <br>', () => {
    const out = md(samplePack());
    expect(out).toContain('| **D-002** | **Audience: senior leaders in HEPs and NHS trusts**<br>The guidance is written for senior leaders in HEPs and NHS mental health trusts \\| and ICBs. | 10 March 2027<br>At “Working group meeting”<br>Since superseded by D-004 |');
    const row = lines(out).find((l) => l.startsWith('| **D-001**'))!;
    // Every row of the table has as many cells as the header: the escaped pipe is not a separator.
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    expect(cells(row)).toBe(cells('| Ref | Decision | Agreed |'));
    expect(cells(lines(out).find((l) => l.startsWith('| **D-002**'))!)).toBe(cells(row));
  });

  it('reports results as the consensus module does: verdict, n, median, share 7–9; suppressed sector cells say so and give no numbers', () => {
    const out = md(samplePack());
    expect(out).toContain('| 1 | Deliver benefits to students, HEPs and the wider health system, with evidence. | **Include** | 4 | 8 | 100% | Not shown: no sector has 3 voters |');
    expect(out).toContain('| 2 | Do not replicate existing services found elsewhere (e.g. crisis care). | **No consensus** | 4 | 5.5 | 50% | Higher education: 67%; NHS: fewer than 3 voters |');
    expect(out).toContain('anonymous: aggregates only, sector cells of fewer than 3 voters not shown');
  });

  it('groups unresolved annotations by section, with passage, text, author and replies', () => {
    const out = md(samplePack());
    const i = out.indexOf('### Common challenges (2)');
    expect(out.slice(i)).toContain('| Question | *“GP registration”* | Do we have data on GP registration at term-time addresses? (2 replies) \\[Information sharing\\] | Dr Nadia Shah<br>20 March 2027 |');
    expect(out.indexOf('### Text no longer in the draft (1)')).toBeGreaterThan(i);
  });

  it('summarises review rounds: closed with counts by section, kind and sector; open with what is known so far', () => {
    const out = md(samplePack());
    expect(out).toContain('Version “Draft for stakeholders” · 5 reviewers · 12 comments · 8 of 12 answered in triage.');
    expect(out).toContain('| Common challenges | 6 |');
    expect(out).toContain('**By kind:** Comment 7, Question 3, Suggestion 2. **By sector:** NHS 6, Higher education 4, Other 2.');
    expect(out).toContain('_The summary by section, kind and sector follows when the round closes._');
  });

  it('says plainly when there is nothing to report, and covers "before this meeting" for a first meeting', () => {
    const empty: BriefingPack = {
      ...samplePack(),
      previousMeeting: null,
      since: null,
      milestones: [],
      lateDeliverables: [],
      atRiskDeliverables: [],
      decisionsAgreed: [],
      decisionsProposed: [],
      roundResults: [],
      openRounds: [],
      unresolvedAnnotations: [],
      reviewRounds: [],
    };
    const out = md(empty);
    expect(out).toContain('Covers activity before this meeting.');
    expect(out).toContain('- No decisions agreed before this meeting; no decisions proposed and awaiting agreement.\n- No consensus rounds closed before this meeting; no votes still open.\n- No deliverables late; none at risk of being late.');
    for (const sentence of [
      '_No milestones in the plan._',
      '_None: on 12 April 2027 no open deliverable is overdue or due within its milestone’s risk window._',
      '_No decisions were agreed before this meeting._',
      '_No decisions are waiting to be agreed._',
      '_No consensus round closed before this meeting._',
      '_No vote is open._',
      '_Every annotation on the draft is resolved._',
      '_No review round is open or closed before this meeting._',
    ]) {
      expect(out).toContain(sentence);
    }
    expect(out).not.toContain('| --- |');
  });

  it('escapes what users typed, so it cannot become a heading, a list, a link, HTML or a table break', () => {
    const pack = samplePack();
    pack.meeting.agenda = ['# Not a heading', '1. not a nested list', 'a [link](http://evil.example) and <img src=x onerror=alert(1)> and *stars*'];
    pack.decisionsProposed[0].title = '---';
    const out = md(pack);
    expect(out).toContain('1. \\# Not a heading\n2. 1\\. not a nested list\n3. a \\[link\\](http://evil.example) and \\<img src=x onerror=alert(1)\\> and \\*stars\\*');
    expect(out).not.toMatch(/(?<!\\)<img/);
    // Inside a table cell a rule is just text.
    expect(out).toContain('| **D-003** | **---**<br>No more than six case studies appear in the guidance.');
  });
});

describe('escaping', () => {
  it('escapes inline markup characters', () => {
    expect(escapeInline('a*b_c`d[e]f<g>h|i\\j~k')).toBe('a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\\\j\\~k');
  });
  it('escapes block markers at the start of a line only', () => {
    expect(escapeLineStart('# x')).toBe('\\# x');
    expect(escapeLineStart('### x')).toBe('\\### x');
    expect(escapeLineStart('- x')).toBe('\\- x');
    expect(escapeLineStart('+ x')).toBe('\\+ x');
    expect(escapeLineStart('12. x')).toBe('12\\. x');
    expect(escapeLineStart('3) x')).toBe('3\\) x');
    expect(escapeLineStart('===')).toBe('\\===');
    expect(escapeLineStart('#hashtag and 1.5 and - dash')).toBe('#hashtag and 1.5 and - dash');
  });
});

describe('dates and words', () => {
  it('finds the instant a London day starts, in winter and in summer, and on the days the clocks change', () => {
    expect(londonMidnight('2027-02-02').toISOString()).toBe('2027-02-02T00:00:00.000Z');
    expect(londonMidnight('2027-04-19').toISOString()).toBe('2027-04-18T23:00:00.000Z');
    expect(londonMidnight('2027-03-28').toISOString()).toBe('2027-03-28T00:00:00.000Z'); // BST starts at 01:00 UTC
    expect(londonMidnight('2027-03-29').toISOString()).toBe('2027-03-28T23:00:00.000Z');
    expect(londonMidnight('2027-10-31').toISOString()).toBe('2027-10-30T23:00:00.000Z'); // BST ends at 01:00 UTC
    expect(londonMidnight('2027-11-01').toISOString()).toBe('2027-11-01T00:00:00.000Z');
  });

  it('names files by the meeting’s date and kind', () => {
    expect(briefingFilename({ date: '2027-04-19', kind: 'TASKFORCE' }, BriefingFormat.PDF)).toBe('briefing-2027-04-19-taskforce.pdf');
    expect(briefingFilename({ date: '2027-03-10', kind: 'WORKING_GROUP' }, BriefingFormat.DOCX)).toBe('briefing-2027-03-10-working-group.docx');
    expect(briefingFilename({ date: '2027-03-10', kind: 'TASKFORCE' }, BriefingFormat.MARKDOWN)).toBe('briefing-2027-03-10-taskforce.md');
  });

  it('says how far away a date is, and shortens long text at a word', () => {
    expect([relativeDays(-1), relativeDays(-3), relativeDays(0), relativeDays(1), relativeDays(6)]).toEqual(['1 day overdue', '3 days overdue', 'due today', 'due in 1 day', 'due in 6 days']);
    expect(shorten('  short   text ', 20)).toBe('short text');
    expect(shorten('the quick brown fox jumps over the lazy dog', 20)).toBe('the quick brown fox…');
    expect(shorten('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
