// "Why does this say this?" per section of the guidance: the decisions linked to the section, the round
// results those decisions rest on (through the consensus module, so anonymity rules hold), the findings
// and case studies mapped to it (through the evidence module), and the annotations that sit in it now.
import { documentSections, linearText, resolveAnchor, Section } from '@concord/editor-schema';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnnotationStatus } from '../annotations/annotation.entity';
import { AnnotationsService } from '../annotations/annotations.service';
import { shorten } from '../briefings/briefing-format';
import { RoundEntity, RoundStatus } from '../consensus/round.entity';
import { RoundsService } from '../consensus/rounds.service';
import { DecisionEntity, DecisionStatus } from '../decisions/decision.entity';
import { decisionRef, DecisionsService } from '../decisions/decisions.service';
import { DocumentContentService } from '../documents/document-content.service';
import { EvidenceService } from '../evidence/evidence.service';
import { strengthText } from './strength';
import { SectionTrace, TraceDecision, TraceResult } from './traceability.types';
import { docFromState } from '../documents/snapshot';

@Injectable()
export class TraceabilityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly content: DocumentContentService,
    private readonly decisions: DecisionsService,
    private readonly rounds: RoundsService,
    private readonly evidence: EvidenceService,
    private readonly annotations: AnnotationsService,
  ) {}

  /** Sections of a document state (the live draft when none is given). */
  async sections(documentId: string, state?: Uint8Array): Promise<Section[]> {
    const doc = docFromState(state ?? (await this.content.currentState(documentId)));
    const sections = documentSections(doc);
    doc.destroy();
    return sections;
  }

  /** The trace of every titled section (or of one), in the document's order. */
  async documentTrace(documentId: string, options: { sectionId?: string | null; state?: Uint8Array } = {}): Promise<SectionTrace[]> {
    const workspaceId = await this.content.workspaceOf(documentId);
    if (!workspaceId) return [];
    const sections = (await this.sections(documentId, options.state)).filter((s) => s.title.trim() && (!options.sectionId || s.id === options.sectionId));
    const decisions = await this.decisions.forWorkspace(workspaceId);
    const annotationsBySection = await this.annotationsBySection(documentId);
    const names = await this.names(workspaceId);
    const out: SectionTrace[] = [];
    for (const s of sections) {
      const linked = decisions.filter((d) => d.status !== DecisionStatus.SUPERSEDED && d.sections.some((x) => x.documentId === documentId && x.sectionId === s.id));
      const results: TraceResult[] = [];
      const traced: TraceDecision[] = [];
      for (const d of linked) {
        const rs = await this.resultsOf(d);
        results.push(...rs.filter((r) => !results.some((x) => x.roundId === r.roundId && x.criterion === r.criterion)));
        traced.push(this.traceDecision(d, rs));
      }
      const ev = await this.evidence.sectionEvidence(documentId, s.id);
      out.push({
        documentId,
        sectionId: s.id,
        title: s.title,
        level: s.level,
        decisions: traced,
        results,
        findings: ev.findings.map((f) => ({ id: f.id, kind: f.kind, text: f.text, sourceTitle: names.sources.get(f.sourceId) ?? '', reference: f.reference })),
        caseStudies: ev.caseStudies.map((c) => ({ id: c.id, modelName: names.models.get(c.modelId) ?? 'A model', status: c.status })),
        annotations: annotationsBySection.get(s.id) ?? [],
      });
    }
    return out;
  }

  traceDecision(d: DecisionEntity, results: TraceResult[]): TraceDecision {
    const strength = d.status === DecisionStatus.AGREED ? (results.find((r) => r.strength)?.strength ?? d.resultSummary ?? null) : null;
    return { id: d.id, ref: decisionRef(d.number), title: d.title, statement: d.statement, status: d.status, strength };
  }

  /** The closed-round results a decision rests on. */
  async resultsOf(d: DecisionEntity): Promise<TraceResult[]> {
    const ids = [...new Set([d.roundItemId, ...d.roundItemIds].filter((x): x is string => !!x))];
    if (ids.length === 0) return [];
    const rows: { id: string; round_id: string }[] = await this.db.query('SELECT id, round_id FROM round_items WHERE id = ANY($1)', [ids]);
    const out: TraceResult[] = [];
    for (const roundId of [...new Set(rows.map((r) => r.round_id))]) {
      const round = await this.rounds.findById(roundId);
      if (!round || round.status !== RoundStatus.CLOSED) continue;
      for (const item of (await this.rounds.items(roundId)).filter((i) => ids.includes(i.id))) out.push(await this.result(round, item));
    }
    return out;
  }

  async result(round: RoundEntity, item: Awaited<ReturnType<RoundsService['items']>>[number]): Promise<TraceResult> {
    const r = await this.rounds.result(round, item);
    const agreeShare = r.n === 0 ? null : round.scale === 'LIKERT_9' ? r.highShare : r.distribution[0] / r.n;
    return {
      roundId: round.id,
      roundTitle: round.title,
      roundNumber: round.number,
      criterion: item.criterion.statement,
      verdict: r.verdict,
      n: r.n,
      agreeShare,
      strength: strengthText({ scale: round.scale, n: r.n, highShare: r.highShare, distribution: r.distribution, bySector: r.bySector }),
    };
  }

  /** Annotations on the live draft (not review copies, not deleted or rejected), by the section they sit in now. */
  private async annotationsBySection(documentId: string): Promise<Map<string, SectionTrace['annotations']>> {
    const rows = (await this.annotations.list(documentId)).filter((a) => a.versionId === null && a.deletedAt === null && a.status !== AnnotationStatus.REJECTED && a.status !== AnnotationStatus.ORPHANED);
    const map = new Map<string, SectionTrace['annotations']>();
    if (rows.length === 0) return map;
    const doc = docFromState(await this.content.currentState(documentId));
    const linear = linearText(doc);
    const sections = documentSections(doc);
    for (const a of rows) {
      const at = resolveAnchor(doc, a.anchor, linear);
      const id = at && at.start < at.end ? (at.sectionId ?? sections.find((s) => s.title === at.sectionTitle)?.id ?? null) : a.sectionId;
      if (!id) continue;
      const list = map.get(id) ?? [];
      list.push({ id: a.id, kind: a.kind, status: a.status, quote: shorten(a.quote, 200), body: shorten(a.body, 400), authorName: a.author?.user?.name ?? null });
      map.set(id, list);
    }
    doc.destroy();
    return map;
  }

  private async names(workspaceId: string): Promise<{ sources: Map<string, string>; models: Map<string, string> }> {
    const sources: { id: string; title: string }[] = await this.db.query('SELECT id, title FROM sources WHERE workspace_id = $1', [workspaceId]);
    const models: { id: string; name: string }[] = await this.db.query('SELECT id, name FROM practice_models WHERE workspace_id = $1', [workspaceId]);
    return { sources: new Map(sources.map((s) => [s.id, s.title])), models: new Map(models.map((m) => [m.id, m.name])) };
  }
}
