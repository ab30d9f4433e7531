// Annotations on the live draft: anchors made by a stock y-websocket client, checked by the server,
// followed through edits, orphaned on deletion; statuses by role; suggestions applied live.
import { anchorFromOffsets, linearText } from '@concord/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { appendParagraph, Client, connectClient, eventually, text } from './support/collab';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';
import { subscribe } from './support/subscriptions';

const ADD = `mutation($i: AddAnnotationInput!) { addAnnotation(input: $i) { id kind status quote sectionTitle tags author { user { email } } } }`;
const LIST = `query($d: ID!, $s: AnnotationStatus) { document(id: $d) { annotations(status: $s) { id status quote body edited replies { body author { user { email } } } } } }`;

describe('annotations', () => {
  let server: TestServer;
  let lead: Api, editor: Api, member: Api, memberNhs: Api, observer: Api, reviewer: Api;
  let documentId: string;
  let writer: Client;
  let memberIds: Record<string, string>;
  const clients: Client[] = [];

  /** Anchor and quote of the first occurrence of `quote` in the client's document. */
  const anchorOf = (doc: Y.Doc, quote: string) => {
    const start = linearText(doc).text.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in the document`);
    return { anchor: anchorFromOffsets(doc, start, start + quote.length), quote };
  };
  const paragraph = async (content: string) => {
    appendParagraph(writer.doc, content);
    await new Promise((r) => setTimeout(r, 150));
  };
  const add = (who: Api, quote: string, extra: Record<string, unknown> = {}) => who.gql(ADD, { i: { documentId, kind: 'COMMENT', body: 'A comment.', ...anchorOf(writer.doc, quote), ...extra } });
  const count = async (table: string) => (await server.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

  beforeAll(async () => {
    server = await startServer();
    const anon = new Api(server.url);
    [lead, editor, member, memberNhs, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.memberNhs, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = await lead.ok(`{ workspaces { documents { id } members { id user { email } } } }`);
    documentId = ws.workspaces[0].documents[0].id;
    memberIds = Object.fromEntries(ws.workspaces[0].members.map((m: { id: string; user: { email: string } }) => [m.user.email, m.id]));
    writer = await connectClient(server.url, documentId, editor.token!);
    clients.push(writer);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
  });

  it('a member comments on a passage, with its section, tags and the quote checked by the server', async () => {
    const r = await add(member, 'Information sharing and consent', { tags: ['Information sharing and consent', 'GP registration'] });
    expect(r.errors).toBeUndefined();
    expect(r.data!.addAnnotation).toMatchObject({ kind: 'COMMENT', status: 'OPEN', quote: 'Information sharing and consent', sectionTitle: 'Common challenges', author: { user: { email: DEMO.memberHe } } });
  });

  it.each([
    ['a quote that is not the text at the anchor', (a: { anchor: string }) => ({ ...a, quote: 'something else' }), 'input.quote'],
    ['an anchor that is not an anchor', (a: { quote: string }) => ({ ...a, anchor: 'abc.def' }), 'input.anchor'],
    ['an empty body', (a: object) => ({ ...a, body: '   ' }), 'input.body'],
    ['a body over 10,000 characters', (a: object) => ({ ...a, body: 'x'.repeat(10_001) }), 'input.body'],
    ['a tag the workspace does not have', (a: object) => ({ ...a, tags: ['Parking'] }), 'input.tags'],
    ['a mention of someone who is not a member', (a: object) => ({ ...a, mentions: ['00000000-0000-4000-8000-000000000000'] }), 'input.mentions'],
    ['a suggestion without replacement text', (a: object) => ({ ...a, kind: 'SUGGESTION' }), 'input.suggestion'],
    ['evidence without a link', (a: object) => ({ ...a, kind: 'EVIDENCE' }), 'input.evidenceUrl'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_label, change, field) => {
    const before = await count('annotations');
    const base = { documentId, kind: 'COMMENT', body: 'Body.', ...anchorOf(writer.doc, 'GP registration') };
    const r = await member.gql(ADD, { i: change(base as never) });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe(field);
    expect(await count('annotations')).toBe(before);
  });

  it('an anchor from another document is outside this one', async () => {
    const other = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Information sharing and consent elsewhere')]);
    other.getXmlFragment('default').insert(0, [p]);
    const r = await member.gql(ADD, { i: { documentId, kind: 'COMMENT', body: 'x', anchor: anchorFromOffsets(other, 0, 11), quote: 'Information' } });
    expect(r.errors![0].extensions!.field).toBe('input.anchor');
    other.destroy();
  });

  it('the anchor follows its text through edits, and the annotation is orphaned (keeping its quote) when the text is deleted', async () => {
    await paragraph('Waiting times vary widely across regions.');
    const r = await add(memberNhs, 'vary widely');
    const id = r.data!.addAnnotation.id;
    const other = await connectClient(server.url, documentId, member.token!);
    clients.push(other);
    const t = () => (other.doc.getXmlFragment('default').toArray() as Y.XmlElement[]).map((e) => e.get(0)).find((x) => x instanceof Y.XmlText && x.toString().includes('vary')) as Y.XmlText;
    t().insert(0, 'In 2026, ');
    await eventually(() => text(writer.doc).includes('In 2026, Waiting'), 'the edit to arrive');
    await new Promise((r) => setTimeout(r, 150));
    let list = await observer.ok(LIST, { d: documentId });
    expect(list.document.annotations.find((a: { id: string }) => a.id === id).status).toBe('OPEN');
    const at = t().toString().indexOf('vary widely');
    t().delete(at, 'vary widely'.length);
    await eventually(() => !text(writer.doc).includes('vary widely'), 'the deletion to arrive');
    await new Promise((r) => setTimeout(r, 150));
    list = await observer.ok(LIST, { d: documentId, s: 'ORPHANED' });
    expect(list.document.annotations.map((a: { id: string; quote: string }) => [a.id, a.quote])).toEqual([[id, 'vary widely']]);
  });

  it('statuses change only as allowed: OPEN ⇄ RESOLVED, by the author or an editor/lead; observers never', async () => {
    await paragraph('Crisis pathways need a named contact.');
    const id = (await add(member, 'named contact')).data!.addAnnotation.id;
    const resolve = (who: Api) => who.gql(`mutation($id: ID!) { resolveAnnotation(id: $id) { status } }`, { id });
    const reopen = (who: Api) => who.gql(`mutation($id: ID!) { reopenAnnotation(id: $id) { status } }`, { id });
    expect(codeOf(await resolve(memberNhs))).toBe('FORBIDDEN'); // another member's
    expect(codeOf(await resolve(observer))).toBe('FORBIDDEN');
    expect(codeOf(await reopen(member))).toBe('CONFLICT'); // OPEN cannot be reopened
    expect((await resolve(member)).data!.resolveAnnotation.status).toBe('RESOLVED');
    expect(codeOf(await resolve(editor))).toBe('CONFLICT'); // already resolved
    expect((await reopen(editor)).data!.reopenAnnotation.status).toBe('OPEN');
    expect((await resolve(lead)).data!.resolveAnnotation.status).toBe('RESOLVED');
    expect(codeOf(await member.gql(`mutation($id: ID!) { acceptSuggestion(id: $id) { status } }`, { id }))).toBe('FORBIDDEN');
    expect(codeOf(await editor.gql(`mutation($id: ID!) { acceptSuggestion(id: $id) { status } }`, { id }))).toBe('CONFLICT'); // not a suggestion
  });

  it('accepting a suggestion replaces the text live for everyone and marks it ACCEPTED', async () => {
    await paragraph('Students should register with a GP near campus.');
    const id = (await add(member, 'near campus', { kind: 'SUGGESTION', suggestion: 'at their term-time address', body: 'Clearer.' })).data!.addAnnotation.id;
    const watcher = await connectClient(server.url, documentId, observer.token!);
    clients.push(watcher);
    const r = await editor.gql(`mutation($id: ID!) { acceptSuggestion(id: $id) { status } }`, { id });
    expect(r.data?.acceptSuggestion.status).toBe('ACCEPTED');
    await eventually(() => text(watcher.doc).includes('register with a GP at their term-time address.'), 'the observer to see the accepted edit');
    expect(text(writer.doc)).not.toContain('near campus');
    expect(codeOf(await editor.gql(`mutation($id: ID!) { acceptSuggestion(id: $id) { status } }`, { id }))).toBe('CONFLICT');
  });

  it('a suggestion whose text has changed is a CONFLICT, and nothing changes', async () => {
    await paragraph('Funding comes from two sources.');
    const id = (await add(member, 'two sources', { kind: 'SUGGESTION', suggestion: 'several sources', body: 'More accurate.' })).data!.addAnnotation.id;
    const t = (writer.doc.getXmlFragment('default').toArray() as Y.XmlElement[]).map((e) => e.get(0)).find((x) => x instanceof Y.XmlText && x.toString().includes('two sources')) as Y.XmlText;
    t.insert(t.toString().indexOf('sources'), 'main ');
    await new Promise((r) => setTimeout(r, 200));
    const before = text(writer.doc);
    const r = await editor.gql(`mutation($id: ID!) { acceptSuggestion(id: $id) { status } }`, { id });
    expect(codeOf(r)).toBe('CONFLICT');
    expect(r.errors![0].extensions!.reason).toBe('STALE_QUOTE');
    await new Promise((r2) => setTimeout(r2, 200));
    expect(text(writer.doc)).toBe(before);
    expect((await server.db.query('SELECT status FROM annotations WHERE id = $1', [id])).rows[0].status).toBe('OPEN');
    expect((await editor.gql(`mutation($id: ID!) { rejectSuggestion(id: $id) { status } }`, { id })).data!.rejectSuggestion.status).toBe('REJECTED');
  });

  it('replies and @mentions notify the people mentioned', async () => {
    const id = (await add(member, 'referral thresholds', { mentions: [memberIds[DEMO.memberNhs]] })).data!.addAnnotation.id;
    await lead.ok(`mutation($a: ID!, $b: String!, $m: [ID!]) { replyToAnnotation(annotationId: $a, body: $b, mentions: $m) { id } }`, { a: id, b: 'Agreed — see the Nous report.', m: [memberIds[DEMO.memberHe]] });
    const nhs = await memberNhs.ok(`{ notifications(unreadOnly: true) { kind message link } }`);
    expect(nhs.notifications[0]).toMatchObject({ kind: 'MENTION', link: expect.stringContaining(id) });
    expect(nhs.notifications[0].message).toContain('referral thresholds');
    const he = await member.ok(`{ notifications { id kind message } }`);
    expect(he.notifications[0].message).toContain('mentioned you in a reply');
    expect((await member.ok(`mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids: [he.notifications[0].id] })).markNotificationsRead).toBe(1);
    const list = await observer.ok(LIST, { d: documentId });
    expect(list.document.annotations.find((a: { id: string }) => a.id === id).replies).toEqual([{ body: 'Agreed — see the Nous report.', author: { user: { email: DEMO.lead } } }]);
  });

  it('authors edit their own text (earlier text kept); deletion is soft and audited', async () => {
    await paragraph('Data and outcomes are rarely shared.');
    const id = (await add(member, 'Data and outcomes', { body: 'First wording.' })).data!.addAnnotation.id;
    expect(codeOf(await memberNhs.gql(`mutation($i: EditTextInput!) { editAnnotation(input: $i) { id } }`, { i: { id, body: 'Hijack.' } }))).toBe('FORBIDDEN');
    const edited = await member.ok(`mutation($i: EditTextInput!) { editAnnotation(input: $i) { body edited } }`, { i: { id, body: 'Second wording.' } });
    expect(edited.editAnnotation).toEqual({ body: 'Second wording.', edited: true });
    expect((await server.db.query('SELECT previous_body FROM annotation_edits WHERE target_id = $1', [id])).rows).toEqual([{ previous_body: 'First wording.' }]);
    expect(codeOf(await memberNhs.gql(`mutation($id: ID!) { deleteAnnotation(id: $id) }`, { id }))).toBe('FORBIDDEN');
    expect((await member.ok(`mutation($id: ID!) { deleteAnnotation(id: $id) }`, { id })).deleteAnnotation).toBe(true);
    expect((await observer.ok(LIST, { d: documentId })).document.annotations.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await server.db.query(`SELECT deleted_at IS NOT NULL AS gone FROM annotations WHERE id = $1`, [id])).rows[0].gone).toBe(true);
    expect((await server.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'annotation.deleted' AND target_id = $1`, [id])).rows[0].n).toBe(1);
  });

  it('annotationChanged reaches members who may read the document, and nobody else', async () => {
    const SUB = `subscription($d: ID!) { annotationChanged(documentId: $d) { id status quote author { user { email } } } }`;
    const watcher = subscribe(server.url, SUB, { d: documentId }, { token: observer.token });
    const reviewerSub = subscribe(server.url, SUB, { d: documentId }, { token: reviewer.token });
    const anonymous = subscribe(server.url, SUB, { d: documentId }, {});
    const crossSite = subscribe(server.url, SUB, { d: documentId }, { headers: { cookie: `concord_session=${member.token}`, origin: 'https://evil.example' } });
    // A member who will be removed while subscribed.
    const invite = await lead.ok(`mutation($i: InviteMemberInput!) { inviteMember(input: $i) { link } }`, { i: { workspaceId: (await lead.ok('{ workspaces { id } }')).workspaces[0].id, email: 'leaving@example.org', role: 'MEMBER', organisation: 'Temp', sector: 'HE' } });
    const leaving = await new Api(server.url).ok(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token } }`, { i: { token: invite.inviteMember.link.split('/invite/')[1], name: 'Leaving Soon', password: 'a-long-password-1' } });
    const leaverSub = subscribe(server.url, SUB, { d: documentId }, { token: leaving.acceptInvitation.token });
    await new Promise((r) => setTimeout(r, 400));

    await paragraph('Subscriptions carry changes live.');
    const first = (await add(member, 'carry changes live')).data!.addAnnotation.id;
    await eventually(() => watcher.events.length >= 1 && leaverSub.events.length >= 1, 'both subscribers to get the first event');
    expect(watcher.events[0]).toMatchObject({ annotationChanged: { id: first, status: 'OPEN', author: { user: { email: DEMO.memberHe } } } });

    const leaverId = (await server.db.query(`SELECT m.id FROM members m JOIN users u ON u.id = m.user_id WHERE u.email = 'leaving@example.org'`)).rows[0].id;
    await lead.ok(`mutation($m: ID!) { removeMember(memberId: $m) }`, { m: leaverId });
    await member.ok(`mutation($id: ID!) { resolveAnnotation(id: $id) { status } }`, { id: first });
    await eventually(() => watcher.events.length >= 2, 'the observer to get the resolve');
    expect(watcher.events[1]).toMatchObject({ annotationChanged: { id: first, status: 'RESOLVED' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(leaverSub.events).toHaveLength(1);
    expect(reviewerSub.events).toEqual([]);
    expect(reviewerSub.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(anonymous.events).toEqual([]);
    expect(anonymous.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(crossSite.events).toEqual([]);
    expect(crossSite.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await Promise.all([watcher, reviewerSub, anonymous, crossSite, leaverSub].map((s) => s.stop()));
  });

  it('observers read annotations; reviewers outside a round see none of them', async () => {
    expect((await observer.ok(LIST, { d: documentId })).document.annotations.length).toBeGreaterThan(0);
    expect((await reviewer.ok(LIST, { d: documentId })).document).toBeNull();
    expect(codeOf(await observer.gql(ADD, { i: { documentId, kind: 'COMMENT', body: 'x', ...anchorOf(writer.doc, 'GP registration') } }))).toBe('FORBIDDEN');
  });
});
