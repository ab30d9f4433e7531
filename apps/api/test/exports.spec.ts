// Exports of the guidance on the seeded demo, with known events made through the API (a closed round, a
// decision agreed by it about a section, a glossary entry, a list, a table and a link typed into the
// draft): Markdown with its appendices, DOCX opened as a zip, PDF read back with pdf.js; versions; the
// traceability query; the workspace glossary; access and bad input (nothing written on failure).
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_COOKIE } from '@concord/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import * as Y from 'yjs';
import { Client, connectClient } from './support/collab';
import { Api, codeOf, DEMO } from './support/graphql';
import { ROOT, startServer, TestServer } from './support/server';

function pdfText(pdf: Buffer): Promise<{ pages: string[]; info: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(ROOT, 'apps/api/test/support/pdf-text.mjs')], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(pdf);
  });
}
const flat = (s: string) => s.replace(/\s+/g, ' ');
const ALL = 'decisions,results,caseStudies,sources,trace,glossary';

describe('guidance exports', () => {
  let server: TestServer;
  let anon: Api, lead: Api, editor: Api, memberHe: Api, memberNhs: Api, observer: Api, reviewer: Api, outsider: Api;
  let workspaceId: string, documentId: string, scope: { id: string; title: string }, decisionRef: string;
  let writer: Client;
  // EXPORT_DIR=/some/dir keeps the downloaded files to look at.
  const keep = (name: string, body: Buffer) => {
    if (!process.env.EXPORT_DIR) return;
    mkdirSync(process.env.EXPORT_DIR, { recursive: true });
    writeFileSync(join(process.env.EXPORT_DIR, name), body);
  };
  const cookie = (who: Api) => ({ cookie: `${SESSION_COOKIE}=${who.token}` });
  const get = (path: string, who?: Api) => fetch(`${server.url}${path}`, { headers: who ? cookie(who) : {} });
  /** Waits until the server's copy of a document contains `text` (its updates are stored). */
  const stored = async (id: string, text: string) => {
    for (let i = 0; i < 200; i++) {
      const md = (await editor.ok(`query($id: ID!) { document(id: $id) { markdown } }`, { id })).document.markdown as string;
      if (md.includes(text)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`"${text}" never reached the server`);
  };
  const body = async (path: string, who: Api = memberHe) => {
    const res = await get(path, who);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  beforeAll(async () => {
    server = await startServer({ env: { EXPORT_MAX_CHARACTERS: '20000' } });
    anon = new Api(server.url);
    [lead, editor, memberHe, memberNhs, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.memberNhs, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = (await lead.ok(`{ workspaces { id documents { id sections { id title } } criteria { id } } }`)).workspaces[0];
    workspaceId = ws.id;
    documentId = ws.documents[0].id;
    scope = ws.documents[0].sections.find((s: { title: string }) => s.title === 'Scope');
    // An account that is not a member: invited, joined, removed.
    const inv = await lead.ok(`mutation($i: InviteMemberInput!) { inviteMember(input: $i) { link } }`, { i: { workspaceId, email: 'outsider@example.org', role: 'MEMBER', organisation: 'Elsewhere', sector: 'OTHER' } });
    const joined = await anon.ok(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token } }`, { i: { token: inv.inviteMember.link.split('/invite/')[1], name: 'Out Sider', password: 'a-long-password-1' } });
    outsider = anon.as(joined.acceptInvitation.token);
    const members = (await lead.ok(`query($id: ID!) { workspace(id: $id) { members { id user { email } } } }`, { id: workspaceId })).workspace.members as { id: string; user: { email: string } }[];
    await lead.ok(`mutation($m: ID!) { removeMember(memberId: $m) }`, { m: members.find((m) => m.user.email === 'outsider@example.org')!.id });

    // A closed, non-anonymous round on the first criterion, and a decision it agreed about "Scope".
    const round = (await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id } } }`, { i: { workspaceId, title: 'Criteria, round 1', scale: 'LIKERT_9', anonymous: false, criterionIds: [ws.criteria[0].id] } })).createRound;
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: round.id });
    for (const [who, rating] of [[lead, 8], [editor, 7], [memberHe, 9], [memberNhs, 8]] as [Api, number][]) {
      await who.ok(`mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: round.id, s: [{ itemId: round.items[0].id, rating }] });
    }
    await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: round.id });
    const d = (await lead.ok(`mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id ref } }`, {
      i: { workspaceId, title: 'Benefits criterion', statement: 'Models must show benefits to students, HEPs and the NHS.', rationale: 'Round 1.', roundItemId: round.items[0].id, sections: [{ documentId, sectionId: scope.id }] },
    })).proposeDecision;
    decisionRef = d.ref;
    await lead.ok(`mutation($id: ID!, $r: ID) { agreeDecision(id: $id, roundId: $r) { status } }`, { id: d.id, r: round.id });
    await editor.ok(`mutation($i: DefineGlossaryTermInput!) { defineGlossaryTerm(input: $i) { id } }`, { i: { workspaceId, term: 'HEP', expansion: 'higher education provider', explanation: 'A university or college that teaches degree courses.' } });

    // A list, a table and a link typed into the draft.
    writer = await connectClient(server.url, documentId, editor.token!);
    writer.doc.transact(() => {
      const p = (s: string, marks?: Record<string, unknown>) => {
        const e = new Y.XmlElement('paragraph');
        const t = new Y.XmlText();
        t.insert(0, s, marks);
        e.insert(0, [t]);
        return e;
      };
      const li = (s: string) => {
        const e = new Y.XmlElement('listItem');
        e.insert(0, [p(s)]);
        return e;
      };
      const list = new Y.XmlElement('bulletList');
      list.insert(0, [li('Agree a named contact in each service'), li('Share a referral form')]);
      const cell = (kind: string, s: string) => {
        const e = new Y.XmlElement(kind);
        e.insert(0, [p(s)]);
        return e;
      };
      const row = (kind: string, a: string, b: string) => {
        const r = new Y.XmlElement('tableRow');
        r.insert(0, [cell(kind, a), cell(kind, b)]);
        return r;
      };
      const table = new Y.XmlElement('table');
      table.insert(0, [row('tableHeader', 'Partner', 'Role'), row('tableCell', 'Wellbeing service', 'Triage and support')]);
      const frag = writer.doc.getXmlFragment('default');
      frag.insert(frag.length, [list, table, p('See the UUK framework', { link: { href: 'https://www.universitiesuk.ac.uk/' } })]);
    });
    await stored(documentId, 'See the UUK framework');
  });
  afterAll(async () => {
    writer?.destroy();
    await server?.close();
  });

  it('answers "why does this say this?" for a section: the decision, its round result and strength', async () => {
    const trace = (await memberHe.ok(`query($d: ID!, $s: String) { documentTrace(documentId: $d, sectionId: $s) { sectionId title decisions { ref status strength } results { roundTitle criterion verdict n strength } findings { id } caseStudies { id } annotations { id } } }`, { d: documentId, s: scope.id })).documentTrace;
    expect(trace).toHaveLength(1);
    expect(trace[0]).toMatchObject({ sectionId: scope.id, title: 'Scope', decisions: [{ ref: decisionRef, status: 'AGREED', strength: '100% of HE and 100% of NHS members rated 7–9' }] });
    expect(trace[0].results).toEqual([expect.objectContaining({ roundTitle: 'Criteria, round 1', verdict: 'INCLUDE', n: 4 })]);
    const all = (await observer.ok(`query($d: ID!) { documentTrace(documentId: $d) { title } }`, { d: documentId })).documentTrace;
    expect(all.map((t: { title: string }) => t.title)).toContain('Common challenges');
    expect(codeOf(await reviewer.gql(`query($d: ID!) { documentTrace(documentId: $d) { title } }`, { d: documentId }))).toBe('FORBIDDEN');
    expect(codeOf(await outsider.gql(`query($d: ID!) { documentTrace(documentId: $d) { title } }`, { d: documentId }))).toBe('NOT_FOUND');
  });

  it('exports Markdown with the guidance, the strength of agreed statements and every appendix', async () => {
    const res = await get(`/exports/guidance/${documentId}.md?appendices=${ALL}`, memberHe);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="guidance-on-joint-working-for-student-mental-health-draft-live\.md"$/);
    const md = Buffer.from(await res.arrayBuffer()).toString('utf8');
    keep('guidance.md', Buffer.from(md));
    expect(md).toMatch(/^# Joint working for student mental health: guidance for HE and NHS leaders\n/);
    expect(md).toContain('## Scope');
    expect(md).toContain(`_Agreed (${decisionRef}, Benefits criterion): 100% of HE and 100% of NHS members rated 7–9._`);
    expect(md).toContain('- Agree a named contact in each service\n- Share a referral form');
    expect(md).toContain('| Partner | Role |\n| --- | --- |\n| Wellbeing service | Triage and support |');
    expect(md).toContain('[See the UUK framework](https://www.universitiesuk.ac.uk/)');
    for (const h of ['Decision log', 'Criteria results and consensus strength', 'Case-study summaries', 'Sources', 'Why each section says what it says', 'Glossary for NHS readers']) expect(md).toContain(`# Appendix: ${h}`);
    expect(md).toMatch(new RegExp(`\\| ${decisionRef} \\| \\*\\*Benefits criterion\\*\\*<br>Models must show benefits to students, HEPs and the NHS\\. \\| Agreed \\| .+ \\| 100% of HE and 100% of NHS members rated 7–9 \\|`));
    expect(md).toContain('## Round 1: Criteria, round 1');
    expect(md).toContain('NHS-University Partnerships');
    expect(md).toContain('| **HEP** (higher education provider) | A university or college that teaches degree courses. |');
    // The trace appendix lists the decision under its section.
    const trace = md.slice(md.indexOf('# Appendix: Why each section'));
    expect(trace.slice(trace.indexOf('## Scope'))).toMatch(new RegExp(`^## Scope\\n\\n- \\*\\*${decisionRef}\\*\\* Benefits criterion \\(agreed\\): 100% of HE`));
  });

  it('exports DOCX with Word headings, real lists, tables with a header row and hyperlinks', async () => {
    const docx = await body(`/exports/guidance/${documentId}.docx?appendices=decisions,results`);
    keep('guidance.docx', docx);
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const textOf = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const styled = (style: string) => paragraphs.filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`)).map(textOf);
    expect(styled('Title')).toEqual(['Joint working for student mental health: guidance for HE and NHS leaders']);
    expect(styled('Heading1')).toEqual(expect.arrayContaining(['Joint working for student mental health: guidance for HE and NHS leaders', 'Appendix: Decision log', 'Appendix: Criteria results and consensus strength']));
    expect(styled('Heading2')).toEqual(expect.arrayContaining(['Purpose and audience', 'Scope', 'Common challenges', 'Round 1: Criteria, round 1']));
    const listed = paragraphs.filter((p) => p.includes('<w:numPr>')).map(textOf);
    expect(listed).toEqual(expect.arrayContaining(['Agree a named contact in each service', 'Share a referral form']));
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const guidanceTable = tables.find((t) => t.includes('Wellbeing service'))!;
    expect(guidanceTable).toContain('<w:tblHeader/>');
    expect(textOf(guidanceTable)).toBe('PartnerRoleWellbeing serviceTriage and support');
    expect(tables.some((t) => textOf(t).includes(decisionRef))).toBe(true);
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*><w:r>(?:(?!<\/w:hyperlink>)[\s\S])*See the UUK framework/);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain('Target="https://www.universitiesuk.ac.uk/"');
    expect(xml).toContain(`Agreed (${decisionRef}, Benefits criterion): 100% of HE and 100% of NHS members rated 7–9.`);
  });

  it('exports PDF whose text reads back: headings, lists, tables, strength and appendices', async () => {
    const pdf = await body(`/exports/guidance/${documentId}.pdf?appendices=${ALL}`);
    keep('guidance.pdf', pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, info } = await pdfText(pdf);
    expect(info.Title).toBe('Joint working for student mental health: guidance for HE and NHS leaders');
    const all = flat(pages.join(' '));
    for (const s of ['Purpose and audience', 'Common challenges', 'Agree a named contact in each service', 'Share a referral form', 'Partner', 'Triage and support', 'See the UUK framework', `Agreed (${decisionRef}, Benefits criterion): 100% of HE and 100% of NHS members rated 7–9.`, 'Appendix: Decision log', 'Appendix: Glossary for NHS readers', 'higher education provider', 'Appendix: Sources']) {
      expect(all).toContain(s);
    }
    expect(flat(pages[pages.length - 1])).toMatch(new RegExp(`Page ${pages.length} of ${pages.length}`));
  });

  it('exports a named version as it was saved, and the live draft as it is now', async () => {
    const v = (await editor.ok(`mutation($d: ID!, $n: String!) { createVersion(documentId: $d, name: $n) { id } }`, { d: documentId, n: 'Draft for stakeholders' })).createVersion;
    writer.doc.transact(() => {
      const frag = writer.doc.getXmlFragment('default');
      const e = new Y.XmlElement('paragraph');
      e.insert(0, [new Y.XmlText('Added after the version was saved.')]);
      frag.insert(frag.length, [e]);
    });
    await stored(documentId, 'Added after the version was saved.');
    const res = await get(`/exports/guidance/${documentId}.md?version=${v.id}`, observer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('-draft-for-stakeholders.md"');
    const versionMd = await res.text();
    expect(versionMd).toContain('_Version “Draft for stakeholders”, saved');
    expect(versionMd).not.toContain('Added after the version was saved.');
    expect((await body(`/exports/guidance/${documentId}.md`)).toString()).toContain('Added after the version was saved.');
  });

  it('refuses bad input with a code and writes nothing: unknown version, a format not offered, an unknown appendix, a document too large', async () => {
    const before = readdirSync(server.dataDir, { recursive: true }).sort();
    const expectError = async (path: string, status: number, code: string, extra: Record<string, unknown> = {}) => {
      const res = await get(path, editor);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-disposition')).toBeNull();
      expect((await res.json()).errors[0].extensions).toMatchObject({ code, ...extra });
    };
    await expectError(`/exports/guidance/${documentId}.md?version=00000000-0000-4000-8000-000000000000`, 404, 'NOT_FOUND', { field: 'version' });
    await expectError(`/exports/guidance/${documentId}.md?version=not-a-version`, 404, 'NOT_FOUND');
    await expectError(`/exports/guidance/${documentId}.html`, 400, 'BAD_USER_INPUT', { field: 'format' });
    await expectError(`/exports/methods/${workspaceId}.pdf`, 400, 'BAD_USER_INPUT', { field: 'format' });
    await expectError(`/exports/guidance/${documentId}.md?appendices=decisions,minutes`, 400, 'BAD_USER_INPUT', { field: 'appendices' });
    await expectError(`/exports/guidance/not-an-id.md`, 404, 'NOT_FOUND');
    // A second document with more text than the limit (20,000 characters in this test's server).
    const big = (await editor.ok(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId, title: 'Long annex' } })).createDocument.id;
    const c = await connectClient(server.url, big, editor.token!);
    c.doc.transact(() => {
      const frag = c.doc.getXmlFragment('default');
      for (let i = 0; i < 30; i++) {
        const e = new Y.XmlElement('paragraph');
        e.insert(0, [new Y.XmlText(`Paragraph ${i}: ${'joint working '.repeat(60)}`)]);
        frag.insert(frag.length, [e]);
      }
    });
    await stored(big, 'Paragraph 29:');
    c.destroy();
    await expectError(`/exports/guidance/${big}.pdf`, 413, 'BAD_USER_INPUT', { field: 'document', reason: 'TOO_LARGE', limit: 20000 });
    // The version of one document is not a version of another.
    const v = (await editor.ok(`mutation($d: ID!, $n: String!) { createVersion(documentId: $d, name: $n) { id } }`, { d: big, n: 'Annex v1' })).createVersion;
    await expectError(`/exports/guidance/${documentId}.md?version=${v.id}`, 404, 'NOT_FOUND', { field: 'version' });
    const after = readdirSync(server.dataDir, { recursive: true }).sort();
    expect(after).toEqual(before);
  });

  it('lets leads, editors, members and observers export; a reviewer gets 403, a non-member 404, no session 401', async () => {
    for (const who of [lead, editor, memberNhs, observer]) expect((await get(`/exports/guidance/${documentId}.md`, who)).status).toBe(200);
    const status = async (who: Api | undefined, path: string) => {
      const res = await get(path, who);
      return [res.status, (await res.json()).errors[0].extensions.code];
    };
    for (const path of [`/exports/guidance/${documentId}.pdf`, `/exports/methods/${workspaceId}.md`]) {
      expect(await status(undefined, path)).toEqual([401, 'UNAUTHENTICATED']);
      expect(await status(reviewer, path)).toEqual([403, 'FORBIDDEN']);
      expect(await status(outsider, path)).toEqual([404, 'NOT_FOUND']);
    }
    // Bearer tokens work too; the download is in the audit log.
    expect((await fetch(`${server.url}/exports/guidance/${documentId}.docx`, { headers: { authorization: `Bearer ${editor.token}` } })).status).toBe(200);
    const audit = (await lead.ok(`query($id: ID!) { workspace(id: $id) { auditLog { action } } }`, { id: workspaceId })).workspace.auditLog;
    expect(audit.map((a: { action: string }) => a.action)).toContain('guidance.exported');
  });

  it('keeps a workspace glossary over the built-in one: editors define, edit and remove; others read or nothing', async () => {
    const list = async (who: Api) => (await who.ok(`query($id: ID!) { workspace(id: $id) { glossary { id term expansion explanation source } } }`, { id: workspaceId })).workspace.glossary as { id: string | null; term: string; source: string; explanation: string }[];
    const entries = await list(observer);
    expect(entries.length).toBeGreaterThanOrEqual(30);
    expect(entries.find((e) => e.term === 'HEP')).toMatchObject({ source: 'WORKSPACE', explanation: 'A university or college that teaches degree courses.' });
    expect(entries.find((e) => e.term === 'fitness to study')).toMatchObject({ id: null, source: 'BUILT_IN' });
    const define = (who: Api, term: string) => who.gql(`mutation($i: DefineGlossaryTermInput!) { defineGlossaryTerm(input: $i) { id term source } }`, { i: { workspaceId, term, explanation: 'A week with no teaching.' } });
    expect(codeOf(await define(memberHe, 'reading week'))).toBe('FORBIDDEN');
    expect(codeOf(await define(observer, 'reading week'))).toBe('FORBIDDEN');
    expect(codeOf(await define(outsider, 'reading week'))).toBe('NOT_FOUND');
    const made = (await define(lead, 'Reading  week')).data!.defineGlossaryTerm;
    expect(made).toMatchObject({ term: 'Reading week', source: 'WORKSPACE' });
    const dup = await define(editor, 'reading week');
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    expect(codeOf(await editor.gql(`mutation($i: DefineGlossaryTermInput!) { defineGlossaryTerm(input: $i) { id } }`, { i: { workspaceId, term: 'x'.repeat(81), explanation: 'e' } }))).toBe('BAD_USER_INPUT');
    await editor.ok(`mutation($i: UpdateGlossaryEntryInput!) { updateGlossaryEntry(input: $i) { id } }`, { i: { id: made.id, explanation: 'A week in term with no teaching; many students go home.' } });
    expect((await list(memberHe)).find((e) => e.term === 'Reading week')?.explanation).toBe('A week in term with no teaching; many students go home.');
    expect(codeOf(await memberHe.gql(`mutation($id: ID!) { removeGlossaryEntry(id: $id) }`, { id: made.id }))).toBe('FORBIDDEN');
    await editor.ok(`mutation($id: ID!) { removeGlossaryEntry(id: $id) }`, { id: made.id });
    expect((await list(memberHe)).find((e) => e.term.toLowerCase() === 'reading week')).toMatchObject({ id: null, source: 'BUILT_IN' });
    const r = await reviewer.gql(`query($id: ID!) { workspace(id: $id) { glossary { term } } }`, { id: workspaceId });
    expect(codeOf(r)).toBe('FORBIDDEN');
  });
});
