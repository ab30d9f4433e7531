// Literature: sources and findings mapped to guidance sections by the heading's stable id (surviving a
// rename); the coverage matrix (findings, case studies, evidence annotations per section × challenge);
// evidence annotations citing a finding or a case study; "why does this say this?" per section.
import { anchorFromOffsets, linearText } from '@concord/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { Client, connectClient } from './support/collab';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

const COVERAGE = `query($d: ID!) { coverage(documentId: $d) { challenges gapCount rows { sectionId title cells { challenge findings caseStudies annotations total gap } } } }`;
const CELL = `query($d: ID!) { coverage(documentId: $d) { rows { sectionId cells { challenge contents { findings { id text } caseStudies { id model { name } } annotations { id body findingId caseStudyId } } } } } }`;
const FINDING = `mutation($i: AddFindingInput!) { addFinding(input: $i) { id kind text reference tags illustrative source { title } sections { sectionId title present } } }`;

describe('literature, mapping and coverage', () => {
  let server: TestServer;
  let lead: Api, editor: Api, he: Api, observer: Api, reviewer: Api;
  let workspaceId: string, documentId: string, otherWorkspace: string, otherDocument: string, otherFinding: string;
  let live: Client;
  let sourceId: string, findingId: string, caseStudyId: string;

  type Cell = { challenge: string; findings: number; caseStudies: number; annotations: number; total: number; gap: boolean };
  type Row = { sectionId: string | null; title: string; cells: Cell[] };
  const coverage = async (who: Api = editor) => (await who.ok(COVERAGE, { d: documentId })).coverage as { challenges: string[]; gapCount: number; rows: Row[] };
  const cellOf = (rows: Row[], sectionId: string | null, challenge: string) => rows.find((r) => r.sectionId === sectionId)?.cells.find((c) => c.challenge === challenge);
  const heading = (id: string) => (live.doc.getXmlFragment('default').toArray() as Y.XmlElement[]).find((e) => e.nodeName === 'heading' && e.getAttribute('id') === id)!;
  const annotate = async (who: Api, quote: string, input: Record<string, unknown>) => {
    const { text } = linearText(live.doc);
    const start = text.indexOf(quote);
    const anchor = anchorFromOffsets(live.doc, start, start + quote.length);
    return who.gql(`mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { id kind findingId caseStudyId sectionId } }`, { i: { documentId, kind: 'EVIDENCE', anchor, quote, body: 'Evidence', ...input } });
  };

  beforeAll(async () => {
    server = await startServer();
    const anon = new Api(server.url);
    [lead, editor, he, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = await lead.ok(`{ workspaces { id documents { id } } }`);
    workspaceId = ws.workspaces[0].id;
    documentId = ws.workspaces[0].documents[0].id;
    otherWorkspace = (await lead.ok(`mutation { createWorkspace(input: { name: "Elsewhere", organisation: "Org", sector: HE }) { id } }`)).createWorkspace.id;
    otherDocument = (await lead.ok(`mutation($w: ID!) { createDocument(input: { workspaceId: $w, title: "Other" }) { id } }`, { w: otherWorkspace })).createDocument.id;
    const src = await lead.ok(`mutation($w: ID!) { createSource(input: { workspaceId: $w, title: "Other report", authors: "Other org", type: REPORT }) { id } }`, { w: otherWorkspace });
    otherFinding = (await lead.ok(`mutation($s: ID!) { addFinding(input: { sourceId: $s, kind: CHALLENGE, text: "Elsewhere" }) { id } }`, { s: src.createSource.id })).addFinding.id;
    live = await connectClient(server.url, documentId, editor.token!);
  });
  afterAll(async () => {
    live?.destroy();
    await server?.close();
  });

  it('is seeded with the sources SPEC names and illustrative findings mapped to the outline', async () => {
    const r = await observer.ok(`query($id: ID!) { workspace(id: $id) { sources { title authors year publisher type findings { illustrative } } findings { text illustrative sections { sectionId title present } } } }`, { id: workspaceId });
    const titles = r.workspace.sources.map((s: { title: string }) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['NHS-University Partnerships: Working Together for Student Mental Health', 'Working Better Together to Support Student Mental Health', 'Mental health challenge competition: case studies']));
    const uuk = r.workspace.sources.find((s: { authors: string }) => s.authors === 'Universities UK');
    expect(uuk).toMatchObject({ year: 2022, type: 'REPORT' });
    expect(r.workspace.findings.length).toBeGreaterThanOrEqual(4);
    expect(r.workspace.findings.every((f: { illustrative: boolean; text: string }) => f.illustrative && /illustrative/.test(f.text))).toBe(true);
    expect(r.workspace.findings[0].sections).toEqual([
      { sectionId: 'sec-common-challenges', title: 'Common challenges', present: true },
      { sectionId: 'sec-solutions-and-principles-for-joint-worki', title: 'Solutions and principles for joint working', present: true },
    ]);
  });

  it('members add sources and findings; tags and sections are checked against the workspace, and bad input writes nothing', async () => {
    expect(codeOf(await observer.gql(`mutation($w: ID!) { createSource(input: { workspaceId: $w, title: "t", authors: "a", type: REPORT }) { id } }`, { w: workspaceId }))).toBe('FORBIDDEN');
    const badUrl = await he.gql(`mutation($w: ID!) { createSource(input: { workspaceId: $w, title: "t", authors: "a", type: REPORT, url: "javascript:alert(1)" }) { id } }`, { w: workspaceId });
    expect([codeOf(badUrl), badUrl.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.url']);
    const s = await he.ok(`mutation($w: ID!) { createSource(input: { workspaceId: $w, title: "Student Minds: University Mental Health Charter", authors: "Student Minds", year: 2019, publisher: "Student Minds", url: "https://example.org/charter", type: GUIDANCE }) { id type year } }`, { w: workspaceId });
    sourceId = s.createSource.id;
    expect(s.createSource).toMatchObject({ type: 'GUIDANCE', year: 2019 });
    const before = Number((await server.db.query('SELECT count(*) AS n FROM findings').then((r) => r.rows[0])).n);
    const badTag = await he.gql(FINDING, { i: { sourceId, kind: 'CHALLENGE', text: 'x', tags: ['Parking'] } });
    expect([codeOf(badTag), badTag.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.tags']);
    const badSection = await he.gql(FINDING, { i: { sourceId, kind: 'CHALLENGE', text: 'x', sections: [{ documentId, sectionId: 'sec-no-such-heading' }] } });
    expect([codeOf(badSection), badSection.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.sections.0.sectionId']);
    const foreignDoc = await he.gql(FINDING, { i: { sourceId, kind: 'CHALLENGE', text: 'x', sections: [{ documentId: otherDocument, sectionId: 's0' }] } });
    expect([codeOf(foreignDoc), foreignDoc.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.sections.0.documentId']);
    expect(codeOf(await he.gql(FINDING, { i: { sourceId, kind: 'OPINION', text: 'x' } }))).toBe('BAD_USER_INPUT');
    expect(Number((await server.db.query('SELECT count(*) AS n FROM findings').then((r) => r.rows[0])).n)).toBe(before);

    const f = await he.ok(FINDING, { i: { sourceId, kind: 'GOOD_PRACTICE', text: 'Named GP registration support at enrolment.', reference: 'p. 12', tags: ['GP registration'], sections: [{ documentId, sectionId: 'sec-common-challenges' }] } });
    findingId = f.addFinding.id;
    expect(f.addFinding).toMatchObject({ kind: 'GOOD_PRACTICE', reference: 'p. 12', tags: ['GP registration'], illustrative: false, source: { title: 'Student Minds: University Mental Health Charter' } });
    expect(f.addFinding.sections).toEqual([{ sectionId: 'sec-common-challenges', title: 'Common challenges', present: true }]);
  });

  it('counts findings per section × challenge, highlights gaps, and lists what a cell holds', async () => {
    const m = await coverage(observer);
    expect(m.challenges).toContain('GP registration');
    expect(m.rows[0].title).toMatch(/Joint working for student mental health/);
    expect(cellOf(m.rows, 'sec-common-challenges', 'GP registration')).toEqual({ challenge: 'GP registration', findings: 1, caseStudies: 0, annotations: 0, total: 1, gap: false });
    expect(cellOf(m.rows, 'sec-common-challenges', 'Information sharing and consent')!.findings).toBe(1);
    expect(cellOf(m.rows, 'sec-scope', 'GP registration')).toMatchObject({ total: 0, gap: true });
    const gaps = m.rows.filter((r) => r.sectionId).reduce((n, r) => n + r.cells.filter((c) => c.gap).length, 0);
    expect(m.gapCount).toBe(gaps);
    // The seeded finding mapped to no section sits in the unmapped row, which is never a "gap".
    expect(cellOf(m.rows, null, 'Data and outcomes')).toMatchObject({ findings: 1, gap: false });
    // The seeded submitted case study is mapped nowhere yet: its challenges count in the unmapped row.
    expect(cellOf(m.rows, null, 'Referral thresholds')!.caseStudies).toBe(1);
    const cells = (await observer.ok(CELL, { d: documentId })).coverage.rows;
    const contents = cells.find((r: Row) => r.sectionId === 'sec-common-challenges').cells.find((c: Cell) => c.challenge === 'GP registration').contents;
    expect(contents.findings).toEqual([{ id: findingId, text: 'Named GP registration support at enrolment.' }]);
    expect(codeOf(await reviewer.gql(COVERAGE, { d: documentId }))).toBe('FORBIDDEN');
    expect(codeOf(await he.gql(COVERAGE, { d: otherDocument }))).toBe('NOT_FOUND');
  });

  it('a mapping survives renaming the heading: it follows the stable id', async () => {
    const h = heading('sec-common-challenges');
    const text = h.get(0) as Y.XmlText;
    live.doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, 'Recurring challenges for HEPs and the NHS');
    });
    const read = () => he.ok(`query($id: ID!) { workspace(id: $id) { findings { id sections { sectionId title present } } } }`, { id: workspaceId });
    let f = await read();
    // The rename reaches the server over the collaboration socket; wait until it is stored.
    for (let i = 0; i < 50 && f.workspace.findings.find((x: { id: string }) => x.id === findingId).sections[0].title === 'Common challenges'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      f = await read();
    }
    expect(f.workspace.findings.find((x: { id: string }) => x.id === findingId).sections).toEqual([{ sectionId: 'sec-common-challenges', title: 'Recurring challenges for HEPs and the NHS', present: true }]);
    const m = await coverage();
    const row = m.rows.find((r) => r.sectionId === 'sec-common-challenges')!;
    expect(row.title).toBe('Recurring challenges for HEPs and the NHS');
    expect(cellOf(m.rows, 'sec-common-challenges', 'GP registration')!.findings).toBe(1);
  });

  it('a case study mapped to a section counts there under the challenges it addresses', async () => {
    const ws = await editor.ok(`query($id: ID!) { workspace(id: $id) { caseStudies { id } } }`, { id: workspaceId });
    caseStudyId = ws.workspace.caseStudies[0].id;
    const bad = await editor.gql(`mutation($i: MapCaseStudyInput!) { mapCaseStudy(input: $i) { id } }`, { i: { submissionId: caseStudyId, sections: [{ documentId: otherDocument, sectionId: 's0' }] } });
    expect([codeOf(bad), bad.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.sections.0.documentId']);
    const mapped = await editor.ok(`mutation($i: MapCaseStudyInput!) { mapCaseStudy(input: $i) { id sections { sectionId title } } }`, {
      i: { submissionId: caseStudyId, sections: [{ documentId, sectionId: 'sec-models-of-good-practice' }] },
    });
    expect(mapped.mapCaseStudy.sections).toEqual([{ sectionId: 'sec-models-of-good-practice', title: 'Models of good practice' }]);
    const m = await coverage();
    expect(cellOf(m.rows, 'sec-models-of-good-practice', 'Referral thresholds')!.caseStudies).toBe(1);
    expect(cellOf(m.rows, 'sec-models-of-good-practice', 'Waiting times')!.caseStudies).toBe(1);
    expect(cellOf(m.rows, 'sec-models-of-good-practice', 'GP registration')!.caseStudies).toBe(0);
    expect(cellOf(m.rows, null, 'Referral thresholds')?.caseStudies ?? 0).toBe(0);
  });

  it('evidence annotations cite a finding or a case study of the workspace; foreign links are refused and nothing is written', async () => {
    const before = Number((await server.db.query('SELECT count(*) AS n FROM annotations').then((r) => r.rows[0])).n);
    const foreign = await annotate(he, 'Scope', { findingId: otherFinding });
    expect([codeOf(foreign), foreign.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.findingId']);
    const foreignCase = await annotate(he, 'Scope', { caseStudyId: otherFinding });
    expect([codeOf(foreignCase), foreignCase.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.caseStudyId']);
    const notEvidence = await he.gql(`mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { id } }`, { i: { documentId, kind: 'COMMENT', anchor: 'x.y', quote: 'Scope', body: 'b', findingId } });
    expect(codeOf(notEvidence)).toBe('BAD_USER_INPUT');
    expect(Number((await server.db.query('SELECT count(*) AS n FROM annotations').then((r) => r.rows[0])).n)).toBe(before);

    const a = await annotate(he, 'Students in higher education in England', { findingId, tags: ['GP registration'] });
    expect(a.data!.addAnnotation).toMatchObject({ kind: 'EVIDENCE', findingId, caseStudyId: null, sectionId: 'sec-scope' });
    const b = await annotate(he, 'Case studies of models that meet the agreed criteria.', { caseStudyId, tags: ['Waiting times'] });
    expect(b.data!.addAnnotation).toMatchObject({ caseStudyId, sectionId: 'sec-models-of-good-practice' });
    const m = await coverage();
    expect(cellOf(m.rows, 'sec-scope', 'GP registration')).toMatchObject({ annotations: 1, gap: false });
    expect(cellOf(m.rows, 'sec-models-of-good-practice', 'Waiting times')).toMatchObject({ caseStudies: 1, annotations: 1, total: 2 });
  });

  it('“why does this say this?” lists a section’s findings, case studies and evidence annotations', async () => {
    const q = `query($d: ID!, $s: String!) { sectionEvidence(documentId: $d, sectionId: $s) { findings { id text source { title } } caseStudies { id status model { name } } annotations { body quote findingId caseStudyId author { user { name } } } } }`;
    const scope = (await observer.ok(q, { d: documentId, s: 'sec-scope' })).sectionEvidence;
    expect(scope.findings.map((f: { id: string }) => f.id)).toEqual([findingId]);
    expect(scope.annotations).toEqual([expect.objectContaining({ quote: 'Students in higher education in England', findingId, author: { user: { name: 'Hannah Okafor' } } })]);
    const models = (await observer.ok(q, { d: documentId, s: 'sec-models-of-good-practice' })).sectionEvidence;
    expect(models.caseStudies).toEqual([{ id: caseStudyId, status: 'SUBMITTED', model: { name: expect.stringMatching(/liaison/i) } }]);
    expect(models.findings.length).toBe(1); // the seeded good-practice finding mapped here
    expect(models.annotations.map((x: { caseStudyId: string }) => x.caseStudyId)).toEqual([caseStudyId]);
    expect(codeOf(await reviewer.gql(q, { d: documentId, s: 'sec-scope' }))).toBe('FORBIDDEN');
  });
});
