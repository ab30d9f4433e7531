import { documentMarkdown, documentSections, FRAGMENT, Section } from '@concord/editor-schema';
import { Injectable } from '@nestjs/common';
import { diffWordsWithSpace } from 'diff';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import * as Y from 'yjs';
import { conflict, notFound } from '../../common/domain-error';
import { DiffChunk, DiffKind } from './documents.types';
import { ActivityKind } from '../activity/activity-event.entity';
import { ActivityService } from '../activity/activity.service';
import { AuditService } from '../audit/audit.service';
import { MemberEntity } from '../workspaces/member.entity';
import { DocumentContentService } from './document-content.service';
import { DocumentEntity, DocumentVersionEntity } from './document.entity';
import { CreateDocumentInput, UpdateDocumentInput } from './dto/create-document.input';
import { docFromState } from './snapshot';

export interface DocumentReading {
  sections: Section[];
  markdown: string;
}

@Injectable()
export class DocumentsService {
  constructor(
    @InjectRepository(DocumentEntity) private readonly documents: Repository<DocumentEntity>,
    @InjectRepository(DocumentVersionEntity) private readonly versions: Repository<DocumentVersionEntity>,
    private readonly content: DocumentContentService,
    private readonly audit: AuditService,
    private readonly activity: ActivityService,
  ) {}

  forWorkspace(workspaceId: string): Promise<DocumentEntity[]> {
    return this.documents.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  findById(id: string): Promise<DocumentEntity | null> {
    return this.documents.findOne({ where: { id } });
  }

  async create(actor: MemberEntity, input: CreateDocumentInput): Promise<DocumentEntity> {
    const doc = await this.documents.save({ workspaceId: actor.workspaceId, title: input.title, wordBudget: input.wordBudget ?? null, createdBy: actor.id });
    await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'document.created', targetId: doc.id, data: { title: doc.title } });
    return doc;
  }

  async update(input: UpdateDocumentInput): Promise<DocumentEntity> {
    await this.documents.update(input.id, { title: input.title, ...(input.wordBudget !== undefined ? { wordBudget: input.wordBudget } : {}) });
    return this.documents.findOneOrFail({ where: { id: input.id } });
  }

  /** Named versions of several documents (without their state), for the per-request loader behind Document.versions. */
  versionsOfDocuments(documentIds: readonly string[]): Promise<DocumentVersionEntity[]> {
    return this.versions.find({
      where: { documentId: In([...new Set(documentIds)]) },
      order: { createdAt: 'DESC' },
      select: { id: true, documentId: true, workspaceId: true, name: true, createdBy: true, createdAt: true },
    });
  }

  findVersion(id: string): Promise<DocumentVersionEntity | null> {
    return this.versions.findOne({ where: { id } });
  }

  /** `opts.tx`: inside the caller's transaction (a milestone gate); `opts.concerns`: more ids the event concerns. */
  async createVersion(actor: MemberEntity, documentId: string, name: string, opts: { tx?: EntityManager; concerns?: string[] } = {}): Promise<DocumentVersionEntity> {
    const state = await this.content.currentState(documentId);
    const run = async (tx: EntityManager) => {
      const version = await tx.getRepository(DocumentVersionEntity).save({ documentId, workspaceId: actor.workspaceId, name, state: Buffer.from(state), createdBy: actor.id });
      await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'version.created', targetId: version.id, data: { name } }, tx);
      const doc = await tx.getRepository(DocumentEntity).findOneOrFail({ where: { id: documentId }, select: { id: true, title: true } });
      await this.activity.emit(tx, { workspaceId: actor.workspaceId, kind: ActivityKind.VERSION_CREATED, actorId: actor.userId, targetId: version.id, label: `Version “${name}” of “${doc.title}” saved`, concerns: [documentId, ...(opts.concerns ?? [])] });
      return version;
    };
    return opts.tx ? run(opts.tx) : this.versions.manager.transaction(run);
  }

  /** Restores a version as a new change on top of the live document: history is kept, everyone sees it. */
  async restoreVersion(actor: MemberEntity, versionId: string): Promise<DocumentEntity> {
    const version = await this.versions.findOne({ where: { id: versionId } });
    if (!version) throw notFound('Version not found');
    const old = docFromState(new Uint8Array(version.state));
    const nodes = old.getXmlFragment(FRAGMENT).toArray();
    await this.content.change(version.documentId, (doc) => {
      const fragment = doc.getXmlFragment(FRAGMENT);
      doc.transact(() => {
        fragment.delete(0, fragment.length);
        fragment.insert(0, nodes.map((n) => n.clone() as Y.XmlElement | Y.XmlText));
      });
    });
    old.destroy();
    await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'version.restored', targetId: version.id, data: { name: version.name } });
    await this.activity.emit(null, { workspaceId: actor.workspaceId, kind: ActivityKind.VERSION_RESTORED, actorId: actor.userId, targetId: version.id, label: `Version “${version.name}” restored` });
    return this.documents.findOneOrFail({ where: { id: version.documentId } });
  }

  /**
   * A word-level diff of two versions' Markdown (`to` omitted: the live document). Both must belong
   * to the same document.
   */
  async diff(from: DocumentVersionEntity, to: DocumentVersionEntity | null): Promise<DiffChunk[]> {
    if (to && to.documentId !== from.documentId) throw conflict('The two versions belong to different documents', { reason: 'DIFFERENT_DOCUMENTS' });
    const before = (await this.read({ version: from })).markdown;
    const after = (await this.read(to ? { version: to } : { documentId: from.documentId })).markdown;
    return diffWordsWithSpace(before, after).map((part) => ({
      kind: part.added ? DiffKind.ADDED : part.removed ? DiffKind.REMOVED : DiffKind.UNCHANGED,
      text: part.value,
    }));
  }

  /** Lists load versions without their state; this fetches it when a field needs it. */
  async versionState(version: DocumentVersionEntity): Promise<Buffer> {
    return version.state ?? (await this.versions.findOneOrFail({ where: { id: version.id }, select: { id: true, state: true } })).state;
  }

  async authorName(memberId: string | null): Promise<string | null> {
    if (!memberId) return null;
    const rows: { name: string }[] = await this.documents.query('SELECT u.name FROM members m JOIN users u ON u.id = m.user_id WHERE m.id = $1', [memberId]);
    return rows[0]?.name ?? null;
  }

  /** Sections and Markdown of the live document or of a version, read with the editor's schema. */
  async read(source: { documentId: string } | { version: DocumentVersionEntity }): Promise<DocumentReading> {
    let state: Uint8Array;
    if ('documentId' in source) state = await this.content.currentState(source.documentId);
    else state = new Uint8Array(await this.versionState(source.version));
    const doc = docFromState(state);
    const reading = { sections: documentSections(doc), markdown: documentMarkdown(doc) };
    doc.destroy();
    return reading;
  }
}
