// Literature (sources and their findings), the mapping of findings and case studies to guidance
// sections by the heading's stable id, the coverage matrix, and a section's evidence.
import type { Section } from '@concord/editor-schema';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { badInput, notFound } from '../../common/domain-error';
import { AnnotationEntity, AnnotationKind, AnnotationStatus } from '../annotations/annotation.entity';
import { AnnotationsService, LoadedAnnotation } from '../annotations/annotations.service';
import { CaseStudyStatus, CaseStudySubmissionEntity } from '../case-studies/case-study.entity';
import { CaseStudiesService } from '../case-studies/case-studies.service';
import { MappedSection } from '../case-studies/case-studies.types';
import { DocumentEntity } from '../documents/document.entity';
import { DocumentsService } from '../documents/documents.service';
import { MemberEntity } from '../workspaces/member.entity';
import { AddFindingInput, CreateSourceInput, MapCaseStudyInput, SectionRefInput, UpdateFindingInput, UpdateSourceInput } from './dto/evidence.input';
import { CellIds, CoverageCell, CoverageMatrix, CoverageRow, EvidenceList } from './evidence.types';
import { EvidenceSectionEntity, FindingEntity } from './finding.entity';
import { SourceEntity } from './source.entity';

/** Per-request memo of documents' sections, so a list of findings reads each document once. */
export type SectionCache = Map<string, Promise<Section[]>>;

const UNMAPPED = '';

