// The case-study template (versioned) and the submissions made against it. A template version is
// edited in place only while no submission uses it; after that, saving makes a new version, and every
// earlier submission keeps reading against the version it was made with.
import { AnswerInput, FieldError, isChoice, StoredValue, TemplateSection, templateProblems, validateAnswers } from '@concord/assessment';
import { ErrorCode } from '@concord/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { conflict, DomainError, notFound } from '../../common/domain-error';
import { ModelsService } from '../models/models.service';
import { PracticeModelEntity } from '../models/practice-model.entity';
import { MemberEntity } from '../workspaces/member.entity';
import { CaseStudyStatus, CaseStudySubmissionEntity, CaseStudyTemplateEntity } from './case-study.entity';
import { CaseStudyAnswer } from './case-studies.types';
import { SaveCaseStudyInput, SaveTemplateInput } from './dto/case-study.input';

const newId = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

/** BAD_USER_INPUT listing every field at fault, so a form can mark each one. */
function fieldErrors(prefix: string, errors: FieldError[]): DomainError {
  const first = errors[0];
  const summary = errors.length === 1 ? first.message : `${errors.length} answers need attention: ${errors.map((e) => e.message).join('; ')}`;
  return new DomainError(ErrorCode.BAD_USER_INPUT, summary, `${prefix}.${first.fieldId}`, { errors: errors.map((e) => ({ ...e, field: `${prefix}.${e.fieldId}` })) });
}

