// The workspace glossary: entries the workspace defines, shown over the built-in HE glossary.
import { GlossaryEntry, HE_GLOSSARY, normaliseTerm } from '@concord/nhs-lens';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { MemberEntity } from '../workspaces/member.entity';
import { DefineGlossaryTermInput, UpdateGlossaryEntryInput } from './dto/glossary.input';
import { GlossaryEntryEntity } from './glossary-entry.entity';
import { GlossaryEntryType, GlossarySource } from './glossary.types';

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

@Injectable()
export class GlossaryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The workspace's own entries, by term. */
  defined(workspaceId: string): Promise<GlossaryEntryEntity[]> {
    return this.db.getRepository(GlossaryEntryEntity).find({ where: { workspaceId }, order: { termKey: 'ASC' } });
  }

  /** The workspace's entries as the lens reads them (aliases come from the built-in entry of the same term). */
  async definedForLens(workspaceId: string): Promise<GlossaryEntry[]> {
    return (await this.defined(workspaceId)).map((e) => this.toType(e)).map(({ term, expansion, explanation, aliases }) => ({ term, expansion: expansion ?? undefined, explanation, aliases }));
  }

  /** Workspace entries, then the built-in entries the workspace has not defined, alphabetically. */
  async list(workspaceId: string): Promise<GlossaryEntryType[]> {
    const own = (await this.defined(workspaceId)).map((e) => this.toType(e));
    const taken = new Set(own.flatMap((e) => [e.term, ...e.aliases].map(normaliseTerm)));
    const builtIn = HE_GLOSSARY.filter((e) => !taken.has(normaliseTerm(e.term))).map(
      (e): GlossaryEntryType => ({ id: null, term: e.term, expansion: e.expansion ?? null, explanation: e.explanation, aliases: [...(e.aliases ?? [])], source: GlossarySource.BUILT_IN }),
    );
    return [...own, ...builtIn].sort((a, b) => normaliseTerm(a.term).localeCompare(normaliseTerm(b.term)));
  }

  async define(actor: MemberEntity, input: DefineGlossaryTermInput): Promise<GlossaryEntryType> {
    const term = clean(input.term);
    const explanation = clean(input.explanation);
    if (!term) throw badInput('input.term', 'input.term: a term is required');
    if (!explanation) throw badInput('input.explanation', 'input.explanation: an explanation is required');
    const repo = this.db.getRepository(GlossaryEntryEntity);
    const termKey = normaliseTerm(term);
    if (await repo.findOne({ where: { workspaceId: actor.workspaceId, termKey } })) throw conflict(`“${term}” is already in the glossary`, { reason: 'DUPLICATE', field: 'input.term' });
    const saved = await repo.save(repo.create({ workspaceId: actor.workspaceId, term, termKey, expansion: input.expansion ? clean(input.expansion) || null : null, explanation, createdBy: actor.id }));
    await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'glossary.defined', targetId: saved.id, data: { term } });
    return this.toType(saved);
  }

  async update(actor: MemberEntity, input: UpdateGlossaryEntryInput): Promise<GlossaryEntryType> {
    const repo = this.db.getRepository(GlossaryEntryEntity);
    const entry = await repo.findOne({ where: { id: input.id, workspaceId: actor.workspaceId } });
    if (!entry) throw notFound('Glossary entry not found');
    if (input.term !== undefined && input.term !== null) {
      const term = clean(input.term);
      if (!term) throw badInput('input.term', 'input.term: a term is required');
      const termKey = normaliseTerm(term);
      const other = await repo.findOne({ where: { workspaceId: actor.workspaceId, termKey } });
      if (other && other.id !== entry.id) throw conflict(`“${term}” is already in the glossary`, { reason: 'DUPLICATE', field: 'input.term' });
      entry.term = term;
      entry.termKey = termKey;
    }
    if (input.expansion !== undefined) entry.expansion = input.expansion ? clean(input.expansion) || null : null;
    if (input.explanation !== undefined && input.explanation !== null) {
      const explanation = clean(input.explanation);
      if (!explanation) throw badInput('input.explanation', 'input.explanation: an explanation is required');
      entry.explanation = explanation;
    }
    return this.toType(await repo.save(entry));
  }

  async remove(actor: MemberEntity, id: string): Promise<boolean> {
    const result = await this.db.getRepository(GlossaryEntryEntity).delete({ id, workspaceId: actor.workspaceId });
    if (!result.affected) throw notFound('Glossary entry not found');
    await this.audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: 'glossary.removed', targetId: id, data: {} });
    return true;
  }

  private toType(e: GlossaryEntryEntity): GlossaryEntryType {
    const builtIn = HE_GLOSSARY.find((b) => normaliseTerm(b.term) === e.termKey);
    return { id: e.id, term: e.term, expansion: e.expansion, explanation: e.explanation, aliases: [...(builtIn?.aliases ?? [])], source: GlossarySource.WORKSPACE };
  }
}
