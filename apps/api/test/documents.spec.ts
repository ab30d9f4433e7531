// Documents and versions over GraphQL, with live clients on ws /collab.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { appendParagraph, Client, connectClient, eventually, text } from './support/collab';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

describe('documents and versions', () => {
  let server: TestServer;
  let lead: Api;
  let editor: Api;
  let member: Api;
  let observer: Api;
  let reviewer: Api;
  let workspaceId: string;
  let documentId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startServer();
    const anon = new Api(server.url);
    [lead, editor, member, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = await lead.ok(`{ workspaces { id documents { id } } }`);
    workspaceId = ws.workspaces[0].id;
    documentId = ws.workspaces[0].documents[0].id;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
  });

  it('reads the seeded draft as sections with word counts, and as Markdown', async () => {
    const d = await observer.ok(`query($id: ID!) { document(id: $id) { title sections { id title level wordCount } markdown } }`, { id: documentId });
    expect(d.document.sections.map((s: { title: string }) => s.title)).toContain('Common challenges');
    expect(d.document.sections.every((s: { wordCount: number }) => s.wordCount > 0)).toBe(true);
    expect(d.document.markdown).toMatch(/^# Joint working for student mental health/);
    expect(d.document.markdown).toContain('## Funding and commissioning');
  });

  it('editors create and rename documents; members may not; reviewers cannot see them', async () => {
    const created = await editor.ok(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id title wordBudget } }`, { i: { workspaceId, title: 'Case-study annex', wordBudget: 1500 } });
    expect(created.createDocument).toMatchObject({ title: 'Case-study annex', wordBudget: 1500 });
    const renamed = await editor.ok(`mutation($i: UpdateDocumentInput!) { updateDocument(input: $i) { title } }`, { i: { id: created.createDocument.id, title: 'Annex: case studies' } });
    expect(renamed.updateDocument.title).toBe('Annex: case studies');
    expect(codeOf(await member.gql(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId, title: 'x' } }))).toBe('FORBIDDEN');
    expect((await reviewer.ok(`query($id: ID!) { document(id: $id) { id } }`, { id: documentId })).document).toBeNull();
    const bad = await editor.gql(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId, title: '   ' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('input.title');
  });

  it('creates a version, keeps it read-only while the draft moves on, and restores it live for everyone', async () => {
    const a = await connectClient(server.url, documentId, member.token!);
    const b = await connectClient(server.url, documentId, editor.token!);
    clients.push(a, b);
    appendParagraph(a.doc, 'Agreed wording before the stakeholder draft.');
    await eventually(() => text(b.doc).includes('Agreed wording'), 'b to see the edit');
    await new Promise((r) => setTimeout(r, 100));

    const v = await editor.ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "Draft for stakeholders") { id name createdByName } }`, { d: documentId });
    expect(v.createVersion).toMatchObject({ name: 'Draft for stakeholders', createdByName: 'Tom Editor' });
    const versionId = v.createVersion.id;

    appendParagraph(a.doc, 'A later paragraph that the restore removes.');
    await eventually(() => text(b.doc).includes('A later paragraph'), 'b to see the later edit');
    await new Promise((r) => setTimeout(r, 100));
    const version = await observer.ok(`query($id: ID!) { documentVersion(id: $id) { name markdown } }`, { id: versionId });
    expect(version.documentVersion.markdown).toContain('Agreed wording before the stakeholder draft.');
    expect(version.documentVersion.markdown).not.toContain('A later paragraph');

    const diff = await observer.ok(`query($v: ID!) { diffVersions(fromVersionId: $v) { kind text } }`, { v: versionId });
    const added = diff.diffVersions.filter((c: { kind: string }) => c.kind === 'ADDED').map((c: { text: string }) => c.text).join('');
    expect(added).toContain('A later paragraph that the restore removes.');
    expect(diff.diffVersions.filter((c: { kind: string }) => c.kind === 'REMOVED')).toEqual([]);
    expect(diff.diffVersions.map((c: { text: string }) => c.text).join('')).toContain('Agreed wording before the stakeholder draft.');
    const state = await observer.ok(`query($id: ID!) { documentVersion(id: $id) { state } }`, { id: versionId });
    const restoredDoc = new Y.Doc();
    Y.applyUpdate(restoredDoc, Buffer.from(state.documentVersion.state, 'base64'));
    expect(text(restoredDoc)).toContain('Agreed wording before the stakeholder draft.');
    restoredDoc.destroy();

    expect(codeOf(await editor.gql(`mutation($v: ID!) { restoreVersion(versionId: $v) { id } }`, { v: versionId }))).toBe('FORBIDDEN');
    await lead.ok(`mutation($v: ID!) { restoreVersion(versionId: $v) { id } }`, { v: versionId });
    await eventually(() => !text(a.doc).includes('A later paragraph') && !text(b.doc).includes('A later paragraph'), 'both clients to see the restore');
    expect(text(a.doc)).toContain('Agreed wording before the stakeholder draft.');
    expect(text(a.doc)).toBe(text(b.doc));
    const live = await observer.ok(`query($id: ID!) { document(id: $id) { markdown versions { name } } }`, { id: documentId });
    expect(live.document.markdown).not.toContain('A later paragraph');
    expect(live.document.versions.map((x: { name: string }) => x.name)).toEqual(['Draft for stakeholders']);
    const removed = await observer.ok(`query($v: ID!) { diffVersions(fromVersionId: $v) { kind text } }`, { v: versionId });
    expect(removed.diffVersions.every((c: { kind: string }) => c.kind === 'UNCHANGED')).toBe(true);
    const audit = await server.db.query(`SELECT action FROM audit_events WHERE action IN ('version.created', 'version.restored') ORDER BY created_at`);
    expect(audit.rows.map((r) => r.action)).toEqual(['version.created', 'version.restored']);
  });

  it('restores a document that nobody has open, and the next client loads the restored text', async () => {
    const created = await editor.ok(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { id } }`, { i: { workspaceId, title: 'Closed document' } });
    const id = created.createDocument.id;
    const c = await connectClient(server.url, id, editor.token!);
    appendParagraph(c.doc, 'first state');
    await new Promise((r) => setTimeout(r, 150));
    const v = await editor.ok(`mutation($d: ID!) { createVersion(documentId: $d, name: "v1") { id } }`, { d: id });
    appendParagraph(c.doc, 'second state');
    await new Promise((r) => setTimeout(r, 150));
    c.destroy();
    await lead.ok(`mutation($v: ID!) { restoreVersion(versionId: $v) { id } }`, { v: v.createVersion.id });
    const again = await connectClient(server.url, id, editor.token!);
    clients.push(again);
    expect(text(again.doc)).toContain('first state');
    expect(text(again.doc)).not.toContain('second state');
  });

  it('members and observers may not create versions', async () => {
    for (const who of [member, observer]) {
      expect(codeOf(await who.gql(`mutation($d: ID!) { createVersion(documentId: $d, name: "x") { id } }`, { d: documentId }))).toBe('FORBIDDEN');
    }
  });
});
