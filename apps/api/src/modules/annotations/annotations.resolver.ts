import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { concatMap, filter } from 'rxjs';
import { toAsyncIterator } from '../../common/async-iterator';
import { CurrentMember } from '../../common/current.decorator';
import { parent, row, Scope } from '../../common/rule.decorator';
import { DocumentEntity } from '../documents/document.entity';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { AnnotationEntity, AnnotationStatus, ChallengeTagEntity, ReplyEntity } from './annotation.entity';
import { AnnotationChange, AnnotationsService, LoadedAnnotation } from './annotations.service';
import { AnnotationPage, AnnotationSectionCount, PAGE_REPLY_CAP } from './annotations.types';
import { AddAnnotationInput, EditTextInput, ReplyArgs } from './dto/add-annotation.input';
import { AnnotationPageArgs } from './dto/annotation-page.args';

@Resolver(() => AnnotationEntity)
export class AnnotationsResolver {
  constructor(private readonly annotations: AnnotationsService) {}

  @Query(() => AnnotationEntity, { nullable: true })
  @Scope(row('annotations', 'id'), { orNull: true })
  annotation(@Args('id', { type: () => ID }) id: string) {
    return this.annotations.get(id);
  }

  @Mutation(() => AnnotationEntity)
  @Scope(row('documents', 'input.documentId'))
  addAnnotation(@Args('input') input: AddAnnotationInput, @CurrentMember() actor: MemberEntity) {
    return this.annotations.add(actor, input);
  }

  @Mutation(() => ReplyEntity)
  @Scope(row('annotations', 'annotationId'))
  replyToAnnotation(@Args() args: ReplyArgs, @CurrentMember() actor: MemberEntity) {
    return this.annotations.reply(actor, args);
  }

  @Mutation(() => AnnotationEntity)
  @Scope(row('annotations', 'id'))
  resolveAnnotation(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.annotations.resolve(actor, id);
  }

  @Mutation(() => AnnotationEntity)
  @Scope(row('annotations', 'id'))
  reopenAnnotation(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.annotations.reopen(actor, id);
  }

  @Mutation(() => AnnotationEntity, { description: 'Replaces the anchored text with the suggestion in the live document; CONFLICT if the text has changed.' })
  @Scope(row('annotations', 'id'))
  acceptSuggestion(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.annotations.accept(actor, id);
  }

  @Mutation(() => AnnotationEntity)
  @Scope(row('annotations', 'id'))
  rejectSuggestion(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.annotations.reject(actor, id);
  }

  @Mutation(() => AnnotationEntity, { description: 'Changes the author’s own text; the earlier text is kept.' })
  @Scope(row('annotations', 'input.id'))
  editAnnotation(@Args('input') input: EditTextInput, @CurrentMember() actor: MemberEntity) {
    return this.annotations.editAnnotation(actor, input);
  }

  @Mutation(() => ReplyEntity)
  @Scope(row('annotation_replies', 'input.id'))
  editReply(@Args('input') input: EditTextInput, @CurrentMember() actor: MemberEntity) {
    return this.annotations.editReply(actor, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes an annotation (kept in the audit log): its author, or a lead.' })
  @Scope(row('annotations', 'id'))
  deleteAnnotation(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.annotations.remove(actor, id);
  }

  @Subscription(() => AnnotationEntity, {
    description: 'Every change to the document’s annotations, for as long as the subscriber may read them.',
    resolve: (change: AnnotationChange) => change.annotation,
  })
  @Scope(row('documents', 'documentId'))
  annotationChanged(@Args('documentId', { type: () => ID }) documentId: string, @CurrentMember() subscriber: MemberEntity) {
    // The guard checked access when the subscription started; each event checks it again, so a member
    // removed (or a role changed) meanwhile receives nothing more.
    return toAsyncIterator(
      this.annotations.changes.pipe(
        filter((c) => c.documentId === documentId),
        concatMap(async (c) => ((await this.annotations.mayRead(subscriber.userId, c.workspaceId)) ? [c] : [])),
        concatMap((c) => c),
      ),
    );
  }

  @ResolveField(() => Boolean, { description: 'True for an annotation deleted by its author or a lead (sent once, to subscribers).' })
  deleted(@Parent() a: AnnotationEntity) {
    return a.deletedAt !== null && a.deletedAt !== undefined;
  }

  @ResolveField(() => String, { description: 'The author’s name, readable by anyone who may read the annotation (reviewers included).' })
  authorName(@Parent() a: LoadedAnnotation) {
    return a.author?.user?.name ?? '';
  }

  @ResolveField(() => MemberEntity)
  author(@Parent() a: LoadedAnnotation) {
    return a.author;
  }

  @ResolveField(() => [ReplyEntity], { description: `Replies, oldest first; in an annotationPage only the latest ${PAGE_REPLY_CAP} (replyCount says how many there are).` })
  replies(@Parent() a: LoadedAnnotation) {
    return a.replies ?? [];
  }

  @ResolveField(() => Int, { description: 'How many replies the thread has (not deleted).' })
  replyCount(@Parent() a: LoadedAnnotation) {
    return a.replyCount ?? a.replies?.length ?? 0;
  }
}

@Resolver(() => ReplyEntity)
export class RepliesResolver {
  @ResolveField(() => MemberEntity)
  author(@Parent() r: ReplyEntity & { author?: MemberEntity }) {
    return r.author;
  }
}

@Resolver(() => DocumentEntity)
export class DocumentAnnotationsResolver {
  constructor(private readonly service: AnnotationsService) {}

  @ResolveField(() => [AnnotationEntity], { description: 'Annotations on the live document, oldest first.' })
  @Scope(parent('workspaceId'))
  annotations(@Parent() doc: DocumentEntity, @Args('status', { type: () => AnnotationStatus, nullable: true }) status?: AnnotationStatus) {
    return this.service.list(doc.id, status);
  }

  @ResolveField(() => AnnotationPage, { description: 'The threads a page at a time, newest first, optionally filtered; totalCount counts the whole filtered list.' })
  @Scope(parent('workspaceId'))
  annotationPage(@Parent() doc: DocumentEntity, @Args() args: AnnotationPageArgs) {
    return this.service.page(doc.id, args.filter ?? {}, args.first, args.after);
  }

  @ResolveField(() => [AnnotationSectionCount], { description: 'Open annotations per heading, counted on the server.' })
  @Scope(parent('workspaceId'))
  openAnnotationCounts(@Parent() doc: DocumentEntity) {
    return this.service.openCounts(doc.id);
  }
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceTagsResolver {
  constructor(private readonly annotations: AnnotationsService) {}

  @ResolveField(() => [ChallengeTagEntity], { description: 'The recurring challenges annotations and findings are tagged with.' })
  @Scope(parent('id'))
  challengeTags(@Parent() workspace: WorkspaceEntity) {
    return this.annotations.tags(workspace.id);
  }
}
