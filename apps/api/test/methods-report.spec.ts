// The consensus methods report (ACCORD items Concord records) on a two-round history made through the
// API: the panel by sector and organisation, invitations, rules and when they were fixed, response rate
// and results per round, anonymity. Markdown checked line by line; DOCX opened as a zip.
import { SESSION_COOKIE } from '@concord/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { Api, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

describe('consensus methods report', () => {
  let server: TestServer;
  let lead: Api, editor: Api, memberHe: Api, memberNhs: Api;
  let workspaceId: string;
  const get = (path: string, who: Api) => fetch(`${server.url}${path}`, { headers: { cookie: `${SESSION_COOKIE}=${who.token}` } });

  beforeAll(async () => {
    server = await startServer();
    const anon = new Api(server.url);
    [lead, editor, memberHe, memberNhs] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.memberNhs].map((e) => anon.login(e)));
    const ws = (await lead.ok(`{ workspaces { id criteria { id statement } } }`)).workspaces[0];
    workspaceId = ws.id;
    const vote = (who: Api, roundId: string, scores: { itemId: string; rating: number }[]) => who.ok(`mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: roundId, s: scores });
    // Round 1 (anonymous): criterion 1 reaches consensus, criterion 2 does not.
    const r1 = (await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id } } }`, { i: { workspaceId, title: 'Criteria for models', scale: 'LIKERT_9', anonymous: true, criterionIds: [ws.criteria[0].id, ws.criteria[1].id] } })).createRound;
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: r1.id });
    await vote(lead, r1.id, [{ itemId: r1.items[0].id, rating: 8 }, { itemId: r1.items[1].id, rating: 2 }]);
    await vote(editor, r1.id, [{ itemId: r1.items[0].id, rating: 9 }, { itemId: r1.items[1].id, rating: 8 }]);
    await vote(memberHe, r1.id, [{ itemId: r1.items[0].id, rating: 7 }, { itemId: r1.items[1].id, rating: 5 }]);
    // memberNhs does not vote in round 1: 3 of 4 eligible.
    await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: r1.id });
    // Round 2 carries criterion 2 forward; everyone votes.
    const r2 = (await editor.ok(`mutation($id: ID!) { nextRound(id: $id) { id number items { id } } }`, { id: r1.id })).nextRound;
    expect(r2.number).toBe(2);
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: r2.id });
    for (const [who, rating] of [[lead, 7], [editor, 8], [memberHe, 8], [memberNhs, 9]] as [Api, number][]) await vote(who, r2.id, [{ itemId: r2.items[0].id, rating }]);
    await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: r2.id });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reports the panel, invitations, rules, response rates, results and anonymity as Markdown', async () => {
    const res = await get(`/exports/methods/${workspaceId}.md`, memberHe);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="consensus-methods-report.md"');
    const md = await res.text();
    expect(md).toMatch(/^# Consensus methods report\n/);
    // Panel: the seeded demo has 5 panel members (the reviewer is not one) in 4 sectors.
    expect(md).toContain('The panel has 5 members across');
    expect(md).toMatch(/\| Higher education \| 1 \| [^|]+ \|/);
    expect(md).toMatch(/\| NHS \| 1 \| [^|]+ \|/);
    expect(md).toContain('0 of the 5 panel members joined by invitation; the other 5 were set up with the workspace.');
    // Rules and when fixed: both rounds, COMET by default, fixed at opening.
    expect(md).toContain('## Round 1: Criteria for models');
    expect(md).toContain('- Rule: include if at least 70% rate 7–9 and fewer than 15% rate 1–3; exclude if at least 70% rate 1–3 and fewer than 15% rate 7–9; otherwise no consensus.');
    expect(md.match(/- Fixed when the round opened, /g)).toHaveLength(2);
    expect(md).toContain('2 rounds were run (2 closed).');
    // Response rate per round: 3 of 4, then 4 of 4.
    expect(md).toMatch(/\| Round 1: Criteria for models \| [^|]+ \| [^|]+ \| 4 \| 3 \| 75% \|/);
    expect(md).toMatch(/\| Round 2: [^|]+ \| [^|]+ \| [^|]+ \| 4 \| 4 \| 100% \|/);
    // Results per round.
    const results = md.slice(md.indexOf('# Results per round'), md.indexOf('# What was anonymous'));
    const [round1, round2] = results.split(/## Round 2/);
    expect(round1).toMatch(/\| [^|]+ \| 3 \| 8 \| 1 \| 100% \| Include \| – \|/);
    expect(round1).toMatch(/\| [^|]+ \| 3 \| 5 \| 3 \| 33% \| No consensus \| – \|/);
    expect(round2).toMatch(/\| [^|]+ \| 4 \| 8 \| 0\.5 \| 100% \| Include \| \+67 pts \|/);
    // Anonymity per round.
    expect(md).toMatch(/\| Round 1: Criteria for models \| Yes \| Aggregates only; rationales without names; sector breakdowns with fewer than 3 voters suppressed/);
  });

  it('exports the same report as DOCX with headings and tables', async () => {
    const res = await get(`/exports/methods/${workspaceId}.docx`, editor);
    expect(res.status).toBe(200);
    const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file('word/document.xml')!.async('string');
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Panel', 'How members were invited', 'Rules and when they were fixed', 'Rounds and response rates', 'Results per round', 'What was anonymous']);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(xml).toContain('75%');
  });
});