@Injectable()
export class CaseStudiesService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly models: ModelsService) {}

  current(workspaceId: string, manager: EntityManager = this.db.manager): Promise<CaseStudyTemplateEntity | null> {
    return manager.getRepository(CaseStudyTemplateEntity).findOne({ where: { workspaceId }, order: { version: 'DESC' } });
  }

  versions(workspaceId: string): Promise<CaseStudyTemplateEntity[]> {
    return this.db.getRepository(CaseStudyTemplateEntity).find({ where: { workspaceId }, order: { version: 'DESC' } });
  }

  template(id: string): Promise<CaseStudyTemplateEntity> {
    return this.db.getRepository(CaseStudyTemplateEntity).findOneOrFail({ where: { id } });
  }

  async saveTemplate(actor: MemberEntity, input: SaveTemplateInput): Promise<CaseStudyTemplateEntity> {
    const problems = templateProblems(input.sections);
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, problems[0].message.replace(/^/, 'input.'), `input.${problems[0].path}`, {
        errors: problems.map((p) => ({ field: `input.${p.path}`, code: p.code, message: p.message })),
      });
    }
    const sections: TemplateSection[] = input.sections.map((s) => ({
      id: s.id ?? newId('s'),
      title: s.title.trim(),
      fields: s.fields.map((f) => ({
        id: f.id ?? newId('f'),
        label: f.label.trim(),
        type: f.type,
        required: f.required,
        help: f.help.trim(),
        options: isChoice(f.type) ? (f.options ?? []).map((o) => o.trim()) : [],
      })),
    }));
    return this.db.transaction(async (tx) => {
      // One writer at a time per workspace, so two editors saving at once make two versions, not one lost.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`case-study-template:${actor.workspaceId}`]);
      const latest = await this.current(actor.workspaceId, tx);
      const repo = tx.getRepository(CaseStudyTemplateEntity);
      if (latest && (await tx.getRepository(CaseStudySubmissionEntity).count({ where: { templateId: latest.id } })) === 0) {
        latest.sections = sections;
        latest.createdBy = actor.id;
        return repo.save(latest);
      }
      return repo.save({ workspaceId: actor.workspaceId, version: (latest?.version ?? 0) + 1, sections, createdBy: actor.id });
    });
  }

  /** The model's submissions, newest first. */
  forModel(modelId: string): Promise<CaseStudySubmissionEntity[]> {
    return this.db.getRepository(CaseStudySubmissionEntity).find({ where: { modelId }, order: { createdAt: 'DESC' } });
  }

  /** The latest submission of each of `modelIds` (for the per-request loader behind PracticeModel.caseStudy). */
  async latestOfModels(modelIds: readonly string[]): Promise<CaseStudySubmissionEntity[]> {
    const all = await this.db.getRepository(CaseStudySubmissionEntity).find({ where: { modelId: In([...modelIds]) }, order: { createdAt: 'DESC' } });
    const seen = new Set<string>();
    return all.filter((s) => !seen.has(s.modelId) && seen.add(s.modelId));
  }

  /** The latest submission of each model of the workspace. */
  async forWorkspace(workspaceId: string): Promise<CaseStudySubmissionEntity[]> {
    const all = await this.db.getRepository(CaseStudySubmissionEntity).find({ where: { workspaceId }, order: { createdAt: 'DESC' } });
    const seen = new Set<string>();
    return all.filter((s) => !seen.has(s.modelId) && seen.add(s.modelId));
  }

  findById(id: string): Promise<CaseStudySubmissionEntity | null> {
    return this.db.getRepository(CaseStudySubmissionEntity).findOne({ where: { id } });
  }

  async byIds(ids: string[]): Promise<CaseStudySubmissionEntity[]> {
    if (ids.length === 0) return [];
    return this.db.getRepository(CaseStudySubmissionEntity).find({ where: { id: In(ids) }, order: { createdAt: 'DESC' } });
  }

  /** A submission the viewer may reach (a model's contact: only their model's), or null. */
  async visible(member: MemberEntity, id: string): Promise<CaseStudySubmissionEntity | null> {
    const s = await this.findById(id);
    return s && (await this.models.mayReach(member, { id: s.modelId, workspaceId: s.workspaceId })) ? s : null;
  }

  async mayReachModel(member: MemberEntity, model: PracticeModelEntity): Promise<boolean> {
    return this.models.mayReach(member, model);
  }

  answers(submission: CaseStudySubmissionEntity, template: CaseStudyTemplateEntity): CaseStudyAnswer[] {
    return template.sections.flatMap((s) =>
      s.fields.map((f) => {
        const v = submission.answers[f.id];
        return { fieldId: f.id, value: v === undefined || Array.isArray(v) ? null : String(v), choices: Array.isArray(v) ? v : isChoice(f.type) && typeof v === 'string' ? [v] : [] };
      }),
    );
  }

  /** Saves the answers as a draft (validated per field type; required fields may still be empty). */
  async save(actor: MemberEntity, input: SaveCaseStudyInput): Promise<CaseStudySubmissionEntity> {
    const model = await this.reachableModel(actor, input.modelId);
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM practice_models WHERE id = $1 FOR UPDATE', [model.id]);
      const template = await this.current(model.workspaceId, tx);
      if (!template) throw conflict('There is no case-study template yet: an editor sets it up first', { reason: 'NO_TEMPLATE' });
      const repo = tx.getRepository(CaseStudySubmissionEntity);
      const last = await repo.findOne({ where: { modelId: model.id }, order: { createdAt: 'DESC' } });
      if (last?.status === CaseStudyStatus.SUBMITTED) throw conflict('This case study has been submitted; an editor can return it for changes', { reason: 'SUBMITTED' });
      const { values, errors } = validateAnswers(fields(template), input.answers as AnswerInput[], false);
      if (errors.length > 0) throw fieldErrors('input.answers', errors);
      // A draft never submitted moves to the current template; anything once submitted stays on its
      // version and a new submission starts on the current one, carrying the answers over.
      if (last && (last.templateId === template.id || last.submittedAt === null)) {
        last.templateId = template.id;
        last.answers = values;
        last.updatedBy = actor.userId;
        return repo.save(last);
      }
      return repo.save({
        workspaceId: model.workspaceId,
        modelId: model.id,
        templateId: template.id,
        status: last ? last.status : CaseStudyStatus.DRAFT,
        answers: values,
        returnComment: last?.returnComment ?? null,
        returnedAt: last?.returnedAt ?? null,
        submittedAt: null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
    });
  }

  async submit(actor: MemberEntity, id: string): Promise<CaseStudySubmissionEntity> {
    const found = await this.visible(actor, id);
    if (!found) throw notFound('Case study not found');
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(CaseStudySubmissionEntity);
      const s = await repo.findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (s.status === CaseStudyStatus.SUBMITTED) throw conflict('Already submitted', { reason: 'SUBMITTED' });
      const template = await tx.getRepository(CaseStudyTemplateEntity).findOneOrFail({ where: { id: s.templateId } });
      const answers = Object.entries(s.answers).map(([fieldId, v]): AnswerInput => (Array.isArray(v) ? { fieldId, choices: v } : isChoice(fieldType(template, fieldId)) ? { fieldId, choices: [String(v)] } : { fieldId, value: String(v) }));
      const { errors } = validateAnswers(fields(template), answers, true);
      if (errors.length > 0) throw fieldErrors('answers', errors);
      s.status = CaseStudyStatus.SUBMITTED;
      s.submittedAt = new Date();
      s.updatedBy = actor.userId;
      return repo.save(s);
    });
  }

  async return(actor: MemberEntity, id: string, comment: string): Promise<CaseStudySubmissionEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(CaseStudySubmissionEntity);
      const s = await repo.findOne({ where: { id, workspaceId: actor.workspaceId }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw notFound('Case study not found');
      if (s.status !== CaseStudyStatus.SUBMITTED) throw conflict('Only a submitted case study can be returned', { reason: s.status });
      s.status = CaseStudyStatus.RETURNED;
      s.returnComment = comment;
      s.returnedAt = new Date();
      s.updatedBy = actor.userId;
      return repo.save(s);
    });
  }

  private async reachableModel(actor: MemberEntity, modelId: string): Promise<PracticeModelEntity> {
    const model = await this.models.findById(modelId);
    if (!model || model.workspaceId !== actor.workspaceId) throw notFound('Model not found');
    // A reviewer who is not this model's contact learns nothing about it.
    if (!(await this.models.mayReach(actor, model))) throw notFound('Model not found');
    return model;
  }

  /** Choice answers of submitted case studies, for the coverage matrix's challenge columns. */
  static choiceValues(answers: Record<string, StoredValue>): string[] {
    return Object.values(answers).flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []));
  }
}

function fields(template: CaseStudyTemplateEntity) {
  return template.sections.flatMap((s) => s.fields);
}
function fieldType(template: CaseStudyTemplateEntity, fieldId: string) {
  return fields(template).find((f) => f.id === fieldId)?.type ?? 'TEXT';
}
