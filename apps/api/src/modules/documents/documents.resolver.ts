import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import { manyEach } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { arg, parent, row, Scope } from '../../common/rule.decorator';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { DocumentEntity, DocumentVersionEntity } from './document.entity';
import { DocumentsService } from './documents.service';
import { DiffChunk, DocumentSection } from './documents.types';
import { notFound } from '../../common/domain-error';
import { CreateDocumentInput, UpdateDocumentInput } from './dto/create-document.input';
import { CreateVersionArgs } from './dto/create-version.args';

@Resolver(() => WorkspaceEntity)
export class WorkspaceDocumentsResolver {
  constructor(private readonly service: DocumentsService) {}

  @ResolveField(() => [DocumentEntity], { description: 'Documents of the workspace, oldest first.' })
  @Scope(parent('id'))
  documents(@Parent() workspace: WorkspaceEntity) {
    return this.service.forWorkspace(workspace.id);
  }
}

@Resolver(() => DocumentEntity)
export class DocumentsResolver {
  constructor(private readonly documents: DocumentsService) {}

  @Query(() => DocumentEntity, { nullable: true, description: 'null when the document does not exist or the viewer may not read it' })
  @Scope(row('documents', 'id'), { orNull: true })
  document(@Args('id', { type: () => ID }) id: string) {
    return this.documents.findById(id);
  }

  @Mutation(() => DocumentEntity)
  @Scope(arg('input.workspaceId'))
  createDocument(@Args('input') input: CreateDocumentInput, @CurrentMember() actor: MemberEntity) {
    return this.documents.create(actor, input);
  }

  @Mutation(() => DocumentEntity, { description: 'Renames a document or changes its word budget.' })
  @Scope(row('documents', 'input.id'))
  updateDocument(@Args('input') input: UpdateDocumentInput) {
    return this.documents.update(input);
  }

  @ResolveField(() => [DocumentVersionEntity], { description: 'Named versions, newest first.' })
  @Scope(parent('workspaceId'))
  versions(@Parent() doc: DocumentEntity, @Context() ctx: RequestContext) {
    const versions = ctx.loaders.get('documents.versions', async (ids: readonly string[]) => manyEach(ids, await this.documents.versionsOfDocuments(ids), (v) => v.documentId));
    return versions.load(doc.id);
  }

  @ResolveField(() => [DocumentSection])
  @Scope(parent('workspaceId'))
  async sections(@Parent() doc: DocumentEntity) {
    return (await this.documents.read({ documentId: doc.id })).sections;
  }

  @ResolveField(() => String, { description: 'The live document as Markdown.' })
  @Scope(parent('workspaceId'))
  async markdown(@Parent() doc: DocumentEntity) {
    return (await this.documents.read({ documentId: doc.id })).markdown;
  }
}

@Resolver(() => DocumentVersionEntity)
export class VersionsResolver {
  constructor(private readonly documents: DocumentsService) {}

  @Query(() => DocumentVersionEntity, { nullable: true })
  @Scope(row('document_versions', 'id'), { orNull: true })
  documentVersion(@Args('id', { type: () => ID }) id: string) {
    return this.documents.findVersion(id);
  }

  @Mutation(() => DocumentVersionEntity, { description: 'Stores the document as it is now under a name, read-only.' })
  @Scope(row('documents', 'documentId'))
  createVersion(@Args() args: CreateVersionArgs, @CurrentMember() actor: MemberEntity) {
    return this.documents.createVersion(actor, args.documentId, args.name);
  }

  @Mutation(() => DocumentEntity, { description: 'Applies a version’s content as a new change that everyone sees; history is kept.' })
  @Scope(row('document_versions', 'versionId'))
  restoreVersion(@Args('versionId', { type: () => ID }) versionId: string, @CurrentMember() actor: MemberEntity) {
    return this.documents.restoreVersion(actor, versionId);
  }

  @ResolveField(() => [DocumentSection])
  @Scope(parent('workspaceId'))
  async sections(@Parent() version: DocumentVersionEntity) {
    return (await this.documents.read({ version })).sections;
  }

  @ResolveField(() => String)
  @Scope(parent('workspaceId'))
  async markdown(@Parent() version: DocumentVersionEntity) {
    return (await this.documents.read({ version })).markdown;
  }

  @Query(() => [DiffChunk], { description: 'What changed from one version to another, or to the live document when `toVersionId` is omitted.' })
  @Scope(row('document_versions', 'fromVersionId'))
  async diffVersions(@Args('fromVersionId', { type: () => ID }) fromVersionId: string, @Args('toVersionId', { type: () => ID, nullable: true }) toVersionId?: string) {
    const from = await this.documents.findVersion(fromVersionId);
    const to = toVersionId ? await this.documents.findVersion(toVersionId) : null;
    if (!from || (toVersionId && !to)) throw notFound('Version not found');
    return this.documents.diff(from, to);
  }

  @ResolveField(() => String, { description: 'The version’s Yjs state (base64), to show it read-only with the editor’s schema.' })
  @Scope(parent('workspaceId'))
  async state(@Parent() version: DocumentVersionEntity) {
    return (await this.documents.versionState(version)).toString('base64');
  }

  @ResolveField(() => String, { nullable: true })
  createdByName(@Parent() version: DocumentVersionEntity) {
    return this.documents.authorName(version.createdBy);
  }
}
