// The assessment matrix: which criteria it has (agreed by a round, or all candidates before any
// round has closed), members' ratings per cell, and the aggregates of libs/assessment. Cells are built
// from tallies counted in SQL (one statement for any number of models), so a row costs its criteria,
// not its ratings; the ratings themselves are read only when a client asks for them (ratingsOfModels).
import { aggregateTally, CellTally, tallyCell, tallyVerdict } from '@concord/assessment';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, notFound } from '../../common/domain-error';
import { Page } from '../../common/paging';
import { CaseStudySubmissionEntity, CaseStudyTemplateEntity } from '../case-studies/case-study.entity';
import { CriterionEntity } from '../consensus/criterion.entity';
import { BallotEntity, RoundEntity, RoundItemEntity, RoundStatus, Scale } from '../consensus/round.entity';
import { RoundsService } from '../consensus/rounds.service';
import { FindingEntity } from '../evidence/finding.entity';
import { ModelsService } from '../models/models.service';
import { PracticeModelEntity } from '../models/practice-model.entity';
import { MemberEntity } from '../workspaces/member.entity';
import { AssessmentCell, AssessmentMatrix, AssessmentRow, CriteriaBasis, GapReason } from './assessments.types';
import { AssessmentRowFilter } from './dto/assessment-rows.args';
import { RateModelInput } from './dto/rate-model.input';
import { ModelRating, ModelRatingEntity } from './model-rating.entity';

export type NamedRating = ModelRatingEntity & { raterName: string };

/** The tallies of a set of cells, by `${modelId}:${criterionId}`. */
type Tallies = Map<string, CellTally>;
const cellKey = (modelId: string, criterionId: string) => `${modelId}:${criterionId}`;
const EMPTY: CellTally = { counts: { MET: 0, PARTLY: 0, NOT_MET: 0, UNKNOWN: 0 }, evidencedPositive: 0 };

@Injectable()
export class AssessmentsService {
  /**
   * Verdicts of closed rounds' items by item id. A round's rule is frozen when it opens and it takes no
   * ballot once closed (nor ever reopens), so these never change; consent verdicts also count today's
   * members, so those are not kept. Each criteria() then reads no ballot at all once warm.
   */
  private readonly closedVerdicts = new Map<string, string>();

  constructor(@InjectDataSource() private readonly db: DataSource, private readonly rounds: RoundsService, private readonly models: ModelsService) {}

