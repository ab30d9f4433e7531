#!/usr/bin/env node
// Generates benchmark databases on the local PostgreSQL, kept as template databases that later runs
// clone (CREATE DATABASE … TEMPLATE) instead of generating again:
//   concord_bench_large: a deployment of 100 workspaces, 10,000 users, ~20,000 memberships. Workspace 1
//     is the large one (200 members; a 30,000-word guidance draft written through 50,000 Yjs updates;
//     10,000 annotations with 20,000 replies; 50 closed rounds × 10 items × 200 ballots; 1,000
//     decisions; 100 models with full assessment matrices; 500 findings); the other 99 are lighter
//     (200 members each, a tenth of the content, the draft as one update).
//   concord_bench_small: one small workspace of the same shape (10 members, a few of everything).
// Bulk rows go in with INSERT … SELECT over generate_series/unnest, not through the API; secret ballots
// carry the API's HMAC voter key (rounds.service voterKey) under BENCH_SESSION_SECRET, which the bench
// passes to the API as SESSION_SECRET. Every generated user's password is BENCH_PASSWORD (one argon2 hash).
// Usage: node tools/bench/large-workspace.mjs [--small] [--regenerate]
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const require = createRequire(import.meta.url);
const Y = require('yjs'); // the CommonJS build, as the API loads it
const argon2 = require('argon2');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_SESSION_SECRET = 'concord-bench-session-secret-not-for-production-0123456789';
export const BENCH_PASSWORD = 'concord-bench-password';
/** The lead of workspace 1 (the large one in concord_bench_large), who runs every benchmarked query. */
export const BENCH_LEAD_EMAIL = 'user00000@bench.concord.test';
const GENERATOR_VERSION = '1';

export const SCALES = {
  large: { members: 200, words: 30_000, updates: true, annotations: 10_000, replies: 2, carried: 500, rounds: 50, items: 10, criteria: 100, decisions: 1_000, models: 100, raters: 3, sources: 50, findings: 500, activity: 20_000, milestones: 12, meetings: 40, versions: 5 },
  light: { members: 200, words: 3_000, updates: false, annotations: 1_000, replies: 1, carried: 50, rounds: 5, items: 10, criteria: 20, decisions: 100, models: 10, raters: 2, sources: 5, findings: 50, activity: 2_000, milestones: 4, meetings: 6, versions: 2 },
  small: { members: 10, words: 1_000, updates: true, annotations: 10, replies: 1, carried: 2, rounds: 2, items: 5, criteria: 10, decisions: 10, models: 3, raters: 2, sources: 3, findings: 6, activity: 30, milestones: 3, meetings: 3, versions: 2 },
};
export const DEPLOYMENTS = {
  large: { template: 'concord_bench_large', users: 10_000, workspaces: ['large', ...Array(99).fill('light')] },
  small: { template: 'concord_bench_small', users: 10, workspaces: ['small'] },
};

const SECTORS = ['HE', 'NHS', 'SECTOR_BODY', 'STUDENT', 'OTHER'];
const REGIONS = ['NORTH_EAST_AND_YORKSHIRE', 'NORTH_WEST', 'MIDLANDS', 'EAST_OF_ENGLAND', 'LONDON', 'SOUTH_EAST', 'SOUTH_WEST'];
const MODEL_TYPES = ['LIAISON_SERVICE', 'CMHT_STYLE', 'EMBEDDED_CLINICIAN', 'SINGLE_POINT_OF_ACCESS', 'CRISIS_PATHWAY', 'DIGITAL', 'OTHER'];
const ACTIVITY = ['DECISION_PROPOSED', 'DECISION_AGREED', 'ROUND_OPENED', 'ROUND_CLOSED', 'VERSION_CREATED', 'ANNOTATION_ADDED', 'DELIVERABLE_DONE', 'MEETING_SCHEDULED'];
const TAGS = ['Information sharing', 'Consent', 'Transitions', 'Waiting times', 'Crisis', 'Data', 'Funding', 'Workforce'];
const VOCABULARY = 'the guidance sets out how universities colleges and nhs mental health services share information about students at risk'.split(' ');

