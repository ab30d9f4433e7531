// Assembles the exported guidance (live draft or a named version, with optional appendices) and the
// consensus methods report, as laid-out documents for the renderers. Read-only.
import { SECTORS } from '@concord/shared';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@concord/shared';
import { DataSource } from 'typeorm';
import { DomainError, forbidden, notFound } from '../../common/domain-error';
import { can } from '../../common/policy';
import { APP_CONFIG, AppConfig } from '../../config/app.config';
import { AuditService } from '../audit/audit.service';
import { dateTime, dayOf, DECISION_STATUS_LABELS, number, percent, SCALE_LABELS, sectorLabel, shorten, VERDICT_LABELS } from '../briefings/briefing-format';
import { RoundEntity, RoundStatus, Scale } from '../consensus/round.entity';
import { RoundsService } from '../consensus/rounds.service';
import { DecisionStatus } from '../decisions/decision.entity';
import { decisionRef, DecisionsService } from '../decisions/decisions.service';
import { DocumentEntity, DocumentVersionEntity } from '../documents/document.entity';
import { DocumentContentService } from '../documents/document-content.service';
import { DocumentsService } from '../documents/documents.service';
import { GlossaryService } from '../glossary/glossary.service';
import { TraceabilityService } from '../traceability/traceability.service';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Block, blockCharacters, bullets, documentBlocks, ExportDocument, heading, note, para, Span, table, text } from './export-layout';
import { Appendix, ExportFormat } from './export-format';
import { docFromState } from '../documents/snapshot';

export interface GuidanceRequest {
  versionId?: string | null;
  appendices: Appendix[];
}

const APPENDIX_TITLES: Record<Appendix, string> = {
  decisions: 'Decision log',
  results: 'Criteria results and consensus strength',
  caseStudies: 'Case-study summaries',
  sources: 'Sources',
  trace: 'Why each section says what it says',
  glossary: 'Glossary for NHS readers',
};