  /** The matrix's criteria: those whose latest closed round included them; before any close, every candidate. */
  async criteria(workspaceId: string): Promise<{ basis: CriteriaBasis; criteria: CriterionEntity[] }> {
    const all = await this.db.getRepository(CriterionEntity).find({ where: { workspaceId }, order: { position: 'ASC', createdAt: 'ASC' } });
    const closed = (await this.rounds.forWorkspace(workspaceId))
      .flatMap((r) => (r.status === RoundStatus.CLOSED && r.closedAt ? [{ round: r, at: r.closedAt.getTime() }] : []))
      .sort((a, b) => a.at - b.at)
      .map((c) => c.round);
    if (closed.length === 0) return { basis: CriteriaBasis.CANDIDATE, criteria: all.filter((c) => c.status === 'CANDIDATE') };
    // Only each criterion's item in the last round to close decides it: on a large workspace (50 rounds,
    // each criterion in five) that is one verdict in five, and their ballots only.
    const itemsOf = groupBy(await this.rounds.itemsOfRounds(closed.map((r) => r.id)), (i) => i.roundId);
    const deciding = new Map<string, { round: RoundEntity; item: RoundItemEntity }>();
    for (const round of closed) for (const item of itemsOf.get(round.id) ?? []) deciding.set(item.criterionId, { round, item });
    const verdicts = new Map<string, string>();
    const missing = [...deciding.values()].filter(({ item }) => {
      const kept = this.closedVerdicts.get(item.id);
      if (kept) verdicts.set(item.criterionId, kept);
      return !kept;
    });
    if (missing.length > 0) {
      // Ballots counted by what a verdict reads (sector, rating, choice) rather than read one by one: 20,000
      // ballots are a few thousand groups, expanded back into ballots for the one set of rules (RoundsService.verdict).
      const groups: { item_id: string; sector: string; rating: number | null; choice: string | null; n: number }[] = await this.db.query(
        'SELECT item_id, sector, rating, choice, count(*)::int AS n FROM ballots WHERE item_id = ANY($1::uuid[]) GROUP BY item_id, sector, rating, choice',
        [missing.map((d) => d.item.id)],
      );
      const ballotsOf = new Map<string, Pick<BallotEntity, 'sector' | 'rating' | 'choice'>[]>();
      for (const g of groups) {
        let list = ballotsOf.get(g.item_id);
        if (!list) ballotsOf.set(g.item_id, (list = []));
        const ballot = { sector: g.sector, rating: g.rating, choice: g.choice };
        for (let i = 0; i < g.n; i++) list.push(ballot);
      }
      const electorate = missing.some((d) => d.round.scale === Scale.CONSENT) ? await this.rounds.electoratesOf([workspaceId]) : undefined;
      if (this.closedVerdicts.size > 50_000) this.closedVerdicts.clear();
      for (const { round, item } of missing) {
        const verdict = await this.rounds.verdict(round, ballotsOf.get(item.id) ?? [], electorate);
        verdicts.set(item.criterionId, verdict);
        if (round.scale !== Scale.CONSENT) this.closedVerdicts.set(item.id, verdict);
      }
    }
    return { basis: CriteriaBasis.AGREED, criteria: all.filter((c) => verdicts.get(c.id) === 'INCLUDE' || verdicts.get(c.id) === 'PASSED') };
  }

  /** The matrix's criteria; its rows are computed by rows(), rowPage() and strongCandidateCount() when asked. */
  async matrix(workspaceId: string, viewer: MemberEntity | undefined): Promise<AssessmentMatrix> {
    const { basis, criteria } = await this.criteria(workspaceId);
    return Object.assign(new AssessmentMatrix(), { basis, criteria, workspaceId, viewerId: viewer?.id ?? null });
  }

  /** Every model's row, in the models' order. */
  async rows(matrix: AssessmentMatrix): Promise<AssessmentRow[]> {
    const [models, tallies] = await Promise.all([this.models.forWorkspace(matrix.workspaceId), this.tallies(matrix)]);
    return models.map((model) => this.row(matrix, model, tallies));
  }