const log = (...a) => console.error(`[large-workspace ${new Date().toISOString().slice(11, 19)}]`, ...a);
const range = (n) => Array.from({ length: n }, (_, i) => i);
const dbUrl = (name) => ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);

// ---------- the guidance draft, through real Yjs updates ----------

/**
 * The draft as the editor writes it (libs/editor-schema: a `default` XmlFragment of headings with ids and
 * paragraphs): a word per update, a typo typed and deleted every third word (as collab-bench's history),
 * a level-2 heading every 1,000 words. Returns the updates, the doc and each paragraph's text.
 */
function buildDraft(words, keepUpdates) {
  let seed = 1;
  const word = () => VOCABULARY[(seed = (seed * 1103515245 + 12345) % 2147483648) % VOCABULARY.length];
  const doc = new Y.Doc();
  const updates = [];
  if (keepUpdates) doc.on('update', (u) => updates.push(u));
  const fragment = doc.getXmlFragment('default');
  const paragraphs = []; // { type, text, sectionId, sectionTitle }
  let current;
  let section = { id: null, title: '' };
  for (let i = 0; i < words; i++) {
    if (i % 1000 === 0) {
      const n = i / 1000 + 1;
      section = { id: `sec-section-${n}`, title: `Section ${n}` };
      doc.transact(() => {
        const h = new Y.XmlElement('heading');
        h.setAttribute('level', 2);
        h.setAttribute('id', section.id);
        const t = new Y.XmlText();
        h.insert(0, [t]);
        fragment.insert(fragment.length, [h]);
        t.insert(0, section.title);
      });
    }
    if (i % 100 === 0) {
      doc.transact(() => {
        const p = new Y.XmlElement('paragraph');
        const t = new Y.XmlText();
        p.insert(0, [t]);
        fragment.insert(fragment.length, [p]);
        const w = word();
        t.insert(0, w);
        current = { type: t, text: w, sectionId: section.id, sectionTitle: section.title };
        paragraphs.push(current);
      });
    } else {
      const w = ` ${word()}`;
      current.type.insert(current.type.length, w);
      current.text += w;
    }
    if (i % 3 === 2) {
      const at = current.type.length;
      current.type.insert(at, ' teh');
      current.type.delete(at, 4);
    }
  }
  return { doc, updates, paragraphs };
}

const b64url = (bytes) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** An anchor (libs/editor-schema anchors.ts): two encoded relative positions joined by a dot. */
function anchor(type, start, end) {
  return `${b64url(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, start, 0)))}.${b64url(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, end, -1)))}`;
}

// ---------- generation ----------

async function insertChunked(c, rows, chunk, fn) {
  for (let i = 0; i < rows.length; i += chunk) await fn(rows.slice(i, i + chunk));
}

async function migrate(url) {
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', "require('./apps/api/src/database/data-source').migrate(process.argv[1]).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); })", url], {
    cwd: root,
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error('migrations failed');
}

async function generateUsers(c, n) {
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }); // password.ts ARGON2_OPTIONS
  await c.query(
    `INSERT INTO users (email, name, password_hash, created_at)
     SELECT 'user' || lpad(i::text, 5, '0') || '@bench.concord.test', 'Bench User ' || i, $2, now() - interval '400 days'
     FROM generate_series(0, $1 - 1) i`,
    [n, hash],
  );
  return (await c.query(`SELECT id FROM users WHERE email LIKE '%@bench.concord.test' ORDER BY email`)).rows.map((r) => r.id);
}