@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: DocumentsService,
    private readonly content: DocumentContentService,
    private readonly decisions: DecisionsService,
    private readonly rounds: RoundsService,
    private readonly trace: TraceabilityService,
    private readonly glossary: GlossaryService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The member who may export from a workspace: NOT_FOUND for a non-member or unknown id, FORBIDDEN for a
   * reviewer. A refusal is audited like the policy guard's (operation, code, role; nothing else).
   */
  async readerOf(userId: string, workspaceId: string | null, operation = 'GET /exports', targetId: string | null = null): Promise<MemberEntity> {
    const member = workspaceId ? await this.db.getRepository(MemberEntity).findOne({ where: { workspaceId, userId } }) : null;
    if (!member || !can(member.role, 'export.read')) {
      const code = member ? 'FORBIDDEN' : 'NOT_FOUND';
      await this.audit.record({ workspaceId, actorId: userId, action: 'authorization.denied', targetId, data: { operation, code, role: member?.role ?? null } }).catch(() => undefined);
      if (!member) throw notFound('Not found');
      throw forbidden('Your role cannot export the guidance');
    }
    return member;
  }

  workspaceOfDocument(documentId: string): Promise<string | null> {
    return this.content.workspaceOf(documentId);
  }

  async workspaceExists(workspaceId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query('SELECT id FROM workspaces WHERE id = $1', [workspaceId]);
    return rows[0]?.id ?? null;
  }

  record(reader: MemberEntity, what: string, targetId: string, data: Record<string, unknown>): Promise<void> {
    return this.audit.record({ workspaceId: reader.workspaceId, actorId: reader.userId, action: `${what}.exported`, targetId, data });
  }

  /** The guidance as a laid-out document, and the name for its file. */
  async guidance(documentId: string, request: GuidanceRequest, now = new Date()): Promise<{ doc: ExportDocument; filename: (f: ExportFormat) => string }> {
    const document = await this.db.getRepository(DocumentEntity).findOne({ where: { id: documentId } });
    if (!document) throw notFound('Document not found');
    let version: DocumentVersionEntity | null = null;
    if (request.versionId) {
      version = /^[0-9a-f-]{36}$/i.test(request.versionId) ? await this.documents.findVersion(request.versionId) : null;
      if (!version || version.documentId !== documentId) throw new DomainError(ErrorCode.NOT_FOUND, 'No such version of this document', 'version');
    }
    const state = version ? new Uint8Array(await this.documents.versionState(version)) : await this.content.currentState(documentId);
    const ydoc = docFromState(state);
    const body = documentBlocks(ydoc);
    ydoc.destroy();
    const limit = this.config.exportMaxCharacters;
    const size = blockCharacters(body);
    if (size > limit) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `The document is too large to export: ${size} characters of text, the limit is ${limit}`, 'document', { reason: 'TOO_LARGE', limit });
    }
    const workspace = await this.db.getRepository(WorkspaceEntity).findOneOrFail({ where: { id: document.workspaceId } });
    const traces = await this.trace.documentTrace(documentId, { state });
    // A section a decision agreed by consensus is about carries its strength under its heading.
    const blocks: Block[] = [];
    for (const b of body) {
      blocks.push(b);
      if (b.kind !== 'heading' || !b.id) continue;
      for (const d of traces.find((t) => t.sectionId === b.id)?.decisions ?? []) {
        if (d.status === DecisionStatus.AGREED && d.strength) blocks.push(note(`Agreed (${d.ref}, ${d.title}): ${d.strength}.`));
      }
    }
    for (const a of request.appendices) blocks.push(...(await this.appendix(a, document.workspaceId, traces)));
    const title = body.find((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 1)?.text || document.title;
    const subtitle = [workspace.name, version ? `Version “${version.name}”, saved ${dateTime(version.createdAt)}` : `Live draft as of ${dateTime(now)}`, `Exported from Concord on ${dayOf(now)}`];
    const slug = document.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'guidance';
    const which = version ? version.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'version' : 'live';
    return { doc: { title, subtitle, blocks }, filename: (f) => `${slug}-${which}.${f}` };
  }

  private async appendix(a: Appendix, workspaceId: string, traces: Awaited<ReturnType<TraceabilityService['documentTrace']>>): Promise<Block[]> {
    const out: Block[] = [heading(1, `Appendix: ${APPENDIX_TITLES[a]}`)];
    switch (a) {
      case 'decisions': {
        const all = await this.decisions.forWorkspace(workspaceId);
        if (all.length === 0) return [...out, note('No decisions have been recorded.')];
        const rows: (string | Span[])[][] = [];
        for (const d of all) {
          const strength = d.status === DecisionStatus.AGREED ? this.trace.traceDecision(d, await this.trace.resultsOf(d)).strength : null;
          rows.push([decisionRef(d.number), [{ text: d.title, bold: true }, { text: '\n' }, { text: d.statement }], DECISION_STATUS_LABELS[d.status] ?? d.status, d.agreedAt ? dayOf(d.agreedAt) : '–', strength ?? '–']);
        }
        return [...out, table(['Ref', 'Decision', 'Status', 'Agreed', 'Consensus strength'], rows, [8, 49, 11, 15, 17])];
      }
      case 'results': {
        const closed = (await this.rounds.forWorkspace(workspaceId)).filter((r) => r.status === RoundStatus.CLOSED).sort((x, y) => (x.closedAt?.getTime() ?? 0) - (y.closedAt?.getTime() ?? 0));
        if (closed.length === 0) return [...out, note('No consensus round has closed yet.')];
        for (const r of closed) {
          out.push(heading(2, `Round ${r.number}: ${r.title}`), note(`${SCALE_LABELS[r.scale] ?? r.scale}; ${r.anonymous ? 'anonymous' : 'not anonymous'}; closed ${r.closedAt ? dateTime(r.closedAt) : '–'}.`));
          const rows: string[][] = [];
          for (const item of await this.rounds.items(r.id)) {
            const t = await this.trace.result(r, item);
            rows.push([item.criterion.statement, VERDICT_LABELS[t.verdict] ?? t.verdict, String(t.n), percent(t.agreeShare), t.strength ?? '–']);
          }
          out.push(table(['Criterion', 'Verdict', 'n', r.scale === Scale.LIKERT_9 ? 'Rated 7–9' : 'Agreeing', 'Consensus strength'], rows, [50, 15, 6, 11, 18]));
        }
        return out;
      }
      case 'caseStudies': {
        const rows: { id: string; name: string; answers: Record<string, unknown>; sections: { title: string; fields: { id: string; label: string; type: string }[] }[] }[] = await this.db.query(
          `SELECT s.id, m.name, s.answers, t.sections FROM case_study_submissions s
             JOIN practice_models m ON m.id = s.model_id JOIN case_study_templates t ON t.id = s.template_id
            WHERE s.workspace_id = $1 AND s.status = 'SUBMITTED' ORDER BY m.name`,
          [workspaceId],
        );
        if (rows.length === 0) return [...out, note('No case study has been submitted yet.')];
        for (const r of rows) {
          out.push(heading(2, r.name));
          const items = r.sections
            .flatMap((s) => s.fields)
            .flatMap((f) => {
              const v = r.answers[f.id];
              const value = Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v);
              return value.trim() ? [[{ text: `${f.label}: `, bold: true }, { text: shorten(value, 400) }] as Span[]] : [];
            })
            .slice(0, 6);
          out.push(items.length ? bullets(items) : note('No answers.'));
        }
        return out;
      }
      case 'sources': {
        const rows: { title: string; authors: string; year: number | null; publisher: string | null; url: string | null; findings: number }[] = await this.db.query(
          `SELECT s.title, s.authors, s.year, s.publisher, s.url, (SELECT count(*)::int FROM findings f WHERE f.source_id = s.id) AS findings
             FROM sources s WHERE s.workspace_id = $1 ORDER BY s.authors, s.year NULLS LAST, s.title`,
          [workspaceId],
        );
        if (rows.length === 0) return [...out, note('No sources have been added.')];
        return [
          ...out,
          bullets(
            rows.map((s) => [
              { text: `${s.authors}${s.year ? ` (${s.year})` : ''}. ` },
              s.url ? { text: s.title, italics: true, link: s.url } : { text: s.title, italics: true },
              { text: `${s.publisher ? `. ${s.publisher}` : ''}. ${s.findings} finding${s.findings === 1 ? '' : 's'} mapped.` },
            ]),
          ),
        ];
      }
      case 'trace': {
        for (const t of traces) {
          out.push(heading(2, t.title));
          const items: Span[][] = [
            ...t.decisions.map((d) => [{ text: `${d.ref} `, bold: true }, { text: `${d.title} (${(DECISION_STATUS_LABELS[d.status] ?? d.status).toLowerCase()})${d.strength ? `: ${d.strength}` : ''}` }]),
            ...t.results.map((r) => [{ text: `Round ${r.roundNumber} result: `, bold: true }, { text: `${r.criterion} — ${VERDICT_LABELS[r.verdict] ?? r.verdict}${r.strength ? `, ${r.strength}` : ''}` }]),
            ...t.findings.map((f) => [{ text: 'Finding: ', bold: true }, { text: `${shorten(f.text, 240)} (${f.sourceTitle}${f.reference ? `, ${f.reference}` : ''})` }]),
            ...t.caseStudies.map((c) => [{ text: 'Case study: ', bold: true }, { text: c.modelName }]),
            ...t.annotations.map((a) => [{ text: `${a.kind.charAt(0)}${a.kind.slice(1).toLowerCase()}: `, bold: true }, { text: `“${shorten(a.quote, 120)}” — ${shorten(a.body, 200)}${a.authorName ? ` (${a.authorName})` : ''}` }]),
          ];
          out.push(items.length ? bullets(items) : note('Nothing is linked to this section yet.'));
        }
        return out;
      }
      case 'glossary': {
        const entries = await this.glossary.defined(workspaceId);
        if (entries.length === 0) return [...out, note('The workspace has not defined any terms yet.')];
        return [...out, table(['Term', 'What it means'], entries.map((e) => [[{ text: e.term, bold: true }, ...(e.expansion ? [{ text: ` (${e.expansion})` }] : [])], e.explanation]), [28, 72])];
      }
    }
  }

  /** The consensus methods report: the ACCORD items the product can fill, from the recorded history. */
  async methodsReport(workspaceId: string, now = new Date()): Promise<{ doc: ExportDocument; filename: (f: ExportFormat) => string }> {
    const workspace = await this.db.getRepository(WorkspaceEntity).findOne({ where: { id: workspaceId } });
    if (!workspace) throw notFound('Workspace not found');
    const members = await this.db.getRepository(MemberEntity).find({ where: { workspaceId } });
    const rounds = (await this.rounds.forWorkspace(workspaceId)).filter((r) => r.status !== RoundStatus.DRAFT).sort((a, b) => (a.openedAt?.getTime() ?? 0) - (b.openedAt?.getTime() ?? 0));
    const blocks: Block[] = [];

    // ACCORD: participants — the panel by sector and organisation.
    blocks.push(heading(1, 'Panel'));
    const panel = members.filter((m) => m.role !== 'REVIEWER');
    blocks.push(para(...text(`The panel has ${panel.length} members across ${new Set(panel.map((m) => m.organisation)).size} organisations. Reviewers invited to comment on drafts are not panel members and never vote.`)));
    blocks.push(
      table(
        ['Sector', 'Members', 'Organisations'],
        SECTORS.filter((s) => panel.some((m) => m.sector === s)).map((s) => {
          const here = panel.filter((m) => m.sector === s);
          return [sectorLabel(s), String(here.length), [...new Set(here.map((m) => m.organisation))].sort().join(', ')];
        }),
        [22, 12, 66],
      ),
    );
    const byRole = ['LEAD', 'EDITOR', 'MEMBER', 'OBSERVER'].map((r) => [r.charAt(0) + r.slice(1).toLowerCase(), String(panel.filter((m) => m.role === r).length)]).filter((r) => r[1] !== '0');
    blocks.push(table(['Role', 'Members'], byRole, [70, 30]));

    // ACCORD: recruitment — how members were invited.
    blocks.push(heading(1, 'How members were invited'));
    const invited: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM invitations i JOIN members m ON m.user_id = i.accepted_by AND m.workspace_id = i.workspace_id
        WHERE i.workspace_id = $1 AND i.accepted_at IS NOT NULL AND i.review_round_id IS NULL AND m.role <> 'REVIEWER'`,
      [workspaceId],
    );
    const byInvitation = invited[0]?.n ?? 0;
    blocks.push(
      para(
        ...text(
          `Members join by a personal e-mail invitation sent by a lead: a single-use link, bound to the invited address and expiring after 14 days, naming the role, organisation and sector they join with. ${byInvitation} of the ${panel.length} panel members joined by invitation; the other ${panel.length - byInvitation} were set up with the workspace.`,
        ),
      ),
    );

    // ACCORD: the consensus rules, and when each was fixed.
    blocks.push(heading(1, 'Rules and when they were fixed'));
    if (rounds.length === 0) blocks.push(note('No consensus round has been opened yet.'));
    for (const r of rounds) {
      blocks.push(heading(2, `Round ${r.number}: ${r.title}`));
      blocks.push(
        bullets([
          `Scale: ${SCALE_LABELS[r.scale] ?? r.scale}.`,
          `Rule: ${ruleText(r)}.`,
          `Fixed when the round opened${r.openedAt ? `, ${dateTime(r.openedAt)}` : ''}; it cannot change after that.`,
          `Eligible to vote: ${r.eligibleRoles.length ? r.eligibleRoles.map((x) => x.toLowerCase()).join(', ') : 'leads, editors and members'}${r.eligibleSectors.length ? ` in ${r.eligibleSectors.map(sectorLabel).join(', ')}` : ' of every sector'}; members who declared a conflict of interest on an item were recused from it.`,
        ]),
      );
    }

    // ACCORD: number of rounds and response rate per round.
    blocks.push(heading(1, 'Rounds and response rates'));
    const closed = rounds.filter((r) => r.status === RoundStatus.CLOSED);
    blocks.push(para(...text(`${rounds.length} round${rounds.length === 1 ? '' : 's'} ${rounds.length === 1 ? 'was' : 'were'} run (${closed.length} closed${rounds.length > closed.length ? `, ${rounds.length - closed.length} still open` : ''}). A later round carries forward the items without consensus and shows each voter the group’s previous distribution and their own previous score.`)));
    const rateRows: string[][] = [];
    // the workspace's members by role and sector, and every round's turnout, each read once
    const electorate = await this.rounds.electoratesOf([workspaceId]);
    const votedIn = new Map((await this.rounds.votedCounts(rounds.map((r) => r.id))).map((v) => [v.roundId, v.n]));
    for (const r of rounds) {
      const eligible = (await this.rounds.eligibleCounts(r, electorate)).total;
      const voted = votedIn.get(r.id) ?? 0;
      rateRows.push([`Round ${r.number}: ${r.title}`, r.openedAt ? dayOf(r.openedAt) : '–', r.closedAt ? dayOf(r.closedAt) : 'open', String(eligible), String(voted), eligible ? percent(voted / eligible) : '–']);
    }
    if (rateRows.length) blocks.push(table(['Round', 'Opened', 'Closed', 'Eligible', 'Voted', 'Response rate'], rateRows, [36, 14, 14, 11, 10, 15]));

    // ACCORD: results per round.
    blocks.push(heading(1, 'Results per round'));
    if (closed.length === 0) blocks.push(note('No round has closed yet.'));
    for (const r of closed) {
      blocks.push(heading(2, `Round ${r.number}: ${r.title}`));
      const rows: string[][] = [];
      for (const item of await this.rounds.items(r.id)) {
        const res = await this.rounds.result(r, item);
        const t = await this.trace.result(r, item);
        rows.push([item.criterion.statement, String(res.n), number(res.median), number(res.iqr), percent(t.agreeShare), VERDICT_LABELS[res.verdict] ?? res.verdict, res.changeSincePrevious === null ? '–' : `${res.changeSincePrevious > 0 ? '+' : ''}${Math.round(res.changeSincePrevious)} pts`]);
      }
      blocks.push(table(['Item', 'n', 'Median', 'IQR', r.scale === Scale.LIKERT_9 ? 'Rated 7–9' : 'Agreeing', 'Verdict', 'Change'], rows, [42, 6, 9, 7, 11, 14, 11]));
    }

    // ACCORD: anonymity.
    blocks.push(heading(1, 'What was anonymous'));
    blocks.push(
      table(
        ['Round', 'Anonymous', 'What others could see'],
        rounds.map((r) => [
          `Round ${r.number}: ${r.title}`,
          r.anonymous ? 'Yes' : 'No',
          r.anonymous
            ? 'Aggregates only; rationales without names; sector breakdowns with fewer than 3 voters suppressed; the lead saw who had voted, not how.'
            : 'Aggregates and rationales; the lead saw who had voted.',
        ]),
        [34, 13, 53],
      ),
    );
    if (rounds.some((r) => r.documentVersionId)) {
      blocks.push(heading(1, 'Draft the rounds were run against'));
      const names: { id: string; name: string }[] = await this.db.query('SELECT id, name FROM document_versions WHERE id = ANY($1)', [rounds.map((r) => r.documentVersionId).filter(Boolean)]);
      blocks.push(bullets(rounds.filter((r) => r.documentVersionId).map((r) => `Round ${r.number}: version “${names.find((n) => n.id === r.documentVersionId)?.name ?? 'removed'}”`)));
    }
    const doc: ExportDocument = {
      title: 'Consensus methods report',
      subtitle: [workspace.name, 'Following the ACCORD reporting guideline for consensus studies, for the items Concord records', `Prepared from the recorded history on ${dayOf(now)}`],
      blocks,
    };
    return { doc, filename: (f) => `consensus-methods-report.${f}` };
  }
}

function ruleText(r: RoundEntity): string {
  const rule = r.rule as { kind?: string; agree?: number; disagree?: number; quorum?: number; threshold?: number; crossSector?: boolean };
  const p = (x: number | undefined) => (x === undefined ? '–' : `${Math.round(x * 100)}%`);
  let s: string;
  if (rule.kind === 'CONSENT') s = `passes with no block, agreement from at least ${p(rule.agree)} of ballots cast and a quorum of ${p(rule.quorum)} of eligible voters`;
  else if (rule.kind === 'APPROVE') s = `passes when approvals reach ${p(rule.threshold)} of ballots cast`;
  else s = `include if at least ${p(rule.agree)} rate 7–9 and fewer than ${p(rule.disagree)} rate 1–3; exclude if at least ${p(rule.agree)} rate 1–3 and fewer than ${p(rule.disagree)} rate 7–9; otherwise no consensus`;
  return rule.crossSector ? `${s}; the threshold had to hold within HE and within NHS separately` : s;
}
