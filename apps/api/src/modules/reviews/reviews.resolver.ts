import { documentSections } from '@concord/editor-schema';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember } from '../../common/current.decorator';
import { oneEach } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { parent, row, Scope } from '../../common/rule.decorator';
import { AnnotationEntity } from '../annotations/annotation.entity';
import { DocumentSection } from '../documents/documents.types';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { InviteReviewerInput, OpenReviewRoundInput, ReviewAnnotationInput } from './dto/review.input';
import { ReviewRoundEntity, TriageResponse, TriageResponseEntity } from './review-round.entity';
import { ExportFormat, ReviewerInvitation, ReviewSummaryType } from './reviews.types';
import { ReviewsService } from './reviews.service';
import { triageCsv, triageMarkdown } from './triage-export';
import { docFromState } from '../documents/snapshot';

@Resolver(() => ReviewRoundEntity)
export class ReviewsResolver {
  constructor(private readonly reviews: ReviewsService) {}

  @Query(() => ReviewRoundEntity, { nullable: true, description: 'null when the viewer may not see it (a reviewer once the round has closed).' })
  @Scope(row('review_rounds', 'id'), { orNull: true })
  reviewRound(@Args('id', { type: () => ID }) id: string, @CurrentMember() viewer: MemberEntity) {
    return this.reviews.visible(viewer, id);
  }

  @Mutation(() => ReviewRoundEntity, { description: 'Shares a named version with reviewers until the closing time.' })
  @Scope(row('document_versions', 'input.versionId'))
  openReviewRound(@Args('input') input: OpenReviewRoundInput, @CurrentMember() actor: MemberEntity) {
    return this.reviews.open(actor, input);
  }

  @Mutation(() => ReviewerInvitation, { description: 'Invites a stakeholder by link; someone already a member is added to the round directly and keeps their organisation and sector.' })
  @Scope(row('review_rounds', 'input.roundId'))
  inviteReviewer(@Args('input') input: InviteReviewerInput, @CurrentMember() actor: MemberEntity) {
    return this.reviews.invite(actor, input);
  }

  @Mutation(() => AnnotationEntity, { description: 'A reviewer’s comment, question or suggestion on the shared version.' })
  @Scope(row('review_rounds', 'input.roundId'))
  addReviewAnnotation(@Args('input') input: ReviewAnnotationInput, @CurrentMember() actor: MemberEntity) {
    return this.reviews.annotate(actor, input);
  }

  @Mutation(() => ReviewRoundEntity, { description: 'Closes the round, carries its comments onto the live draft and opens triage.' })
  @Scope(row('review_rounds', 'id'))
  closeReviewRound(@Args('id', { type: () => ID }) id: string, @CurrentMember() actor: MemberEntity) {
    return this.reviews.close(actor, id);
  }

  @Mutation(() => TriageResponseEntity)
  @Scope(row('annotations', 'annotationId'))
  respondToReviewComment(
    @Args('annotationId', { type: () => ID }) annotationId: string,
    @Args('response', { type: () => TriageResponse }) response: TriageResponse,
    @Args('reason') reason: string,
    @CurrentMember() actor: MemberEntity,
  ) {
    return this.reviews.respond(actor, annotationId, response, reason);
  }

  @Query(() => String, { description: 'The "you said, we did" table of a closed round, as CSV or Markdown.' })
  @Scope(row('review_rounds', 'roundId'))
  async reviewTriageExport(@Args('roundId', { type: () => ID }) roundId: string, @Args('format', { type: () => ExportFormat }) format: ExportFormat, @CurrentMember() viewer: MemberEntity) {
    const round = await this.reviews.visible(viewer, roundId);
    const rows = round ? await this.reviews.triageTable(round) : [];
    if (round) await this.reviews.recordExport(viewer, round, format);
    return format === ExportFormat.CSV ? triageCsv(rows) : triageMarkdown(round?.title ?? '', rows);
  }

  @ResolveField(() => [AnnotationEntity], { description: 'Reviewers see their own comments; the group sees all.' })
  @Scope(parent('workspaceId'))
  annotations(@Parent() round: ReviewRoundEntity, @CurrentMember() viewer: MemberEntity) {
    return this.reviews.annotations(viewer, round);
  }

  @ResolveField(() => ReviewSummaryType, { nullable: true, description: 'Counts by section, kind, sector and status, once closed.' })
  @Scope(parent('workspaceId'))
  summary(@Parent() round: ReviewRoundEntity) {
    return this.reviews.summary(round);
  }

  @ResolveField(() => String, { description: 'The shared version’s Yjs state (base64), to show it read-only.' })
  @Scope(parent('workspaceId'))
  async versionState(@Parent() round: ReviewRoundEntity) {
    return Buffer.from(await this.reviews.versionState(round)).toString('base64');
  }

  @ResolveField(() => [DocumentSection])
  @Scope(parent('workspaceId'))
  async versionSections(@Parent() round: ReviewRoundEntity) {
    const doc = docFromState(await this.reviews.versionState(round));
    const sections = documentSections(doc);
    doc.destroy();
    return sections;
  }

  @ResolveField(() => Int)
  @Scope(parent('workspaceId'))
  reviewerCount(@Parent() round: ReviewRoundEntity) {
    return this.reviews.reviewerCount(round.id);
  }
}

@Resolver(() => WorkspaceEntity)
export class WorkspaceReviewsResolver {
  constructor(private readonly service: ReviewsService) {}

  @ResolveField(() => [ReviewRoundEntity], { description: 'Review rounds, newest first; a reviewer sees only their open ones.' })
  @Scope(parent('id'))
  reviewRounds(@CurrentMember() viewer: MemberEntity) {
    return this.service.forWorkspace(viewer);
  }
}

@Resolver(() => AnnotationEntity)
export class AnnotationTriageResolver {
  constructor(private readonly service: ReviewsService) {}

  @ResolveField(() => TriageResponseEntity, { nullable: true, description: 'The group’s response to a reviewer comment.' })
  triage(@Parent() a: AnnotationEntity, @Context() ctx: RequestContext) {
    if (!a.reviewRoundId) return null;
    // One query for every carried comment of the list (a round of 500 once issued 500 and ran the pool dry).
    const loader = ctx.loaders.get('reviews.triage', async (ids: readonly string[]) => oneEach(ids, await this.service.triageOfMany(ids), (t) => t.annotationId));
    return loader.load(a.id);
  }
}