/** One workspace of the given scale; `userIds` are its members in order (the first is its lead). */
async function generateWorkspace(c, index, S, userIds, drafts) {
  const q = (sql, params) => c.query(sql, params);
  const ws = (await q(`INSERT INTO workspaces (name, description, created_at) VALUES ($1, $2, now() - interval '400 days') RETURNING id`, [`Bench workspace ${index + 1}`, `Generated for benchmarks (${S.name})`])).rows[0].id;
  // members: a lead, 9 editors, the rest members; sectors in turn
  const members = (
    await q(
      `INSERT INTO members (workspace_id, user_id, role, organisation, sector, joined_at)
       SELECT $1, u, CASE WHEN i = 1 THEN 'LEAD' WHEN i <= 10 THEN 'EDITOR' ELSE 'MEMBER' END, 'Organisation ' || (i % 40), ($3::text[])[1 + (i % 5)], now() - interval '390 days'
       FROM unnest($2::uuid[]) WITH ORDINALITY AS t(u, i) RETURNING id, user_id`,
      [ws, userIds, SECTORS],
    )
  ).rows;
  const memberOf = new Map(members.map((m) => [m.user_id, m.id]));
  const memberIds = userIds.map((u) => memberOf.get(u));
  const lead = userIds[0];
  const pick = (i, arr) => arr[(((i * 2654435761) >>> 0) % arr.length + arr.length) % arr.length];

  // the draft
  const draft = drafts[S.name];
  const doc = (await q(`INSERT INTO documents (workspace_id, title, word_budget, created_by, created_at) VALUES ($1, 'Guidance draft', 40000, $2, now() - interval '380 days') RETURNING id`, [ws, lead])).rows[0].id;
  const updates = S.updates ? draft.updates : [Y.encodeStateAsUpdate(draft.doc)];
  await insertChunked(c, updates, 5000, (chunk) => q(`INSERT INTO document_updates (document_id, data) SELECT $1, d FROM unnest($2::bytea[]) d`, [doc, chunk.map((u) => Buffer.from(u))]));
  const state = Buffer.from(Y.encodeStateAsUpdate(draft.doc));
  const versions = [];
  for (let v = 0; v < S.versions; v++) {
    versions.push((await q(`INSERT INTO document_versions (document_id, workspace_id, name, state, created_by, created_at) VALUES ($1, $2, $3, $4, $5, now() - ($6 || ' days')::interval) RETURNING id`, [doc, ws, `Version ${v + 1}`, state, lead, String(300 - v * 50)])).rows[0].id);
  }
  const reviewRound = (
    await q(`INSERT INTO review_rounds (workspace_id, document_id, version_id, title, closes_at, status, opened_by, created_at, closed_at) VALUES ($1, $2, $3, 'External review', now() - interval '100 days', 'CLOSED', $4, now() - interval '130 days', now() - interval '100 days') RETURNING id`, [ws, doc, versions[0], lead])
  ).rows[0].id;
  await q(`INSERT INTO challenge_tags (workspace_id, label, position) SELECT $1, t, i FROM unnest($2::text[]) WITH ORDINALITY AS x(t, i)`, [ws, TAGS]);

  // annotations on the draft, anchored in its paragraphs; some carried from the closed review round
  const ann = { id: [], kind: [], status: [], anchor: [], quote: [], sectionId: [], sectionTitle: [], body: [], suggestion: [], evidence: [], author: [], days: [], round: [], carried: [], tags: [] };
  for (let a = 0; a < S.annotations; a++) {
    const p = draft.paragraphs[(a * 7919) % draft.paragraphs.length];
    const start = (a * 31) % Math.max(1, p.text.length - 40);
    const end = Math.min(p.text.length, start + 12 + (a % 25));
    const kind = ['COMMENT', 'QUESTION', 'SUGGESTION', 'EVIDENCE'][a % 4];
    const carried = a < S.carried;
    ann.id.push(randomUUID());
    ann.kind.push(kind);
    ann.status.push(a % 5 === 0 ? 'RESOLVED' : 'OPEN');
    ann.anchor.push(anchor(p.type, start, end));
    ann.quote.push(p.text.slice(start, end));
    ann.sectionId.push(p.sectionId);
    ann.sectionTitle.push(p.sectionTitle);
    ann.body.push(`Annotation ${a + 1}: ${kind === 'QUESTION' ? 'what does this mean for students on placement?' : 'this should say who shares what, when, and with whose consent.'}`);
    ann.suggestion.push(kind === 'SUGGESTION' ? 'share information with the student’s consent' : null);
    ann.evidence.push(kind === 'EVIDENCE' ? `https://example.org/evidence/${a}` : null);
    ann.author.push(pick(a + 1, memberIds));
    ann.days.push(String(360 - Math.floor((a / S.annotations) * 350)));
    ann.round.push(carried ? reviewRound : null);
    ann.carried.push(carried ? ['EXACT', 'FUZZY', 'UNMATCHED'][a % 3] : null);
    ann.tags.push(a % 3 === 0 ? `{"${TAGS[a % TAGS.length]}"}` : '{}');
  }
  const cols = Object.keys(ann);
  await insertChunked(
    c,
    range(S.annotations),
    2500,
    (idx) =>
      q(
        `INSERT INTO annotations (id, workspace_id, document_id, kind, status, anchor, quote, section_id, section_title, body, suggestion, evidence_url, author_id, created_at, updated_at, review_round_id, version_id, carried, tags)
         SELECT id, $1, $2, kind, status, anchor, quote, sid, stitle, body, sugg, ev, author, now() - (days || ' days')::interval, now() - (days || ' days')::interval, rr, CASE WHEN rr IS NULL THEN NULL ELSE $3::uuid END, carried, tags::text[]
         FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::uuid[], $15::text[], $16::uuid[], $17::text[], $18::text[])
           AS t(id, kind, status, anchor, quote, sid, stitle, body, sugg, ev, author, days, rr, carried, tags)`,
        [ws, doc, versions[0], ...cols.map((k) => idx.map((i) => ann[k][i]))],
      ),
  );
  await q(
    `INSERT INTO triage_responses (annotation_id, response, reason, responded_by) SELECT id, 'ACCEPTED', 'Agreed by the working group', $2 FROM annotations WHERE review_round_id = $1`,
    [reviewRound, lead],
  );
  await q(
    `INSERT INTO annotation_replies (annotation_id, workspace_id, body, author_id, created_at)
     SELECT a.id, $1, 'Reply ' || r || ': agreed, with a note on consent.', ($3::uuid[])[1 + ((abs(hashtext(a.id::text)) + r) % array_length($3::uuid[], 1))], a.created_at + (r || ' hours')::interval
     FROM annotations a, generate_series(1, $2) r WHERE a.document_id = $4`,
    [ws, S.replies, memberIds, doc],
  );

  // criteria; every fifth one is rated 7–9 by most voters (INCLUDE), the rest spread (NO_CONSENSUS)
  const criteria = (
    await q(
      `INSERT INTO criteria (workspace_id, statement, rationale, position, proposed_by, created_at, status)
       SELECT $1, 'Criterion ' || (i + 1) || ': partners agree how information about a student at risk is shared', 'Rationale ' || (i + 1), i, $2, now() - interval '370 days' + (i || ' minutes')::interval, 'CANDIDATE'
       FROM generate_series(0, $3 - 1) i RETURNING id, position`,
      [ws, lead, S.criteria],
    )
  ).rows
    .sort((a, b) => a.position - b.position)
    .map((r) => r.id);

  // rounds: all closed but the last, which is open with half the ballots in
  const rounds = (
    await q(
      `INSERT INTO consensus_rounds (workspace_id, title, number, scale, anonymous, status, rule, eligible_roles, eligible_sectors, live_results, opens_at, closes_at, opened_at, closed_at, created_by, created_at)
       SELECT $1, 'Round ' || (r + 1), 1, 'LIKERT_9', true, CASE WHEN r = $2 - 1 THEN 'OPEN' ELSE 'CLOSED' END, '{"kind":"DELPHI","agree":0.7,"disagree":0.15,"crossSector":false}', '{}', '{}', false,
         now() - ((360 - r * 6) || ' days')::interval, CASE WHEN r = $2 - 1 THEN now() + interval '7 days' ELSE now() - ((355 - r * 6) || ' days')::interval END,
         now() - ((360 - r * 6) || ' days')::interval, CASE WHEN r = $2 - 1 THEN NULL ELSE now() - ((355 - r * 6) || ' days')::interval END, $3, now() - ((361 - r * 6) || ' days')::interval
       FROM generate_series(0, $2 - 1) r RETURNING id, title`,
      [ws, S.rounds, lead],
    )
  ).rows
    .sort((a, b) => Number(a.title.split(' ')[1]) - Number(b.title.split(' ')[1]))
    .map((r) => r.id);
  const items = { round: [], criterion: [], position: [] };
  for (let r = 0; r < S.rounds; r++)
    for (let j = 0; j < S.items; j++) {
      items.round.push(rounds[r]);
      items.criterion.push(criteria[(r * S.items + j) % S.criteria]);
      items.position.push(j);
    }
  await q(`INSERT INTO round_items (round_id, workspace_id, criterion_id, position) SELECT r, $1, c, p FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS t(r, c, p)`, [ws, items.round, items.criterion, items.position]);
  const openRound = rounds[rounds.length - 1];
  await q(
    `INSERT INTO ballots (round_id, item_id, voter_key, sector, rating, rationale)
     SELECT ri.round_id, ri.id, encode(hmac('ballot:' || ri.round_id || ':' || m.user_id, $2, 'sha256'), 'hex'), m.sector,
       CASE WHEN c.position % 5 = 0 THEN CASE WHEN h.v % 100 < 85 THEN 7 + h.v % 3 ELSE 4 + h.v % 3 END ELSE 1 + h.v % 9 END,
       CASE WHEN h.v % 10 = 0 THEN 'Because the evidence from the pilots supports it.' END
     FROM round_items ri JOIN criteria c ON c.id = ri.criterion_id JOIN members m ON m.workspace_id = ri.workspace_id AND m.role IN ('LEAD', 'EDITOR', 'MEMBER'),
       LATERAL (SELECT abs(hashtext(ri.id::text || m.user_id::text)) AS v) h
     WHERE ri.workspace_id = $1 AND (ri.round_id <> $3 OR h.v % 2 = 0)`,
    [ws, BENCH_SESSION_SECRET, openRound],
  );
  await q(
    `INSERT INTO round_participation (round_id, user_id)
     SELECT r.id, m.user_id FROM consensus_rounds r JOIN members m ON m.workspace_id = r.workspace_id AND m.role IN ('LEAD', 'EDITOR', 'MEMBER')
     WHERE r.workspace_id = $1 AND (r.id <> $2 OR abs(hashtext(m.user_id::text)) % 2 = 0)`,
    [ws, openRound],
  );

  // evidence: sources and findings
  const sources = (
    await q(`INSERT INTO sources (workspace_id, title, authors, year, publisher, type) SELECT $1, 'Source ' || (i + 1), 'Author ' || (i % 17), 2015 + i % 10, 'Publisher', 'REPORT' FROM generate_series(0, $2 - 1) i RETURNING id`, [ws, S.sources])
  ).rows.map((r) => r.id);
  await q(
    `INSERT INTO findings (workspace_id, source_id, kind, text, reference, tags, created_by)
     SELECT $1, ($2::uuid[])[1 + i % array_length($2::uuid[], 1)], (ARRAY['RECOMMENDATION', 'CHALLENGE', 'SOLUTION', 'GOOD_PRACTICE'])[1 + i % 4], 'Finding ' || (i + 1) || ': joint triage shortened waits.', 'p. ' || (i % 90), ARRAY[($4::text[])[1 + i % 8]], $5
     FROM generate_series(0, $3 - 1) i`,
    [ws, sources, S.findings, TAGS, lead],
  );

  // models, a case study for half of them, and full matrices: every agreed criterion rated by `raters` members
  const models = (
    await q(
      `INSERT INTO practice_models (workspace_id, name, lead_providers, nhs_partners, region, type, summary)
       SELECT $1, 'Model ' || (i + 1), 'University ' || (i % 30), 'NHS Trust ' || (i % 20), ($3::text[])[1 + i % 7], ($4::text[])[1 + i % 7], 'A joint service between a university and its local NHS trust.'
       FROM generate_series(0, $2 - 1) i RETURNING id`,
      [ws, S.models, REGIONS, MODEL_TYPES],
    )
  ).rows.map((r) => r.id);
  const template = (await q(`INSERT INTO case_study_templates (workspace_id, version, sections, created_by) VALUES ($1, 1, $2, $3) RETURNING id`, [ws, JSON.stringify([{ id: 'context', title: 'Context', fields: [{ id: 'context-summary', help: '', type: 'LONG_TEXT', label: 'Local context', options: [], required: true }] }]), lead])).rows[0].id;
  await q(
    `INSERT INTO case_study_submissions (workspace_id, model_id, template_id, status, answers, created_by, updated_by, submitted_at)
     SELECT $1, m, $2, 'SUBMITTED', '{"context-summary":"A shared referral pathway."}', $3, $3, now() - interval '50 days' FROM unnest($4::uuid[]) WITH ORDINALITY AS t(m, i) WHERE i % 2 = 1`,
    [ws, template, lead, models],
  );
  await q(
    `INSERT INTO model_ratings (workspace_id, model_id, criterion_id, member_id, rating, note)
     SELECT $1, m, c.id, ($3::uuid[])[2 + ((k + mi + c.position) % (array_length($3::uuid[], 1) - 1))], (ARRAY['MET', 'MET', 'PARTLY', 'NOT_MET', 'UNKNOWN'])[1 + (k + mi + c.position) % 5], CASE WHEN k = 0 THEN 'Seen in the case study.' ELSE '' END
     FROM unnest($2::uuid[]) WITH ORDINALITY AS t(m, mi), criteria c, generate_series(0, $4 - 1) k
     WHERE c.workspace_id = $1 AND c.position % 5 = 0`,
    [ws, models, memberIds, S.raters],
  );

  // decisions: agreed through rounds, every twentieth superseded by the next
  const decisionIds = range(S.decisions).map(() => randomUUID());
  const d = { id: [], status: [], supersedes: [], supersededBy: [], item: [], annotations: [], sources: [], sections: [], days: [] };
  const itemIds = (await q(`SELECT id FROM round_items WHERE workspace_id = $1 ORDER BY id`, [ws])).rows.map((r) => r.id);
  for (let i = 0; i < S.decisions; i++) {
    const superseded = i % 20 === 0 && i + 1 < S.decisions;
    d.id.push(decisionIds[i]);
    d.status.push(superseded ? 'SUPERSEDED' : i % 7 === 3 ? 'PROPOSED' : 'AGREED');
    d.supersedes.push(i % 20 === 1 ? decisionIds[i - 1] : null);
    d.supersededBy.push(superseded ? decisionIds[i + 1] : null);
    d.item.push(`{${itemIds[i % itemIds.length]}}`);
    d.annotations.push(`{${ann.id[i % ann.id.length]}}`);
    d.sources.push(`{${sources[i % sources.length]}}`);
    const p = draft.paragraphs[(i * 13) % draft.paragraphs.length];
    d.sections.push(JSON.stringify(p.sectionId ? [{ documentId: doc, sectionId: p.sectionId, title: p.sectionTitle }] : []));
    d.days.push(String(350 - Math.floor((i / S.decisions) * 340)));
  }
  await q(
    `INSERT INTO decisions (id, workspace_id, number, title, statement, rationale, status, created_by, created_at, agreed_at, agreed_via, agreed_round_id, supersedes_id, superseded_by_id, round_item_ids, annotation_ids, source_ids, sections)
     SELECT id, $1, n, 'Decision ' || n, 'The partners will share information about a student at risk with consent (' || n || ').', 'Agreed after round ' || (1 + n % $3), st, $2,
       now() - (days || ' days')::interval, CASE WHEN st = 'PROPOSED' THEN NULL ELSE now() - (days || ' days')::interval + interval '1 day' END, CASE WHEN st = 'PROPOSED' THEN NULL ELSE 'ROUND' END,
       CASE WHEN st = 'PROPOSED' THEN NULL ELSE ($4::uuid[])[1 + n % $3] END, sup, supby, items::uuid[], anns::uuid[], srcs::uuid[], secs::jsonb
     FROM unnest($5::uuid[], $6::text[], $7::uuid[], $8::uuid[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[]) WITH ORDINALITY AS t(id, st, sup, supby, items, anns, srcs, secs, days, n)`,
    [ws, lead, S.rounds - 1 || 1, rounds, d.id, d.status, d.supersedes, d.supersededBy, d.item, d.annotations, d.sources, d.sections, d.days],
  );

  // the plan: milestones with deliverables, meetings with agendas; and the activity feed
  await q(
    `WITH ms AS (
       INSERT INTO milestones (workspace_id, title, starts_on, due_on, created_at)
       SELECT $1, 'Milestone ' || (i + 1), current_date - 300 + i * 30, current_date - 280 + i * 30, now() - interval '300 days' FROM generate_series(0, $2 - 1) i RETURNING id, due_on)
     INSERT INTO deliverables (milestone_id, title, owner_id, due_on, done_at, position)
     SELECT ms.id, 'Deliverable ' || k, $3, ms.due_on, CASE WHEN ms.due_on < current_date THEN now() END, k FROM ms, generate_series(1, 5) k`,
    [ws, S.milestones, lead],
  );
  await q(
    `WITH mt AS (
       INSERT INTO meetings (workspace_id, title, kind, held_on)
       SELECT $1, 'Meeting ' || (i + 1), CASE WHEN i % 2 = 0 THEN 'TASKFORCE' ELSE 'WORKING_GROUP' END, current_date - 350 + i * 9 FROM generate_series(0, $2 - 1) i RETURNING id)
     INSERT INTO agenda_items (meeting_id, workspace_id, position, title) SELECT mt.id, $1, k, 'Agenda item ' || k FROM mt, generate_series(1, 3) k`,
    [ws, S.meetings],
  );
  await q(
    `INSERT INTO activity_events (workspace_id, kind, actor_id, target_id, label, created_at)
     SELECT $1, ($3::text[])[1 + i % array_length($3::text[], 1)], $4, NULL, 'Activity ' || (i + 1), now() - (($2 - i) || ' minutes')::interval FROM generate_series(0, $2 - 1) i`,
    [ws, S.activity, ACTIVITY, lead],
  );
  return { id: ws, documentId: doc, roundId: rounds[Math.floor(rounds.length / 2) - (rounds.length > 1 ? 0 : 0)] ?? rounds[0] };
}

