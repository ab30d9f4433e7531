// Meetings and their agendas against real PostgreSQL: the seeded Taskforce meetings, meetings made by
// editors, agenda items added, edited, moved and removed in order (also at once), and who may do what.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

/** The demo plan sits in the first February–May after the server's clock (as the seed places it). */
const planYear = (now: Date) => (now.getUTCMonth() >= 1 ? now.getUTCFullYear() + 1 : now.getUTCFullYear());

const MEETING = `id title kind date milestoneId agenda agendaItems { id position title }`;
const MEETINGS = `query($w: ID!) { workspace(id: $w) { meetings { ${MEETING} } } }`;
const CREATE = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { ${MEETING} } }`;
const ADD_ITEM = `mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { ${MEETING} } }`;

interface Meeting {
  id: string;
  title: string;
  kind: string;
  date: string;
  milestoneId: string | null;
  agenda: string[];
  agendaItems: { id: string; position: number; title: string }[];
}

describe('meetings and agendas', () => {
  let server: TestServer;
  let lead: Api, editor: Api, member: Api, observer: Api, reviewer: Api;
  let workspaceId: string;
  let milestones: { id: string; title: string }[];
  let foreignMilestone: string;

  const meetings = async (who: Api = observer) => (await who.ok(MEETINGS, { w: workspaceId })).workspace.meetings as Meeting[];
  const count = async (table: string) => (await server.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  beforeAll(async () => {
    server = await startServer();
    const anon = new Api(server.url);
    [lead, editor, member, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = (await lead.ok(`{ workspaces { id milestones { id title } } }`)).workspaces[0];
    workspaceId = ws.id;
    milestones = ws.milestones;
    const other = (await editor.ok(`mutation { createWorkspace(input: { name: "Elsewhere", organisation: "UUK", sector: SECTOR_BODY }) { id } }`)).createWorkspace.id;
    foreignMilestone = (await server.db.query(`INSERT INTO milestones (workspace_id, title, starts_on, due_on) VALUES ($1, 'Theirs', '2027-01-01', '2027-02-01') RETURNING id`, [other])).rows[0].id;
  });
  afterAll(() => server?.close());

  it('seeds the Taskforce meetings of 2 February, 19 April and 31 May with their agendas, each serving its milestone', async () => {
    const y = planYear(new Date());
    const seeded = await meetings();
    expect(seeded.map((m) => [m.title, m.kind, m.date, m.milestoneId])).toEqual([
      ['Taskforce meeting: agree the scope', 'TASKFORCE', `${y}-02-02`, milestones[0].id],
      ['Taskforce meeting: the draft guidance', 'TASKFORCE', `${y}-04-19`, milestones[1].id],
      ['Taskforce meeting: final guidance', 'TASKFORCE', `${y}-05-31`, milestones[2].id],
    ]);
    expect(seeded[1].agendaItems.map((i) => [i.position, i.title])).toEqual([
      [1, 'Draft guidance for comment'],
      [2, 'Models of good practice'],
      [3, 'Stakeholder feedback so far'],
    ]);
    expect(seeded[1].agenda).toEqual(['Draft guidance for comment', 'Models of good practice', 'Stakeholder feedback so far']);
    const one = await member.ok(`query($id: ID!) { meeting(id: $id) { ${MEETING} } }`, { id: seeded[0].id });
    expect(one.meeting).toEqual(seeded[0]);
  });

  it('an editor schedules a working group meeting with an agenda; it takes its place by date', async () => {
    const y = planYear(new Date());
    const r = await editor.ok(CREATE, { i: { workspaceId, title: 'Working group: case studies', kind: 'WORKING_GROUP', date: `${y}-03-10`, milestoneId: milestones[1].id, agenda: ['  Case-study returns ', 'Gaps in the evidence'] } });
    expect(r.createMeeting).toMatchObject({ kind: 'WORKING_GROUP', date: `${y}-03-10`, agenda: ['Case-study returns', 'Gaps in the evidence'] });
    expect((await meetings()).map((m) => m.date)).toEqual([`${y}-02-02`, `${y}-03-10`, `${y}-04-19`, `${y}-05-31`]);
  });

  it('refuses bad dates, kinds, titles and milestones of another workspace; members, observers and reviewers cannot; writes nothing', async () => {
    const before = await count('meetings');
    const base = { workspaceId, title: 'Extra', kind: 'WORKING_GROUP', date: '2027-03-03' };
    const cases: [Record<string, unknown>, string][] = [
      [{ date: '2027-02-30' }, 'input.date'],
      [{ date: '3 March 2027' }, 'input.date'],
      [{ title: '  ' }, 'input.title'],
      [{ milestoneId: foreignMilestone }, 'input.milestoneId'],
      [{ agenda: ['ok', ''] }, 'input.agenda'],
      [{ agenda: Array.from({ length: 51 }, (_, i) => `Item ${i}`) }, 'input.agenda'],
    ];
    for (const [extra, field] of cases) {
      const r = await editor.gql(CREATE, { i: { ...base, ...extra } });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(codeOf(await editor.gql(CREATE, { i: { ...base, kind: 'PARTY' } }))).toBe('BAD_USER_INPUT');
    for (const who of [member, observer, reviewer]) expect(codeOf(await who.gql(CREATE, { i: base }))).toBe('FORBIDDEN');
    expect(await count('meetings')).toBe(before);
    expect(codeOf(await reviewer.gql(MEETINGS, { w: workspaceId }))).toBe('FORBIDDEN');
  });

  it('agenda items are added, edited, moved and removed by editors and leads, always numbered 1, 2, 3 …', async () => {
    const m = (await meetings())[0];
    const titles = (x: Meeting) => x.agendaItems.map((i) => `${i.position}:${i.title}`);
    let now: Meeting = (await editor.ok(ADD_ITEM, { i: { meetingId: m.id, title: 'Terms of reference', position: 1 } })).addAgendaItem;
    expect(titles(now)).toEqual(['1:Terms of reference', '2:Purpose and audience of the guidance', '3:Scope and structure', '4:Plan to 31 May']);
    now = (await lead.ok(ADD_ITEM, { i: { meetingId: m.id, title: 'Any other business' } })).addAgendaItem;
    expect(titles(now).at(-1)).toBe('5:Any other business');
    const aob = now.agendaItems[4].id;
    now = (await editor.ok(`mutation($id: ID!, $p: Int!) { moveAgendaItem(id: $id, position: $p) { ${MEETING} } }`, { id: aob, p: 2 })).moveAgendaItem;
    expect(titles(now)).toEqual(['1:Terms of reference', '2:Any other business', '3:Purpose and audience of the guidance', '4:Scope and structure', '5:Plan to 31 May']);
    now = (await editor.ok(`mutation($id: ID!, $t: String!) { updateAgendaItem(id: $id, title: $t) { ${MEETING} } }`, { id: aob, t: ' AOB ' })).updateAgendaItem;
    expect(titles(now)[1]).toBe('2:AOB');
    now = (await editor.ok(`mutation($id: ID!) { removeAgendaItem(id: $id) { ${MEETING} } }`, { id: now.agendaItems[0].id })).removeAgendaItem;
    expect(titles(now)).toEqual(['1:AOB', '2:Purpose and audience of the guidance', '3:Scope and structure', '4:Plan to 31 May']);
    expect(codeOf(await member.gql(`mutation($id: ID!) { removeAgendaItem(id: $id) { id } }`, { id: aob }))).toBe('FORBIDDEN');
    expect(codeOf(await observer.gql(ADD_ITEM, { i: { meetingId: m.id, title: 'No' } }))).toBe('FORBIDDEN');
    expect((await editor.gql(`mutation($id: ID!, $t: String!) { updateAgendaItem(id: $id, title: $t) { id } }`, { id: aob, t: '' })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
    expect(titles((await meetings())[0])).toEqual(titles(now));
  });

  it('twenty items added at once get twenty distinct places', async () => {
    const m = (await meetings()).find((x) => x.title === 'Taskforce meeting: final guidance')!; // two items
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? lead : editor).gql(ADD_ITEM, { i: { meetingId: m.id, title: `Item ${i}` } })));
    expect(results.every((r) => !r.errors)).toBe(true);
    const after = (await meetings()).find((x) => x.id === m.id)!;
    expect(after.agendaItems.map((i) => i.position)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(new Set(after.agendaItems.map((i) => i.title)).size).toBe(22);
  });

  it('a meeting is changed and deleted by an editor, unless decisions were agreed at it', async () => {
    const y = planYear(new Date());
    const m = (await editor.ok(CREATE, { i: { workspaceId, title: 'Extra meeting', kind: 'WORKING_GROUP', date: `${y}-03-20` } })).createMeeting as Meeting;
    const updated = await editor.ok(`mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { ${MEETING} } }`, { i: { id: m.id, date: `${y}-03-21`, kind: 'TASKFORCE', milestoneId: milestones[1].id } });
    expect(updated.updateMeeting).toMatchObject({ date: `${y}-03-21`, kind: 'TASKFORCE', milestoneId: milestones[1].id, title: 'Extra meeting' });
    for (const field of ['title', 'date', 'kind']) {
      expect((await editor.gql(`mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { id } }`, { i: { id: m.id, [field]: null } })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    }
    const cleared = await editor.ok(`mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { milestoneId } }`, { i: { id: m.id, milestoneId: null } });
    expect(cleared.updateMeeting.milestoneId).toBeNull();
    const d = (await editor.ok(`mutation($i: ProposeDecisionInput!) { proposeDecision(input: $i) { id } }`, { i: { workspaceId, title: 'T', statement: 'S.', rationale: '' } })).proposeDecision.id;
    await lead.ok(`mutation($id: ID!, $m: ID) { agreeDecision(id: $id, meetingId: $m) { id } }`, { id: d, m: m.id });
    expect((await editor.gql(`mutation($id: ID!) { deleteMeeting(id: $id) }`, { id: m.id })).errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'HAS_DECISIONS' });
    const spare = (await editor.ok(CREATE, { i: { workspaceId, title: 'Cancelled', kind: 'WORKING_GROUP', date: `${y}-03-22`, agenda: ['Nothing'] } })).createMeeting as Meeting;
    expect((await editor.ok(`mutation($id: ID!) { deleteMeeting(id: $id) }`, { id: spare.id })).deleteMeeting).toBe(true);
    expect((await meetings()).some((x) => x.id === spare.id)).toBe(false);
    expect((await server.db.query('SELECT count(*)::int AS n FROM agenda_items WHERE meeting_id = $1', [spare.id])).rows[0].n).toBe(0);
  });

  it('a meeting of another workspace does not exist for a non-member', async () => {
    const stranger = await new Api(server.url).login(DEMO.lead);
    const theirs = (await editor.ok(`{ workspaces { id name } }`)).workspaces.find((w: { name: string }) => w.name === 'Elsewhere').id;
    const m = (await editor.ok(CREATE, { i: { workspaceId: theirs, title: 'Theirs', kind: 'WORKING_GROUP', date: '2027-01-05' } })).createMeeting;
    expect((await stranger.gql(`query($id: ID!) { meeting(id: $id) { id } }`, { id: m.id })).data).toEqual({ meeting: null });
    expect(codeOf(await stranger.gql(ADD_ITEM, { i: { meetingId: m.id, title: 'Hello' } }))).toBe('NOT_FOUND');
  });
});