@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsService,
    private readonly caseStudies: CaseStudiesService,
    private readonly annotations: AnnotationsService,
  ) {}

  forWorkspace(workspaceId: string): Promise<SourceEntity[]> {
    return this.db.getRepository(SourceEntity).find({ where: { workspaceId }, order: { year: 'DESC', title: 'ASC' } });
  }

  sourcesByIds(ids: readonly string[]): Promise<SourceEntity[]> {
    return this.db.getRepository(SourceEntity).find({ where: { id: In([...new Set(ids)]) } });
  }

  source(id: string): Promise<SourceEntity | null> {
    return this.db.getRepository(SourceEntity).findOne({ where: { id } });
  }

  createSource(actor: MemberEntity, input: CreateSourceInput): Promise<SourceEntity> {
    const { workspaceId: _w, ...fields } = input;
    void _w;
    return this.db.getRepository(SourceEntity).save({ ...fields, year: fields.year ?? null, publisher: fields.publisher || null, url: fields.url || null, workspaceId: actor.workspaceId });
  }

  async updateSource(actor: MemberEntity, input: UpdateSourceInput): Promise<SourceEntity> {
    const source = await this.db.getRepository(SourceEntity).findOne({ where: { id: input.id, workspaceId: actor.workspaceId } });
    if (!source) throw notFound('Source not found');
    const { id: _id, ...fields } = input;
    void _id;
    return this.db.getRepository(SourceEntity).save({ ...source, ...fields, year: fields.year ?? null, publisher: fields.publisher || null, url: fields.url || null });
  }

  findings(workspaceId: string, sourceId?: string): Promise<FindingEntity[]> {
    return this.db.getRepository(FindingEntity).find({ where: { workspaceId, ...(sourceId ? { sourceId } : {}) }, order: { createdAt: 'ASC' } });
  }

  async addFinding(actor: MemberEntity, input: AddFindingInput): Promise<FindingEntity> {
    const source = await this.db.getRepository(SourceEntity).findOne({ where: { id: input.sourceId, workspaceId: actor.workspaceId } });
    if (!source) throw notFound('Source not found');
    const tags = await this.checkTags(actor.workspaceId, input.tags);
    const sections = await this.checkSections(actor.workspaceId, input.sections);
    return this.db.transaction(async (tx) => {
      const f = await tx.getRepository(FindingEntity).save({ workspaceId: actor.workspaceId, sourceId: source.id, kind: input.kind, text: input.text, reference: input.reference, tags, illustrative: false, createdBy: actor.id });
      await this.replaceSections(tx, actor.workspaceId, { findingId: f.id }, sections);
      return f;
    });
  }

  async updateFinding(actor: MemberEntity, input: UpdateFindingInput): Promise<FindingEntity> {
    const finding = await this.db.getRepository(FindingEntity).findOne({ where: { id: input.id, workspaceId: actor.workspaceId } });
    if (!finding) throw notFound('Finding not found');
    const tags = await this.checkTags(actor.workspaceId, input.tags);
    const sections = await this.checkSections(actor.workspaceId, input.sections);
    return this.db.transaction(async (tx) => {
      const f = await tx.getRepository(FindingEntity).save({ ...finding, kind: input.kind, text: input.text, reference: input.reference, tags });
      await this.replaceSections(tx, actor.workspaceId, { findingId: f.id }, sections);
      return f;
    });
  }

  async deleteFinding(actor: MemberEntity, id: string): Promise<boolean> {
    const r = await this.db.getRepository(FindingEntity).delete({ id, workspaceId: actor.workspaceId });
    if (!r.affected) throw notFound('Finding not found');
    return true;
  }

  async mapCaseStudy(actor: MemberEntity, input: MapCaseStudyInput): Promise<CaseStudySubmissionEntity> {
    const s = await this.db.getRepository(CaseStudySubmissionEntity).findOne({ where: { id: input.submissionId, workspaceId: actor.workspaceId } });
    if (!s) throw notFound('Case study not found');
    const sections = await this.checkSections(actor.workspaceId, input.sections);
    await this.db.transaction((tx) => this.replaceSections(tx, actor.workspaceId, { submissionId: s.id }, sections));
    return s;
  }

  /** The sections something is mapped to, titled as the headings read now. */
  async mappedSections(target: { findingId: string } | { submissionId: string }, cache: SectionCache): Promise<MappedSection[]> {
    const rows = await this.db.getRepository(EvidenceSectionEntity).find({ where: target, order: { documentId: 'ASC' } });
    const out: MappedSection[] = [];
    for (const r of rows) {
      const live = (await this.sectionsOf(r.documentId, cache)).find((s) => s.id === r.sectionId);
      out.push({ documentId: r.documentId, sectionId: r.sectionId, title: live?.title ?? r.sectionTitle, present: !!live });
    }
    return out;
  }

  sectionsOf(documentId: string, cache: SectionCache): Promise<Section[]> {
    let pending = cache.get(documentId);
    if (!pending) {
      pending = this.documents.read({ documentId }).then((r) => r.sections);
      cache.set(documentId, pending);
    }
    return pending;
  }

  /** Guidance sections × challenge tags for one document; plus a row of evidence mapped nowhere in it. */
  async coverage(documentId: string): Promise<CoverageMatrix> {
    const doc = await this.db.getRepository(DocumentEntity).findOneOrFail({ where: { id: documentId } });
    const sections = (await this.documents.read({ documentId })).sections.filter((s) => s.title.trim().length > 0);
    const present = new Set(sections.map((s) => s.id));
    const challenges = (await this.annotations.tags(doc.workspaceId)).map((t) => t.label);
    const known = new Set(challenges);
    const cells = new Map<string, CellIds>(); // `${sectionId}\u0000${challenge}`
    const put = (sectionId: string, challenge: string, kind: keyof CellIds, id: string) => {
      if (!known.has(challenge)) return;
      const key = `${sectionId}\u0000${challenge}`;
      const cell = cells.get(key) ?? { findingIds: [], caseStudyIds: [], annotationIds: [] };
      if (!cell[kind].includes(id)) cell[kind].push(id);
      cells.set(key, cell);
    };
    const mappings = await this.db.getRepository(EvidenceSectionEntity).find({ where: { workspaceId: doc.workspaceId, documentId } });
    const placed = (pick: (m: EvidenceSectionEntity) => string | null, id: string) => mappings.filter((m) => pick(m) === id && present.has(m.sectionId)).map((m) => m.sectionId);

    for (const f of await this.findings(doc.workspaceId)) {
      const where = placed((m) => m.findingId, f.id);
      for (const s of where.length ? where : [UNMAPPED]) for (const c of f.tags) put(s, c, 'findingIds', f.id);
    }
    const evidence = await this.evidenceAnnotations(documentId);
    for (const a of evidence) if (a.sectionId && present.has(a.sectionId)) for (const c of a.tags) put(a.sectionId, c, 'annotationIds', a.id);
    const submitted = await this.db.getRepository(CaseStudySubmissionEntity).find({ where: { workspaceId: doc.workspaceId, status: CaseStudyStatus.SUBMITTED } });
    for (const s of submitted) {
      const citing = evidence.filter((a) => a.caseStudyId === s.id);
      const where = [...new Set([...placed((m) => m.submissionId, s.id), ...citing.flatMap((a) => (a.sectionId && present.has(a.sectionId) ? [a.sectionId] : []))])];
      const about = new Set([...CaseStudiesService.choiceValues(s.answers), ...citing.flatMap((a) => a.tags)]);
      for (const sec of where.length ? where : [UNMAPPED]) for (const c of about) put(sec, c, 'caseStudyIds', s.id);
    }

    const row = (sectionId: string | null, title: string, level: number): CoverageRow => ({
      sectionId,
      title,
      level,
      cells: challenges.map((challenge): CoverageCell => {
        const ids = cells.get(`${sectionId ?? UNMAPPED}\u0000${challenge}`) ?? { findingIds: [], caseStudyIds: [], annotationIds: [] };
        const total = ids.findingIds.length + ids.caseStudyIds.length + ids.annotationIds.length;
        return { challenge, findings: ids.findingIds.length, caseStudies: ids.caseStudyIds.length, annotations: ids.annotationIds.length, total, gap: sectionId !== null && total === 0, ids };
      }),
    });
    const rows = sections.map((s) => row(s.id, s.title, s.level));
    const gapCount = rows.reduce((n, r) => n + r.cells.filter((c) => c.gap).length, 0);
    const unmapped = row(null, 'Not yet mapped to a section', 0);
    if (unmapped.cells.some((c) => c.total > 0)) rows.push(unmapped);
    return { documentId, challenges, rows, gapCount };
  }

  /** "Why does this say this?": what a section of the live draft rests on. */
  async sectionEvidence(documentId: string, sectionId: string): Promise<EvidenceList> {
    const doc = await this.db.getRepository(DocumentEntity).findOneOrFail({ where: { id: documentId } });
    const mappings = await this.db.getRepository(EvidenceSectionEntity).find({ where: { workspaceId: doc.workspaceId, documentId, sectionId } });
    const annotations = (await this.evidenceAnnotations(documentId)).filter((a) => a.sectionId === sectionId);
    const findingIds = [...new Set([...mappings.flatMap((m) => (m.findingId ? [m.findingId] : [])), ...annotations.flatMap((a) => (a.findingId ? [a.findingId] : []))])];
    const caseStudyIds = [...new Set([...mappings.flatMap((m) => (m.submissionId ? [m.submissionId] : [])), ...annotations.flatMap((a) => (a.caseStudyId ? [a.caseStudyId] : []))])];
    return this.contents({ findingIds, caseStudyIds, annotationIds: annotations.map((a) => a.id) });
  }

  async contents(ids: CellIds): Promise<EvidenceList> {
    const findings = ids.findingIds.length ? await this.db.getRepository(FindingEntity).find({ where: { id: In(ids.findingIds) }, order: { createdAt: 'ASC' } }) : [];
    const caseStudies = await this.caseStudies.byIds(ids.caseStudyIds);
    const annotations: LoadedAnnotation[] = [];
    for (const id of ids.annotationIds) annotations.push(await this.annotations.get(id));
    return { findings, caseStudies, annotations };
  }

  private evidenceAnnotations(documentId: string): Promise<AnnotationEntity[]> {
    return this.db.getRepository(AnnotationEntity).find({
      where: { documentId, kind: AnnotationKind.EVIDENCE, deletedAt: IsNull(), status: Not(AnnotationStatus.REJECTED), reviewRoundId: IsNull() },
      order: { createdAt: 'ASC' },
    });
  }

  private async checkTags(workspaceId: string, tags: string[]): Promise<string[]> {
    const wanted = [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
    const known = new Set((await this.annotations.tags(workspaceId)).map((t) => t.label));
    const unknown = wanted.filter((t) => !known.has(t));
    if (unknown.length > 0) throw badInput('input.tags', `input.tags: not a challenge tag of this workspace: ${unknown.join(', ')}`);
    return wanted;
  }

  /** Each section must be a heading of a document of this workspace, as the draft reads now. */
  private async checkSections(workspaceId: string, refs: SectionRefInput[]): Promise<{ documentId: string; sectionId: string; title: string }[]> {
    const cache: SectionCache = new Map();
    const out: { documentId: string; sectionId: string; title: string }[] = [];
    for (const [i, ref] of refs.entries()) {
      const doc = await this.db.getRepository(DocumentEntity).findOne({ where: { id: ref.documentId, workspaceId } });
      if (!doc) throw badInput(`input.sections.${i}.documentId`, `input.sections.${i}.documentId: no such document in this workspace`);
      const section = (await this.sectionsOf(doc.id, cache)).find((s) => s.id === ref.sectionId && s.title.trim().length > 0);
      if (!section) throw badInput(`input.sections.${i}.sectionId`, `input.sections.${i}.sectionId: no heading with this id in the document`);
      if (!out.some((o) => o.documentId === doc.id && o.sectionId === section.id)) out.push({ documentId: doc.id, sectionId: section.id, title: section.title });
    }
    return out;
  }

  private async replaceSections(tx: EntityManager, workspaceId: string, target: { findingId: string } | { submissionId: string }, sections: { documentId: string; sectionId: string; title: string }[]) {
    const repo = tx.getRepository(EvidenceSectionEntity);
    await repo.delete(target);
    if (sections.length === 0) return;
    await repo.insert(
      sections.map((s) => ({
        workspaceId,
        documentId: s.documentId,
        sectionId: s.sectionId,
        sectionTitle: s.title,
        findingId: 'findingId' in target ? target.findingId : null,
        submissionId: 'submissionId' in target ? target.submissionId : null,
      })),
    );
  }
}
