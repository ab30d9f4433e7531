// The case-study template (versioned), submissions (draft → submitted → returned), validation of every
// field type with field-level codes, and a model's contact who can reach their own case study only.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO, GqlResponse } from './support/graphql';
import { startServer, TestServer } from './support/server';

const TEMPLATE = `mutation($i: SaveTemplateInput!) { saveCaseStudyTemplate(input: $i) { id version sections { id title fields { id label type required help options } } } }`;
const SAVE = `mutation($i: SaveCaseStudyInput!) { saveCaseStudy(input: $i) { id status template { id version } answers { fieldId value choices } } }`;
const SUBMIT = `mutation($id: ID!) { submitCaseStudy(id: $id) { id status submittedAt } }`;
const SUBMISSION = `query($id: ID!) { caseStudy(id: $id) { id status returnComment template { version sections { fields { id label type } } } answers { fieldId value choices } model { id name } } }`;

const fieldErrors = (r: GqlResponse) => ((r.errors?.[0]?.extensions?.errors ?? []) as { fieldId?: string; field: string; code: string }[]).map((e) => [e.fieldId ?? e.field, e.code]);

describe('case studies', () => {
  let server: TestServer;
  let anon: Api, lead: Api, editor: Api, member: Api, observer: Api, reviewer: Api, contact: Api;
  let workspaceId: string, otherWorkspace: string;
  let models: { id: string; name: string }[];
  let modelA: string, modelB: string;
  let v1: string, submissionA: string;

  const count = async (sql: string, params: unknown[] = []) => Number((await server.db.query(sql, params)).rows[0].n);

  const smallTemplate = (extra: object[] = []) => ({
    workspaceId,
    sections: [
      {
        id: 'about',
        title: 'About the model',
        fields: [
          { id: 'name', label: 'Service name', type: 'TEXT', required: true, help: 'As people know it.' },
          { id: 'story', label: 'How it works', type: 'LONG_TEXT', required: true },
          { id: 'students', label: 'Students served', type: 'NUMBER', required: false },
          { id: 'started', label: 'Started on', type: 'DATE', required: false },
          { id: 'kind', label: 'Kind', type: 'SINGLE_CHOICE', required: true, options: ['Liaison', 'CMHT-style'] },
          { id: 'groups', label: 'Groups', type: 'MULTIPLE_CHOICE', required: false, options: ['UG', 'PG', 'FE'] },
          { id: 'report', label: 'Report', type: 'URL', required: false },
          ...extra,
        ],
      },
    ],
  });

  beforeAll(async () => {
    server = await startServer();
    anon = new Api(server.url);
    [lead, editor, member, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = await lead.ok(`{ workspaces { id models { id name } } }`);
    workspaceId = ws.workspaces[0].id;
    models = ws.workspaces[0].models;
    modelA = models[0].id;
    modelB = models[1].id;
    const other = await lead.ok(`mutation { createWorkspace(input: { name: "Another group", organisation: "Org", sector: HE }) { id } }`);
    otherWorkspace = other.createWorkspace.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the demo is seeded with the working group’s template, and a submitted illustrative case study', async () => {
    const r = await observer.ok(`query($id: ID!) { workspace(id: $id) { caseStudyTemplate { version sections { title fields { type } } } caseStudies { status model { name } } } }`, { id: workspaceId });
    const t = r.workspace.caseStudyTemplate;
    expect(t.version).toBe(1);
    expect(t.sections.map((s: { title: string }) => s.title)).toEqual([
      'Context',
      'Partners',
      'Model design',
      'Population served',
      'Referral pathway',
      'Outcomes and evidence',
      'Funding',
      'Challenges addressed',
      'Transferability to small and specialist HEPs',
    ]);
    const types = new Set(t.sections.flatMap((s: { fields: { type: string }[] }) => s.fields.map((f) => f.type)));
    expect([...types].sort()).toEqual(['DATE', 'LONG_TEXT', 'MULTIPLE_CHOICE', 'NUMBER', 'SINGLE_CHOICE', 'URL']);
    expect(r.workspace.caseStudies).toEqual([{ status: 'SUBMITTED', model: { name: expect.stringMatching(/illustrative/) } }]);
  });

  it('only editors and leads define the template; bad definitions get coded errors and write nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM case_study_templates');
    expect(codeOf(await member.gql(TEMPLATE, { i: smallTemplate() }))).toBe('FORBIDDEN');
    expect(codeOf(await observer.gql(TEMPLATE, { i: smallTemplate() }))).toBe('FORBIDDEN');
    // An unknown field type is refused by the schema's enum, with a code.
    const unknownType = await editor.gql(TEMPLATE, { i: smallTemplate([{ label: 'Stars', type: 'STAR_RATING', required: false }]) });
    expect(codeOf(unknownType)).toBe('BAD_USER_INPUT');
    expect(unknownType.errors![0].message).toMatch(/STAR_RATING/);
    const noOptions = await editor.gql(TEMPLATE, { i: smallTemplate([{ label: 'Pick', type: 'SINGLE_CHOICE', required: false, options: [] }]) });
    expect(codeOf(noOptions)).toBe('BAD_USER_INPUT');
    expect(noOptions.errors![0].extensions!.field).toBe('input.sections.0.fields.7.options');
    expect(fieldErrors(noOptions)).toEqual([['input.sections.0.fields.7.options', 'NEEDS_OPTIONS']]);
    const dup = await editor.gql(TEMPLATE, { i: smallTemplate([{ id: 'name', label: 'Again', type: 'TEXT', required: false }]) });
    expect(fieldErrors(dup)).toEqual([['input.sections.0.fields.7.id', 'DUPLICATE']]);
    expect(await count('SELECT count(*) AS n FROM case_study_templates')).toBe(before);
  });

  it('a template no submission uses yet is edited in place; one in use becomes a new version', async () => {
    // The seeded version has a submission: saving makes version 2.
    const saved = await editor.ok(TEMPLATE, { i: smallTemplate() });
    expect(saved.saveCaseStudyTemplate.version).toBe(2);
    v1 = saved.saveCaseStudyTemplate.id;
    const fields = saved.saveCaseStudyTemplate.sections[0].fields;
    expect(fields.map((f: { id: string }) => f.id)).toEqual(['name', 'story', 'students', 'started', 'kind', 'groups', 'report']);
    expect(fields[0]).toMatchObject({ label: 'Service name', type: 'TEXT', required: true, help: 'As people know it.', options: [] });
    expect(fields[4].options).toEqual(['Liaison', 'CMHT-style']);
    // Nobody has used version 2: a second save keeps the version and the id.
    const again = await editor.ok(TEMPLATE, { i: smallTemplate() });
    expect(again.saveCaseStudyTemplate).toMatchObject({ id: v1, version: 2 });
  });

  it('validates every field type on save, with a code per field, and writes nothing', async () => {
    const bad = await member.gql(SAVE, {
      i: {
        modelId: modelA,
        answers: [
          { fieldId: 'name', value: 'two\nlines' },
          { fieldId: 'story', choices: ['not a list field'] },
          { fieldId: 'students', value: 'lots' },
          { fieldId: 'started', value: '2024-02-30' },
          { fieldId: 'kind', choices: ['Crisis team'] },
          { fieldId: 'groups', choices: ['UG', 'Postdocs'] },
          { fieldId: 'report', value: 'ftp://example.org/x' },
          { fieldId: 'nope', value: 'x' },
        ],
      },
    });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldErrors(bad)).toEqual([
      ['name', 'WRONG_TYPE'],
      ['story', 'WRONG_TYPE'],
      ['students', 'NOT_A_NUMBER'],
      ['started', 'NOT_A_DATE'],
      ['kind', 'NOT_AN_OPTION'],
      ['groups', 'NOT_AN_OPTION'],
      ['report', 'NOT_A_URL'],
      ['nope', 'UNKNOWN_FIELD'],
    ]);
    expect(bad.errors![0].extensions!.field).toBe('input.answers.name');
    expect(codeOf(await member.gql(SAVE, { i: { modelId: modelA, answers: [{ fieldId: 'kind', choices: ['Liaison', 'CMHT-style'] }] } }))).toBe('BAD_USER_INPUT');
    expect(await count('SELECT count(*) AS n FROM case_study_submissions WHERE model_id = $1', [modelA])).toBe(0);
  });

  it('saves a draft with required fields empty, stores typed values, and refuses to submit until they are filled', async () => {
    const draft = await member.ok(SAVE, { i: { modelId: modelA, answers: [{ fieldId: 'students', value: '1,200' }, { fieldId: 'groups', choices: ['PG', 'UG'] }] } });
    submissionA = draft.saveCaseStudy.id;
    expect(draft.saveCaseStudy.status).toBe('DRAFT');
    expect(draft.saveCaseStudy.template.version).toBe(2);
    const stored = (await server.db.query('SELECT answers FROM case_study_submissions WHERE id = $1', [submissionA])).rows[0].answers;
    expect(stored).toEqual({ students: 1200, groups: ['UG', 'PG'] });
    const missing = await member.gql(SUBMIT, { id: submissionA });
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(fieldErrors(missing)).toEqual([
      ['name', 'REQUIRED'],
      ['story', 'REQUIRED'],
      ['kind', 'REQUIRED'],
    ]);
    expect(missing.errors![0].extensions!.field).toBe('answers.name');
    expect((await server.db.query('SELECT status FROM case_study_submissions WHERE id = $1', [submissionA])).rows[0].status).toBe('DRAFT');
    const full = await member.ok(SAVE, {
      i: {
        modelId: modelA,
        answers: [
          { fieldId: 'name', value: 'Campus liaison' },
          { fieldId: 'story', value: 'Clinicians on campus.\nTwo days a week.' },
          { fieldId: 'students', value: '1200' },
          { fieldId: 'started', value: '2021-09-20' },
          { fieldId: 'kind', choices: ['Liaison'] },
          { fieldId: 'groups', choices: ['UG'] },
          { fieldId: 'report', value: 'https://example.ac.uk/evaluation' },
        ],
      },
    });
    expect(full.saveCaseStudy.id).toBe(submissionA);
    const submitted = await member.ok(SUBMIT, { id: submissionA });
    expect(submitted.submitCaseStudy.status).toBe('SUBMITTED');
    expect(codeOf(await member.gql(SAVE, { i: { modelId: modelA, answers: [] } }))).toBe('CONFLICT');
  });

  it('an editor returns a submission with a comment; it is edited and submitted again', async () => {
    expect(codeOf(await member.gql(`mutation { returnCaseStudy(id: "${submissionA}", comment: "x") { id } }`))).toBe('FORBIDDEN');
    expect(codeOf(await editor.gql(`mutation { returnCaseStudy(id: "${submissionA}", comment: "  ") { id } }`))).toBe('BAD_USER_INPUT');
    const r = await editor.ok(`mutation($id: ID!) { returnCaseStudy(id: $id, comment: "Please add the evaluation's dates.") { status returnComment } }`, { id: submissionA });
    expect(r.returnCaseStudy).toEqual({ status: 'RETURNED', returnComment: "Please add the evaluation's dates." });
    expect(codeOf(await editor.gql(`mutation { returnCaseStudy(id: "${submissionA}", comment: "again") { id } }`))).toBe('CONFLICT');
  });

  it('changing the template after submissions keeps each earlier one readable against its version', async () => {
    // Version 2 is in use now: renaming a field and adding one makes version 3.
    const t = smallTemplate([{ id: 'contact', label: 'Contact e-mail', type: 'TEXT', required: true }]);
    t.sections[0].fields[0] = { id: 'name', label: 'Name of the service', type: 'TEXT', required: true, help: '' };
    const v3 = await editor.ok(TEMPLATE, { i: t });
    expect(v3.saveCaseStudyTemplate.version).toBe(3);
    const old = await editor.ok(SUBMISSION, { id: submissionA });
    expect(old.caseStudy.template.version).toBe(2);
    expect(old.caseStudy.template.sections[0].fields.map((f: { label: string }) => f.label)).toContain('Service name');
    expect(old.caseStudy.answers.find((a: { fieldId: string }) => a.fieldId === 'name').value).toBe('Campus liaison');
    // Editing the returned submission starts a new one on version 3, carrying the answers; the old stays as it was.
    const next = await member.ok(SAVE, { i: { modelId: modelA, answers: [{ fieldId: 'name', value: 'Campus liaison' }, { fieldId: 'contact', value: 'team@example.ac.uk' }] } });
    expect(next.saveCaseStudy.id).not.toBe(submissionA);
    expect(next.saveCaseStudy.template.version).toBe(3);
    expect(next.saveCaseStudy.status).toBe('RETURNED');
    const history = await editor.ok(`query($id: ID!) { practiceModel(id: $id) { caseStudies { template { version } status } } }`, { id: modelA });
    expect(history.practiceModel.caseStudies).toEqual([
      { template: { version: 3 }, status: 'RETURNED' },
      { template: { version: 2 }, status: 'RETURNED' },
    ]);
    const seeded = await editor.ok(`query($id: ID!) { workspace(id: $id) { caseStudies { template { version } answers { fieldId } } } }`, { id: workspaceId });
    expect(seeded.workspace.caseStudies.map((c: { template: { version: number } }) => c.template.version).sort()).toEqual([1, 3]);
  });

  it('a model’s contact is invited with reviewer-style access and reaches their own model’s case study only', async () => {
    expect(codeOf(await member.gql(`mutation($i: InviteModelContactInput!) { inviteModelContact(input: $i) { link } }`, { i: { modelId: modelB, email: 'c@x.org', organisation: 'o', sector: 'NHS' } }))).toBe('FORBIDDEN');
    const inv = await editor.ok(`mutation($i: InviteModelContactInput!) { inviteModelContact(input: $i) { email link } }`, {
      i: { modelId: modelB, email: 'Contact@Trust.example', organisation: 'A trust', sector: 'NHS' },
    });
    expect(inv.inviteModelContact.email).toBe('contact@trust.example');
    const joined = await anon.ok(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token workspaceId } }`, {
      i: { token: inv.inviteModelContact.link.split('/invite/')[1], name: 'Casey Contact', password: 'a-long-password-1' },
    });
    contact = anon.as(joined.acceptInvitation.token);
    const mine = await contact.ok(`query($id: ID!) { workspace(id: $id) { myRole myCaseStudyModels { id name caseStudy { id } } } }`, { id: workspaceId });
    expect(mine.workspace.myRole).toBe('REVIEWER');
    expect(mine.workspace.myCaseStudyModels).toEqual([{ id: modelB, name: models[1].name, caseStudy: null }]);
    const saved = await contact.ok(SAVE, { i: { modelId: modelB, answers: [{ fieldId: 'name', value: 'Joint SPA' }] } });
    expect(saved.saveCaseStudy.template.version).toBe(3);
    expect((await contact.ok(SUBMISSION, { id: saved.saveCaseStudy.id })).caseStudy.model.id).toBe(modelB);
    expect((await editor.ok(`query($id: ID!) { caseStudy(id: $id) { id } }`, { id: saved.saveCaseStudy.id })).caseStudy.id).toBe(saved.saveCaseStudy.id);
  });

  it('the contact cannot read another model, its submission, or anything else of the workspace', async () => {
    expect((await contact.ok(`query($id: ID!) { practiceModel(id: $id) { id } }`, { id: modelA })).practiceModel).toBeNull();
    expect((await contact.ok(SUBMISSION, { id: submissionA })).caseStudy).toBeNull();
    expect(codeOf(await contact.gql(SAVE, { i: { modelId: modelA, answers: [] } }))).toBe('NOT_FOUND');
    expect(codeOf(await contact.gql(SUBMIT, { id: submissionA }))).toBe('NOT_FOUND');
    for (const field of ['models { id }', 'caseStudies { id }', 'caseStudyTemplate { id }', 'sources { id }', 'findings { id }', 'assessment { basis }', 'members { id }', 'documents { id }', 'criteria { id }']) {
      const r = await contact.gql(`query($id: ID!) { workspace(id: $id) { ${field} } }`, { id: workspaceId });
      expect([field, codeOf(r)]).toEqual([field, 'FORBIDDEN']);
    }
    // An ordinary reviewer is not a contact of any model.
    expect((await reviewer.ok(`query($id: ID!) { practiceModel(id: $id) { id } }`, { id: modelB })).practiceModel).toBeNull();
    expect((await reviewer.ok(`query($id: ID!) { workspace(id: $id) { myCaseStudyModels { id } } }`, { id: workspaceId })).workspace.myCaseStudyModels).toEqual([]);
    expect(codeOf(await reviewer.gql(SAVE, { i: { modelId: modelB, answers: [] } }))).toBe('NOT_FOUND');
    // A non-member learns nothing.
    const stranger = await lead.ok(`mutation($i: InviteMemberInput!) { inviteMember(input: $i) { link } }`, { i: { workspaceId: otherWorkspace, email: 'stranger@x.org', role: 'MEMBER', organisation: 'o', sector: 'HE' } });
    const s = await anon.ok(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token } }`, { i: { token: stranger.inviteMember.link.split('/invite/')[1], name: 'S', password: 'a-long-password-2' } });
    const outsider = anon.as(s.acceptInvitation.token);
    expect((await outsider.ok(`query($id: ID!) { practiceModel(id: $id) { id } }`, { id: modelA })).practiceModel).toBeNull();
    expect(codeOf(await outsider.gql(SAVE, { i: { modelId: modelA, answers: [] } }))).toBe('NOT_FOUND');
  });
});
