// The briefing pack for a meeting: the GraphQL object types, which are also the shape the three
// exports (Markdown, DOCX, PDF) render. Everything here is assembled from live data at request time.
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AnnotationKind, AnnotationStatus } from '../annotations/annotation.entity';
import { SectorResultType, VerdictKind } from '../consensus/consensus.types';
import { Scale } from '../consensus/round.entity';
import { DecisionStatus } from '../decisions/decision.entity';
import { MeetingKind } from '../meetings/meeting.entity';
import { MilestoneStatus } from '../milestones/milestones.resolver';
import { ReviewRoundStatus } from '../reviews/review-round.entity';
import { CountEntry } from '../reviews/reviews.types';
import { BriefingFormat } from './briefing-format';

registerEnumType(BriefingFormat, { name: 'BriefingFormat' });

@ObjectType('BriefingMeeting')
export class BriefingMeeting {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => MeetingKind) kind!: MeetingKind;
  @Field({ description: 'YYYY-MM-DD, Europe/London.' }) date!: string;
  @Field(() => [String]) agenda!: string[];
  @Field(() => ID, { nullable: true }) milestoneId!: string | null;
  @Field(() => String, { nullable: true, description: 'The milestone the meeting serves.' }) milestoneTitle!: string | null;
}

@ObjectType('BriefingMilestone')
export class BriefingMilestone {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: 'YYYY-MM-DD, Europe/London.' }) startsOn!: string;
  @Field({ description: 'YYYY-MM-DD, Europe/London.' }) dueDate!: string;
  @Field(() => MilestoneStatus) status!: MilestoneStatus;
  @Field({ description: 'The status in words, computed by libs/plan.' }) statusReason!: string;
  @Field(() => Int) deliverablesDone!: number;
  @Field(() => Int) deliverablesTotal!: number;
  @Field({ description: 'True for the milestone this meeting serves.' }) servedByMeeting!: boolean;
}

@ObjectType('BriefingDeliverable')
export class BriefingDeliverable {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: 'YYYY-MM-DD, Europe/London.' }) dueDate!: string;
  @Field() milestoneTitle!: string;
  @Field(() => String, { nullable: true }) ownerName!: string | null;
  @Field(() => Int, { description: 'Calendar days from the day the pack was prepared to the due date; negative when overdue.' }) dueInDays!: number;
  @Field({ description: 'E.g. "3 days overdue", "due in 5 days", "due today".' }) when!: string;
}

@ObjectType('BriefingDecision')
export class BriefingDecision {
  @Field(() => ID) id!: string;
  @Field({ description: 'D-001, D-002, …' }) ref!: string;
  @Field() title!: string;
  @Field() statement!: string;
  @Field() rationale!: string;
  @Field(() => DecisionStatus) status!: DecisionStatus;
  @Field(() => Date, { nullable: true }) agreedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Where it was agreed, in words: at “a meeting”, by round “a round”, or by the lead; null while proposed.' }) agreedWhere!: string | null;
  @Field(() => String, { nullable: true, description: 'The ref of the decision that superseded it, if any.' }) supersededByRef!: string | null;
  @Field(() => String, { nullable: true, description: 'The round result that drafted it, when a round did.' }) resultSummary!: string | null;
}

@ObjectType('BriefingItemResult', { description: 'One item of a closed round, as the consensus module reports it: aggregates only, small sector cells suppressed in anonymous rounds.' })
export class BriefingItemResult {
  @Field(() => ID) itemId!: string;
  @Field(() => Int) position!: number;
  @Field() criterion!: string;
  @Field(() => VerdictKind) verdict!: VerdictKind;
  @Field(() => Int) n!: number;
  @Field(() => Float, { nullable: true }) median!: number | null;
  @Field(() => Float, { nullable: true, description: '1–9: share rating 7–9; consent/approval: share agreeing or approving. Null with no ballots.' }) agreeShare!: number | null;
  @Field(() => Float, { nullable: true, description: '1–9: share rating 1–3; null for other scales.' }) lowShare!: number | null;
  @Field(() => [SectorResultType]) bySector!: SectorResultType[];
}

@ObjectType('BriefingRoundResult')
export class BriefingRoundResult {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => Int) number!: number;
  @Field(() => Scale) scale!: Scale;
  @Field() anonymous!: boolean;
  @Field() closedAt!: Date;
  @Field(() => [BriefingItemResult]) items!: BriefingItemResult[];
}

@ObjectType('BriefingOpenRound')
export class BriefingOpenRound {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => Int) number!: number;
  @Field(() => Scale) scale!: Scale;
  @Field(() => Date, { nullable: true }) closesAt!: Date | null;
  @Field(() => Int) itemCount!: number;
  @Field(() => Int, { description: 'Who has voted (not how).' }) votedCount!: number;
  @Field(() => Int) eligibleCount!: number;
}

