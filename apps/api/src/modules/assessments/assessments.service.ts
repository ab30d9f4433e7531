// The assessment matrix: which criteria it has (agreed by a round, or all candidates before any
// round has closed), members' ratings per cell, and the aggregates of libs/assessment.
import { aggregateCell, CellRating, modelVerdict } from '@concord/assessment';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, notFound } from '../../common/domain-error';
import { CaseStudySubmissionEntity, CaseStudyTemplateEntity } from '../case-studies/case-study.entity';
import { CriterionEntity } from '../consensus/criterion.entity';
import { BallotEntity, RoundStatus, Scale } from '../consensus/round.entity';
import { RoundsService } from '../consensus/rounds.service';
import { FindingEntity } from '../evidence/finding.entity';
import { ModelsService } from '../models/models.service';
import { MemberEntity } from '../workspaces/member.entity';
import { AssessmentCell, AssessmentMatrix, AssessmentRow, CriteriaBasis, GapReason } from './assessments.types';
import { RateModelInput } from './dto/rate-model.input';
import { ModelRating, ModelRatingEntity } from './model-rating.entity';

type NamedRating = ModelRatingEntity & { raterName: string };

@Injectable()
export class AssessmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly rounds: RoundsService, private readonly models: ModelsService) {}

  /** The matrix's criteria: those whose latest closed round included them; before any close, every candidate. */
  async criteria(workspaceId: string): Promise<{ basis: CriteriaBasis; criteria: CriterionEntity[] }> {
    const all = await this.db.getRepository(CriterionEntity).find({ where: { workspaceId }, order: { position: 'ASC', createdAt: 'ASC' } });
    const closed = (await this.rounds.forWorkspace(workspaceId))
      .flatMap((r) => (r.status === RoundStatus.CLOSED && r.closedAt ? [{ round: r, at: r.closedAt.getTime() }] : []))
      .sort((a, b) => a.at - b.at)
      .map((c) => c.round);
    if (closed.length === 0) return { basis: CriteriaBasis.CANDIDATE, criteria: all.filter((c) => c.status === 'CANDIDATE') };
    // One statement for the closed rounds' items and one for their ballots (and the members, for consent rounds), not two per item (650 on a workspace of 50 rounds).
    const items = await this.rounds.itemsOfRounds(closed.map((r) => r.id));
    // only the columns a verdict reads, without entity hydration: a workspace of 50 rounds has 100,000 ballots
    const ballotRows: { item_id: string; sector: string; rating: number | null; choice: string | null; rationale: string | null }[] = await this.db.query(
      'SELECT item_id, sector, rating, choice, rationale FROM ballots WHERE item_id = ANY($1::uuid[])',
      [[...new Set([...items.map((i) => i.id), ...items.flatMap((i) => (i.previousItemId ? [i.previousItemId] : []))])]],
    );
    const ballots = ballotRows.map((r) => Object.assign(new BallotEntity(), { itemId: r.item_id, sector: r.sector, rating: r.rating, choice: r.choice, rationale: r.rationale }));
    const members = closed.some((r) => r.scale === Scale.CONSENT) ? await this.rounds.membersOfWorkspaces([workspaceId]) : undefined;
    const ballotsOf = groupBy(ballots, (b) => b.itemId);
    const itemsOf = groupBy(items, (i) => i.roundId);
    const latest = new Map<string, string>();
    for (const round of closed) {
      for (const item of itemsOf.get(round.id) ?? []) {
        const loaded = { ballots: ballotsOf.get(item.id) ?? [], previousBallots: item.previousItemId ? (ballotsOf.get(item.previousItemId) ?? []) : undefined, members };
        latest.set(item.criterionId, (await this.rounds.result(round, item, undefined, loaded)).verdict);
      }
    }
    return { basis: CriteriaBasis.AGREED, criteria: all.filter((c) => latest.get(c.id) === 'INCLUDE' || latest.get(c.id) === 'PASSED') };
  }

  async matrix(workspaceId: string, viewer: MemberEntity | undefined): Promise<AssessmentMatrix> {
    const { basis, criteria } = await this.criteria(workspaceId);
    const models = await this.models.forWorkspace(workspaceId);
    // grouped by cell once: filtering every rating for every cell was models × criteria × ratings (12 million on a large workspace)
    const byCell = groupBy(await this.ratings(workspaceId), (r) => `${r.modelId}:${r.criterionId}`);
    const rows: AssessmentRow[] = models.map((model) => {
      const cells = criteria.map((c) => this.cell(model.id, c.id, byCell.get(`${model.id}:${c.id}`) ?? [], viewer));
      const verdict = modelVerdict(criteria.map((c) => ({ criterionId: c.id, ratings: (byCell.get(`${model.id}:${c.id}`) ?? []).map(toLib) })));
      return { model, strongCandidate: verdict.strongCandidate, metCount: verdict.metCount, cells, evidenceGaps: verdict.gaps.map((g) => ({ criterionId: g.criterionId, reason: g.reason as GapReason })) };
    });
    return { basis, criteria, rows };
  }

  async rate(actor: MemberEntity, input: RateModelInput): Promise<AssessmentCell> {
    const model = await this.models.findById(input.modelId);
    if (!model || model.workspaceId !== actor.workspaceId) throw notFound('Model not found');
    const { criteria } = await this.criteria(actor.workspaceId);
    if (!criteria.some((c) => c.id === input.criterionId)) throw badInput('input.criterionId', 'input.criterionId: is not a criterion of the assessment matrix');
    if (input.findingId && input.submissionId) throw badInput('input.submissionId', 'input.submissionId: link a finding or a case study, not both');
    if (input.findingId && !(await this.db.getRepository(FindingEntity).count({ where: { id: input.findingId, workspaceId: actor.workspaceId } })))
      throw badInput('input.findingId', 'input.findingId: no such finding in this workspace');
    if (input.fieldId && !input.submissionId) throw badInput('input.fieldId', 'input.fieldId: name the case study (submissionId) the field belongs to');
    if (input.submissionId) {
      const s = await this.db.getRepository(CaseStudySubmissionEntity).findOne({ where: { id: input.submissionId, workspaceId: actor.workspaceId } });
      if (!s || s.modelId !== model.id) throw badInput('input.submissionId', 'input.submissionId: no case study of this model in this workspace');
      if (input.fieldId) {
        const t = await this.db.getRepository(CaseStudyTemplateEntity).findOneOrFail({ where: { id: s.templateId } });
        if (!t.sections.some((sec) => sec.fields.some((f) => f.id === input.fieldId))) throw badInput('input.fieldId', 'input.fieldId: not a field of that case study');
      }
    }
    await this.db.query(
      `INSERT INTO model_ratings (workspace_id, model_id, criterion_id, member_id, rating, note, finding_id, submission_id, field_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (model_id, criterion_id, member_id) DO UPDATE SET rating = EXCLUDED.rating, note = EXCLUDED.note, finding_id = EXCLUDED.finding_id,
         submission_id = EXCLUDED.submission_id, field_id = EXCLUDED.field_id, updated_at = now()`,
      [actor.workspaceId, model.id, input.criterionId, actor.id, input.rating, input.note, input.findingId ?? null, input.submissionId ?? null, input.fieldId ?? null],
    );
    return this.cell(model.id, input.criterionId, await this.ratings(actor.workspaceId, model.id), actor);
  }

  private async ratings(workspaceId: string, modelId?: string): Promise<NamedRating[]> {
    const qb = this.db
      .getRepository(ModelRatingEntity)
      .createQueryBuilder('r')
      .innerJoin('r.member', 'm')
      .innerJoin('m.user', 'u')
      .addSelect('u.name', 'rater_name')
      .where('r.workspace_id = :workspaceId', { workspaceId })
      .orderBy('r.updated_at', 'ASC');
    if (modelId) qb.andWhere('r.model_id = :modelId', { modelId });
    const { entities, raw } = await qb.getRawAndEntities<{ rater_name: string }>();
    return entities.map((e, i) => Object.assign(e, { raterName: raw[i].rater_name }));
  }

  private cell(modelId: string, criterionId: string, all: NamedRating[], viewer: MemberEntity | undefined): AssessmentCell {
    const ratings = all.filter((r) => r.modelId === modelId && r.criterionId === criterionId);
    const a = aggregateCell(ratings.map(toLib));
    return {
      modelId,
      criterionId,
      n: a.n,
      counts: { met: a.counts.MET, partly: a.counts.PARTLY, notMet: a.counts.NOT_MET, unknown: a.counts.UNKNOWN },
      majority: a.majority as ModelRating | null,
      disagreement: a.disagreement,
      ratings,
      mine: ratings.find((r) => r.memberId === viewer?.id) ?? null,
    };
  }
}

function toLib(r: ModelRatingEntity): CellRating {
  return { rating: r.rating, hasEvidence: r.note.trim().length > 0 || !!r.findingId || !!r.submissionId };
}
function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const list = groups.get(keyOf(r));
    if (list) list.push(r);
    else groups.set(keyOf(r), [r]);
  }
  return groups;
}
