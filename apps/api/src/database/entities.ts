// Every entity, in one list: the data source and the migration generator read it.
import { AnnotationEditEntity, AnnotationEntity, ChallengeTagEntity, ReplyEntity } from '../modules/annotations/annotation.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { ActivityEventEntity } from '../modules/activity/activity-event.entity';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { CriterionEntity } from '../modules/consensus/criterion.entity';
import { BallotEntity, InterestEntity, ParticipationEntity, RoundEntity, RoundItemEntity } from '../modules/consensus/round.entity';
import { DecisionEntity } from '../modules/decisions/decision.entity';
import { DocumentEntity, DocumentSnapshotEntity, DocumentUpdateEntity, DocumentVersionEntity } from '../modules/documents/document.entity';
import { SourceEntity } from '../modules/evidence/source.entity';
import { AgendaItemEntity, MeetingEntity } from '../modules/meetings/meeting.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { ReviewerEntity, ReviewRoundEntity, TriageResponseEntity } from '../modules/reviews/review-round.entity';
import { DeliverableEntity, MilestoneEntity } from '../modules/milestones/milestone.entity';
import { ModelContactEntity, PracticeModelEntity } from '../modules/models/practice-model.entity';
import { ModelRatingEntity } from '../modules/assessments/model-rating.entity';
import { CaseStudySubmissionEntity, CaseStudyTemplateEntity } from '../modules/case-studies/case-study.entity';
import { EvidenceSectionEntity, FindingEntity } from '../modules/evidence/finding.entity';
import { InvitationEntity } from '../modules/workspaces/invitation.entity';
import { MemberEntity } from '../modules/workspaces/member.entity';
import { WorkspaceEntity } from '../modules/workspaces/workspace.entity';
import { GlossaryEntryEntity } from '../modules/glossary/glossary-entry.entity';

export const ENTITIES = [
  UserEntity,
  SessionEntity,
  WorkspaceEntity,
  MemberEntity,
  InvitationEntity,
  AuditEventEntity,
  CriterionEntity,
  SourceEntity,
  DocumentEntity,
  DocumentSnapshotEntity,
  DocumentUpdateEntity,
  DocumentVersionEntity,
  PracticeModelEntity,
  MilestoneEntity,
  DeliverableEntity,
  MeetingEntity,
  AnnotationEntity,
  ReplyEntity,
  AnnotationEditEntity,
  ChallengeTagEntity,
  NotificationEntity,
  ReviewRoundEntity,
  ReviewerEntity,
  TriageResponseEntity,
  RoundEntity,
  RoundItemEntity,
  BallotEntity,
  ParticipationEntity,
  InterestEntity,
  DecisionEntity,
  AgendaItemEntity,
  ActivityEventEntity,
  ModelContactEntity,
  CaseStudyTemplateEntity,
  CaseStudySubmissionEntity,
  FindingEntity,
  EvidenceSectionEntity,
  ModelRatingEntity,
  GlossaryEntryEntity,
];
