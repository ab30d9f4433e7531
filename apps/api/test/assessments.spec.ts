// Candidate models (regions, types) and the assessment matrix: which criteria it has before and after
// a round closes, per-member ratings with evidence, and the aggregates and verdicts on worked examples.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Api, codeOf, DEMO } from './support/graphql';
import { startServer, TestServer } from './support/server';

const MATRIX = `query($id: ID!) { workspace(id: $id) { assessment { basis criteria { id statement }
  rows { model { id name illustrative } strongCandidate metCount evidenceGaps { criterionId reason }
    cells { criterionId n majority disagreement counts { met partly notMet unknown } ratings { raterName rating note findingId } mine { rating } } } } } }`;
const RATE = `mutation($i: RateModelInput!) { rateModel(input: $i) { n majority disagreement counts { met partly notMet unknown } mine { rating note } } }`;
const CREATE = `mutation($i: CreatePracticeModelInput!) { createPracticeModel(input: $i) { id name region type illustrative contact } }`;

describe('models and the assessment matrix', () => {
  let server: TestServer;
  let lead: Api, editor: Api, he: Api, nhs: Api, observer: Api, reviewer: Api;
  let workspaceId: string, otherWorkspace: string, otherCriterion: string, otherFinding: string;
  let criteria: { id: string; statement: string }[];
  let x: string, y: string;

  type Row = { model: { id: string }; strongCandidate: boolean; metCount: number; evidenceGaps: { criterionId: string; reason: string }[]; cells: { criterionId: string; n: number; majority: string | null; disagreement: boolean; counts: Record<string, number> }[] };
  const matrix = async (who: Api = editor) => (await who.ok(MATRIX, { id: workspaceId })).workspace.assessment as { basis: string; criteria: { id: string }[]; rows: Row[] };
  const rate = (who: Api, model: string, c: number, rating: string, note = '') => who.ok(RATE, { i: { modelId: model, criterionId: criteria[c].id, rating, note } });

  beforeAll(async () => {
    server = await startServer();
    const anon = new Api(server.url);
    [lead, editor, he, nhs, observer, reviewer] = await Promise.all([DEMO.lead, DEMO.editor, DEMO.memberHe, DEMO.memberNhs, DEMO.observer, DEMO.reviewer].map((e) => anon.login(e)));
    const ws = await lead.ok(`{ workspaces { id criteria { id statement } } }`);
    workspaceId = ws.workspaces[0].id;
    criteria = ws.workspaces[0].criteria;
    otherWorkspace = (await lead.ok(`mutation { createWorkspace(input: { name: "Elsewhere", organisation: "Org", sector: HE }) { id } }`)).createWorkspace.id;
    otherCriterion = (await lead.ok(`mutation($w: ID!) { proposeCriterion(input: { workspaceId: $w, statement: "Elsewhere's criterion" }) { id } }`, { w: otherWorkspace })).proposeCriterion.id;
    const src = await lead.ok(`mutation($w: ID!) { createSource(input: { workspaceId: $w, title: "Other report", authors: "Other org", type: REPORT }) { id } }`, { w: otherWorkspace });
    otherFinding = (await lead.ok(`mutation($s: ID!) { addFinding(input: { sourceId: $s, kind: CHALLENGE, text: "Elsewhere" }) { id } }`, { s: src.createSource.id })).addFinding.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('seeds illustrative models across regions and types, labelled as such', async () => {
    const r = await observer.ok(`query($id: ID!) { workspace(id: $id) { models { name region type illustrative contact } } }`, { id: workspaceId });
    expect(r.workspace.models.length).toBeGreaterThanOrEqual(3);
    for (const m of r.workspace.models) {
      expect(m.illustrative).toBe(true);
      expect(m.name).toMatch(/illustrative/);
    }
    expect(new Set(r.workspace.models.map((m: { region: string }) => m.region)).size).toBeGreaterThan(1);
  });

  it('editors create and update models in the seven NHS England regions; bad input writes nothing', async () => {
    const base = { workspaceId, name: 'Worked example X', leadProviders: 'University X', nhsPartners: 'Trust X', region: 'MIDLANDS', type: 'CMHT_STYLE', summary: 'A CMHT-style team.', contact: 'Dr X, x@example.org' };
    expect(codeOf(await he.gql(CREATE, { i: base }))).toBe('FORBIDDEN');
    expect(codeOf(await editor.gql(CREATE, { i: { ...base, region: 'SCOTLAND' } }))).toBe('BAD_USER_INPUT');
    const blank = await editor.gql(CREATE, { i: { ...base, name: '  ' } });
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors![0].extensions!.field).toBe('input.name');
    expect(Number((await server.db.query(`SELECT count(*) AS n FROM practice_models WHERE name LIKE 'Worked%'`)).rows[0].n)).toBe(0);
    const created = await editor.ok(CREATE, { i: base });
    expect(created.createPracticeModel).toMatchObject({ name: 'Worked example X', region: 'MIDLANDS', type: 'CMHT_STYLE', illustrative: false, contact: 'Dr X, x@example.org' });
    x = created.createPracticeModel.id;
    y = (await lead.ok(CREATE, { i: { ...base, name: 'Worked example Y', region: 'NORTH_EAST_AND_YORKSHIRE', type: 'DIGITAL', contact: null } })).createPracticeModel.id;
    const upd = await editor.ok(`mutation($i: UpdatePracticeModelInput!) { updatePracticeModel(input: $i) { region summary } }`, { i: { ...base, workspaceId: undefined, id: y, name: 'Worked example Y', region: 'EAST_OF_ENGLAND', type: 'DIGITAL', summary: 'Online first.' } });
    expect(upd.updatePracticeModel).toEqual({ region: 'EAST_OF_ENGLAND', summary: 'Online first.' });
  });

  it('before any round has closed, the matrix has every candidate criterion, marked so', async () => {
    const m = await matrix();
    expect(m.basis).toBe('CANDIDATE');
    expect(m.criteria.map((c) => c.id)).toEqual(criteria.map((c) => c.id));
  });

  it('after a round closes, the matrix has only the criteria that reached INCLUDE', async () => {
    const round = await editor.ok(`mutation($i: CreateRoundInput!) { createRound(input: $i) { id items { id criterion { id } } } }`, {
      i: { workspaceId, title: 'Criteria, round 1', scale: 'LIKERT_9', anonymous: true, criterionIds: criteria.map((c) => c.id) },
    });
    const roundId = round.createRound.id;
    await editor.ok(`mutation($id: ID!) { openRound(id: $id) { id } }`, { id: roundId });
    // Criteria 0–2 rated 8 by all four voters (INCLUDE), 3 rated 2 (EXCLUDE), 4 split (no consensus).
    const ratings = [8, 8, 8, 2, 5];
    for (const [i, who] of [lead, editor, he, nhs].entries()) {
      const scores = round.createRound.items.map((item: { id: string }, k: number) => ({ itemId: item.id, rating: k === 4 ? (i % 2 ? 9 : 1) : ratings[k] }));
      await who.ok(`mutation($r: ID!, $s: [ScoreInput!]!) { castBallot(roundId: $r, scores: $s) { itemId } }`, { r: roundId, s: scores });
    }
    await editor.ok(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: roundId });
    const m = await matrix();
    expect(m.basis).toBe('AGREED');
    expect(m.criteria.map((c) => c.id)).toEqual(criteria.slice(0, 3).map((c) => c.id));
  });

  it('rating needs a member’s role, a criterion of the matrix and links inside the workspace; bad input writes nothing', async () => {
    const before = Number((await server.db.query('SELECT count(*) AS n FROM model_ratings')).rows[0].n);
    expect(codeOf(await observer.gql(RATE, { i: { modelId: x, criterionId: criteria[0].id, rating: 'MET' } }))).toBe('FORBIDDEN');
    expect(codeOf(await reviewer.gql(RATE, { i: { modelId: x, criterionId: criteria[0].id, rating: 'MET' } }))).toBe('FORBIDDEN');
    expect(codeOf(await reviewer.gql(MATRIX, { id: workspaceId }))).toBe('FORBIDDEN');
    const excluded = await he.gql(RATE, { i: { modelId: x, criterionId: criteria[3].id, rating: 'MET' } });
    expect([codeOf(excluded), excluded.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.criterionId']);
    const foreign = await he.gql(RATE, { i: { modelId: x, criterionId: otherCriterion, rating: 'MET' } });
    expect([codeOf(foreign), foreign.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.criterionId']);
    const foreignFinding = await he.gql(RATE, { i: { modelId: x, criterionId: criteria[0].id, rating: 'MET', findingId: otherFinding } });
    expect([codeOf(foreignFinding), foreignFinding.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.findingId']);
    expect(codeOf(await he.gql(RATE, { i: { modelId: x, criterionId: criteria[0].id, rating: 'PROBABLY' } }))).toBe('BAD_USER_INPUT');
    expect(Number((await server.db.query('SELECT count(*) AS n FROM model_ratings')).rows[0].n)).toBe(before);
  });

  it('aggregates a worked example: majority, disagreement, strong candidate and evidence gaps', async () => {
    // Model X: a majority say met for every agreed criterion.
    await rate(lead, x, 0, 'MET', 'Evaluation 2023');
    await rate(editor, x, 0, 'MET', 'Case study');
    const c0 = await rate(he, x, 0, 'PARTLY', 'Only for undergraduates');
    expect(c0.rateModel).toMatchObject({ n: 3, majority: 'MET', disagreement: false, counts: { met: 2, partly: 1, notMet: 0, unknown: 0 }, mine: { rating: 'PARTLY', note: 'Only for undergraduates' } });
    await rate(lead, x, 1, 'MET', 'a');
    await rate(editor, x, 1, 'MET', 'b');
    await rate(he, x, 1, 'MET', 'c');
    const c1 = await rate(nhs, x, 1, 'NOT_MET', 'Duplicates the crisis line');
    expect(c1.rateModel).toMatchObject({ n: 4, majority: 'MET', disagreement: true });
    await rate(lead, x, 2, 'MET', 'Liaison model');
    await rate(he, x, 2, 'MET');
    await rate(nhs, x, 2, 'MET');
    // Model Y: split, unrated and unevidenced cells.
    await rate(he, y, 0, 'MET', 'Some data');
    await rate(nhs, y, 0, 'UNKNOWN');
    await rate(he, y, 2, 'MET');
    await rate(nhs, y, 2, 'PARTLY');
    // Changing a rating replaces it: one rating per member per cell.
    await rate(nhs, y, 2, 'PARTLY');

    const m = await matrix(observer);
    const rowX = m.rows.find((r) => r.model.id === x)!;
    const rowY = m.rows.find((r) => r.model.id === y)!;
    expect(rowX).toMatchObject({ strongCandidate: true, metCount: 3, evidenceGaps: [] });
    expect(rowX.cells.map((c) => [c.n, c.majority, c.disagreement])).toEqual([
      [3, 'MET', false],
      [4, 'MET', true],
      [3, 'MET', false],
    ]);
    expect(rowY.strongCandidate).toBe(false);
    expect(rowY.metCount).toBe(0);
    expect(rowY.cells.map((c) => [c.n, c.majority, c.disagreement])).toEqual([
      [2, null, true],
      [0, null, false],
      [2, null, true],
    ]);
    expect(rowY.evidenceGaps).toEqual([
      { criterionId: criteria[0].id, reason: 'MOSTLY_UNKNOWN' },
      { criterionId: criteria[1].id, reason: 'NOT_RATED' },
      { criterionId: criteria[2].id, reason: 'NO_EVIDENCE' },
    ]);
    const cell = (await he.ok(MATRIX, { id: workspaceId })).workspace.assessment.rows.find((r: Row) => r.model.id === x).cells[0];
    expect(cell.ratings.map((r: { raterName: string; rating: string }) => [r.raterName, r.rating])).toEqual([
      ['Priya Lead', 'MET'],
      ['Tom Editor', 'MET'],
      ['Hannah Okafor', 'PARTLY'],
    ]);
    expect(cell.mine).toEqual({ rating: 'PARTLY' });
  });

  it('a rating can cite a finding of the workspace or a field of the model’s own case study', async () => {
    const ws = await he.ok(`query($id: ID!) { workspace(id: $id) { findings { id } caseStudies { id model { id } template { sections { fields { id } } } } } }`, { id: workspaceId });
    const finding = ws.workspace.findings[0].id;
    const r = await he.ok(`mutation($i: RateModelInput!) { rateModel(input: $i) { ratings { findingId } } }`, { i: { modelId: x, criterionId: criteria[0].id, rating: 'MET', note: '', findingId: finding } });
    expect(r.rateModel.ratings.map((x: { findingId: string | null }) => x.findingId)).toContain(finding);
    const seeded = ws.workspace.caseStudies[0];
    const wrongModel = await he.gql(RATE, { i: { modelId: x, criterionId: criteria[0].id, rating: 'MET', submissionId: seeded.id } });
    expect([codeOf(wrongModel), wrongModel.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.submissionId']);
    const badField = await he.gql(RATE, { i: { modelId: seeded.model.id, criterionId: criteria[0].id, rating: 'MET', submissionId: seeded.id, fieldId: 'no-such-field' } });
    expect([codeOf(badField), badField.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.fieldId']);
    const ok = await he.ok(`mutation($i: RateModelInput!) { rateModel(input: $i) { mine { submissionId fieldId } } }`, {
      i: { modelId: seeded.model.id, criterionId: criteria[0].id, rating: 'MET', submissionId: seeded.id, fieldId: seeded.template.sections[0].fields[0].id },
    });
    expect(ok.rateModel.mine).toEqual({ submissionId: seeded.id, fieldId: seeded.template.sections[0].fields[0].id });
  });
});