  /** A page of the rows, in the same order as rows(), filtered by the models' names or ids. */
  async rowPage(matrix: AssessmentMatrix, filter: AssessmentRowFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Page<AssessmentRow>> {
    const page = await this.models.page(matrix.workspaceId, { search: filter?.search || null, ids: filter?.modelIds ?? null }, first, after);
    const tallies = page.items.length ? await this.tallies(matrix, page.items.map((m) => m.id)) : new Map<string, CellTally>();
    return { ...page, items: page.items.map((model) => this.row(matrix, model, tallies)) };
  }

  /** How many models of the whole workspace are strong candidates (whatever page a client has loaded). */
  async strongCandidateCount(matrix: AssessmentMatrix): Promise<number> {
    if (matrix.criteria.length === 0) return 0;
    const tallies = await this.tallies(matrix);
    // A model with no rating has no tally and is not strong; the others are judged as their rows are.
    const modelIds = new Set([...tallies.keys()].map((k) => k.slice(0, k.indexOf(':'))));
    let strong = 0;
    for (const modelId of modelIds) if (tallyVerdict(matrix.criteria.map((c) => ({ criterionId: c.id, tally: tallies.get(cellKey(modelId, c.id)) ?? EMPTY }))).strongCandidate) strong++;
    return strong;
  }

  /** Each model's ratings by criterion, for any number of models in one statement; by updated time. */
  async ratingsOfModels(modelIds: readonly string[]): Promise<Map<string, NamedRating[]>[]> {
    const byModel = groupBy(await this.ratings([...new Set(modelIds)]), (r) => r.modelId);
    return modelIds.map((id) => groupBy(byModel.get(id) ?? [], (r) => r.criterionId));
  }

  private row(matrix: AssessmentMatrix, model: PracticeModelEntity, tallies: Tallies): AssessmentRow {
    const cells = matrix.criteria.map((c) => ({ criterionId: c.id, tally: tallies.get(cellKey(model.id, c.id)) ?? EMPTY }));
    const verdict = tallyVerdict(cells);
    return {
      model,
      strongCandidate: verdict.strongCandidate,
      metCount: verdict.metCount,
      cells: cells.map((c) => this.cell(model.id, c.criterionId, c.tally, matrix.viewerId)),
      evidenceGaps: verdict.gaps.map((g) => ({ criterionId: g.criterionId, reason: g.reason as GapReason })),
    };
  }

  /**
   * Each cell's tally of the matrix's criteria, for these models (all the workspace's when omitted), in
   * one statement. hasEvidence as libs/assessment's CellRating: a note that is not blank, or a link.
   */
  private async tallies(matrix: AssessmentMatrix, modelIds?: string[]): Promise<Tallies> {
    if (matrix.criteria.length === 0) return new Map();
    const rows: { model_id: string; criterion_id: string; met: number; partly: number; not_met: number; unknown: number; evidenced: number }[] = await this.db.query(
      `SELECT model_id, criterion_id,
         count(*) FILTER (WHERE rating = 'MET')::int AS met, count(*) FILTER (WHERE rating = 'PARTLY')::int AS partly,
         count(*) FILTER (WHERE rating = 'NOT_MET')::int AS not_met, count(*) FILTER (WHERE rating = 'UNKNOWN')::int AS unknown,
         count(*) FILTER (WHERE rating IN ('MET', 'PARTLY') AND (note ~ '\\S' OR finding_id IS NOT NULL OR submission_id IS NOT NULL))::int AS evidenced
       FROM model_ratings
       WHERE workspace_id = $1 AND criterion_id = ANY($2::uuid[]) AND ($3::uuid[] IS NULL OR model_id = ANY($3::uuid[]))
       GROUP BY model_id, criterion_id`,
      [matrix.workspaceId, matrix.criteria.map((c) => c.id), modelIds ?? null],
    );
    return new Map(rows.map((r) => [cellKey(r.model_id, r.criterion_id), { counts: { MET: r.met, PARTLY: r.partly, NOT_MET: r.not_met, UNKNOWN: r.unknown }, evidencedPositive: r.evidenced }]));
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
    const [byCriterion] = await this.ratingsOfModels([model.id]);
    return this.cell(model.id, input.criterionId, tallyOf(byCriterion.get(input.criterionId) ?? []), actor.id);
  }

  private async ratings(modelIds: string[]): Promise<NamedRating[]> {
    if (modelIds.length === 0) return [];
    const { entities, raw } = await this.db
      .getRepository(ModelRatingEntity)
      .createQueryBuilder('r')
      .innerJoin('r.member', 'm')
      .innerJoin('m.user', 'u')
      .addSelect('u.name', 'rater_name')
      .where('r.model_id IN (:...modelIds)', { modelIds })
      .orderBy('r.updated_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getRawAndEntities<{ rater_name: string }>();
    return entities.map((e, i) => Object.assign(e, { raterName: raw[i].rater_name }));
  }

  private cell(modelId: string, criterionId: string, tally: CellTally, viewerId: string | null): AssessmentCell {
    const a = aggregateTally(tally);
    return {
      modelId,
      criterionId,
      n: a.n,
      counts: { met: a.counts.MET, partly: a.counts.PARTLY, notMet: a.counts.NOT_MET, unknown: a.counts.UNKNOWN },
      majority: a.majority as ModelRating | null,
      disagreement: a.disagreement,
      viewerId,
    };
  }
}

function tallyOf(ratings: readonly ModelRatingEntity[]): CellTally {
  return tallyCell(ratings.map((r) => ({ rating: r.rating, hasEvidence: r.note.trim().length > 0 || !!r.findingId || !!r.submissionId })));
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