@ObjectType('BriefingAnnotation')
export class BriefingAnnotation {
  @Field(() => ID) id!: string;
  @Field(() => AnnotationKind) kind!: AnnotationKind;
  @Field(() => AnnotationStatus) status!: AnnotationStatus;
  @Field({ description: 'The annotated passage, shortened to 200 characters.' }) quote!: string;
  @Field({ description: 'Shortened to 500 characters.' }) body!: string;
  @Field(() => String, { nullable: true }) authorName!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Int) replyCount!: number;
  @Field(() => [String]) tags!: string[];
}

@ObjectType('BriefingAnnotationSection', { description: 'Unresolved annotations of one section of a document, in the document’s order.' })
export class BriefingAnnotationSection {
  @Field(() => ID) documentId!: string;
  @Field() documentTitle!: string;
  @Field(() => String, { nullable: true, description: 'The heading’s id; null for annotations whose text has been deleted (ORPHANED).' }) sectionId!: string | null;
  @Field({ description: 'The section’s current heading; "" before the first heading.' }) sectionTitle!: string;
  @Field(() => [BriefingAnnotation]) annotations!: BriefingAnnotation[];
}

@ObjectType('BriefingReviewRound', { description: 'A stakeholder review round still open, or closed in the period.' })
export class BriefingReviewRound {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => ReviewRoundStatus) status!: ReviewRoundStatus;
  @Field(() => String, { nullable: true }) versionName!: string | null;
  @Field() closesAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => Int) reviewerCount!: number;
  @Field(() => Int) commentCount!: number;
  @Field(() => Int, { description: 'Comments the group has responded to in triage.' }) respondedCount!: number;
  @Field(() => [CountEntry]) bySection!: CountEntry[];
  @Field(() => [CountEntry]) byKind!: CountEntry[];
  @Field(() => [CountEntry]) bySector!: CountEntry[];
}

@ObjectType('BriefingDownload', { description: 'Where to download the pack: the same session cookie and policy as GraphQL.' })
export class BriefingDownload {
  @Field(() => BriefingFormat) format!: BriefingFormat;
  @Field({ description: 'A path on this server, e.g. /briefings/<meetingId>.pdf' }) url!: string;
  @Field({ description: 'E.g. briefing-2027-04-19-taskforce.pdf' }) filename!: string;
  @Field() contentType!: string;
}

@ObjectType('BriefingPack', { description: 'Everything a meeting needs to know, assembled from live data when asked.' })
export class BriefingPack {
  @Field(() => ID) workspaceId!: string;
  @Field() workspaceName!: string;
  @Field(() => BriefingMeeting) meeting!: BriefingMeeting;
  @Field(() => BriefingMeeting, { nullable: true, description: 'The workspace’s meeting before this one; null for the first.' }) previousMeeting!: BriefingMeeting | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the period covered starts on the previous meeting’s day (Europe/London); null: since the start.' }) since!: string | null;
  @Field({ description: 'YYYY-MM-DD: the period covered ends when this meeting’s day starts (Europe/London).' }) until!: string;
  @Field() generatedAt!: Date;
  @Field({ description: 'YYYY-MM-DD in Europe/London: the day statuses and deliverables are computed for.' }) asOf!: string;
  @Field(() => [BriefingMilestone], { description: 'Every milestone, by due date, with its computed status.' }) milestones!: BriefingMilestone[];
  @Field(() => [BriefingDeliverable], { description: 'Open deliverables past their due date.' }) lateDeliverables!: BriefingDeliverable[];
  @Field(() => [BriefingDeliverable], { description: 'Open deliverables due within the risk window (14 days).' }) atRiskDeliverables!: BriefingDeliverable[];
  @Field(() => [BriefingDecision], { description: 'Decisions agreed in the period (including any superseded since).' }) decisionsAgreed!: BriefingDecision[];
  @Field(() => [BriefingDecision], { description: 'Decisions proposed and awaiting agreement, now.' }) decisionsProposed!: BriefingDecision[];
  @Field(() => [BriefingRoundResult], { description: 'Consensus rounds closed in the period, with their results.' }) roundResults!: BriefingRoundResult[];
  @Field(() => [BriefingOpenRound], { description: 'Consensus rounds open now.' }) openRounds!: BriefingOpenRound[];
  @Field(() => [BriefingAnnotationSection], { description: 'Open and orphaned annotations on the live drafts, by document section.' }) unresolvedAnnotations!: BriefingAnnotationSection[];
  @Field(() => [BriefingReviewRound], { description: 'Review rounds open now, or closed in the period.' }) reviewRounds!: BriefingReviewRound[];
  @Field(() => [BriefingDownload]) downloads!: BriefingDownload[];
}