async function exists(admin, name) {
  return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;
}

/** Generates the template database of `kind` (large or small) unless it exists (or `regenerate`). */
export async function ensureTemplate(kind, { regenerate = false } = {}) {
  const D = DEPLOYMENTS[kind];
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    if (!regenerate && (await exists(admin, D.template))) {
      const c = new pg.Client({ connectionString: dbUrl(D.template) });
      await c.connect();
      const meta = await c.query(`SELECT description FROM workspaces WHERE name = 'Bench workspace 1'`).catch(() => ({ rows: [] }));
      await c.end();
      if (meta.rows[0]?.description?.includes(`v${GENERATOR_VERSION}`)) return D.template;
      log(`${D.template} is from another generator version: regenerating`);
    }
    const started = performance.now();
    const building = `${D.template}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${building}`);
    const url = dbUrl(building);
    log(`migrating ${building}`);
    await migrate(url);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('SET synchronous_commit = off');
      const t0 = performance.now();
      const drafts = {};
      for (const name of new Set(D.workspaces)) {
        const S = SCALES[name];
        drafts[name] = buildDraft(S.words, S.updates);
        log(`draft (${name}): ${S.words} words, ${drafts[name].updates.length || 1} Yjs update(s), ${drafts[name].paragraphs.length} paragraphs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      const users = await generateUsers(c, D.users);
      log(`${users.length} users`);
      const created = [];
      for (const [i, name] of D.workspaces.entries()) {
        const S = { ...SCALES[name], name };
        const memberUsers = range(Math.min(S.members, users.length)).map((k) => users[(i * 100 + k) % users.length]);
        await c.query('BEGIN');
        created.push(await generateWorkspace(c, i, S, memberUsers, drafts));
        await c.query('COMMIT');
        if (i === 0 || (i + 1) % 20 === 0) log(`workspace ${i + 1}/${D.workspaces.length} (${name}) after ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
      // the bench lead also observes a few more workspaces, so its workspace list is not trivial
      if (created.length > 8) {
        await c.query(`INSERT INTO members (workspace_id, user_id, role, organisation, sector) SELECT w, $1, 'OBSERVER', 'Bench', 'OTHER' FROM unnest($2::uuid[]) w ON CONFLICT DO NOTHING`, [users[0], created.slice(1, 9).map((w) => w.id)]);
      }
      await c.query(`UPDATE workspaces SET description = description || ' v${GENERATOR_VERSION}' WHERE name = 'Bench workspace 1'`);
      await c.query('VACUUM ANALYZE');
      const counts = (
        await c.query(
          `SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE relname IN ('users','workspaces','members','document_updates','annotations','annotation_replies','consensus_rounds','round_items','ballots','decisions','practice_models','model_ratings','findings','activity_events') ORDER BY relname`,
        )
      ).rows;
      const size = (await c.query('SELECT pg_size_pretty(pg_database_size(current_database())) s')).rows[0].s;
      log(`generated in ${((performance.now() - started) / 1000).toFixed(0)} s, ${size}: ${counts.map((r) => `${r.relname} ${r.n_live_tup}`).join(', ')}`);
    } finally {
      await c.end();
    }
    await admin.query(`DROP DATABASE IF EXISTS ${D.template} WITH (FORCE)`);
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${D.template}`);
    return D.template;
  } finally {
    await admin.end();
  }
}

/** A fresh copy of a template database; `drop` removes it. */
export async function cloneTemplate(template) {
  const name = `${template}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  return {
    name,
    url: dbUrl(name),
    async drop() {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** What the bench needs to know of a generated database: the lead's workspace, its draft, a closed round. */
export async function describe(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const ws = (await c.query(`SELECT id FROM workspaces WHERE name = 'Bench workspace 1'`)).rows[0].id;
    const doc = (await c.query(`SELECT id FROM documents WHERE workspace_id = $1`, [ws])).rows[0].id;
    const rounds = (await c.query(`SELECT id FROM consensus_rounds WHERE workspace_id = $1 AND status = 'CLOSED' ORDER BY closed_at`, [ws])).rows;
    const sizes = (
      await c.query(
        `SELECT (SELECT count(*) FROM members WHERE workspace_id = $1) members, (SELECT count(*) FROM annotations WHERE document_id = $2) annotations,
           (SELECT count(*) FROM annotation_replies r JOIN annotations a ON a.id = r.annotation_id WHERE a.document_id = $2) replies, (SELECT count(*) FROM document_updates WHERE document_id = $2) updates,
           (SELECT count(*) FROM consensus_rounds WHERE workspace_id = $1) rounds, (SELECT count(*) FROM ballots b JOIN consensus_rounds r ON r.id = b.round_id WHERE r.workspace_id = $1) ballots,
           (SELECT count(*) FROM decisions WHERE workspace_id = $1) decisions, (SELECT count(*) FROM practice_models WHERE workspace_id = $1) models,
           (SELECT count(*) FROM model_ratings WHERE workspace_id = $1) ratings, (SELECT count(*) FROM findings WHERE workspace_id = $1) findings,
           (SELECT count(*) FROM workspaces) workspaces, (SELECT count(*) FROM members) memberships, (SELECT count(*) FROM users) users`,
        [ws, doc],
      )
    ).rows[0];
    return { workspaceId: ws, documentId: doc, roundId: rounds[Math.floor(rounds.length / 2)].id, sizes: Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, Number(v)])) };
  } finally {
    await c.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kind = process.argv.includes('--small') ? 'small' : 'large';
  const t = performance.now();
  const template = await ensureTemplate(kind, { regenerate: process.argv.includes('--regenerate') });
  const info = await describe(dbUrl(template));
  console.log(`${template} ready after ${((performance.now() - t) / 1000).toFixed(0)} s:`, JSON.stringify(info.sizes));
}
