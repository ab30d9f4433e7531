// Migrations in the order they run. Generate a new one with `npm run migration:generate -- <Name>`.
import { Init1795268293388 } from './1795268293388-Init';
import { DocumentUpdates1795269599280 } from './1795269599280-DocumentUpdates';
import { DocumentVersions1795270378712 } from './1795270378712-DocumentVersions';
import { Annotations1795271326810 } from './1795271326810-Annotations';
import { ReviewRounds1795271922276 } from './1795271922276-ReviewRounds';
import { ConsensusRounds1795272307272 } from './1795272307272-ConsensusRounds';
import { DecisionLinks1795273637992 } from './1795273637992-DecisionLinks';
import { PlanDecisionsActivity1795279550905 } from './1795279550905-PlanDecisionsActivity';
import { EvidenceModelsCaseStudies1795280438978 } from './1795280438978-EvidenceModelsCaseStudies';
import { Glossary1795281855705 } from './1795281855705-Glossary';
import { SnapshotDigest1795288859783 } from './1795288859783-SnapshotDigest';
import { BallotsRoundVoterIndex1795289842373 } from './1795289842373-BallotsRoundVoterIndex';
import { AnnotationsPageIndexes1795300593399 } from './1795300593399-AnnotationsPageIndexes';
import { AnnotationsSectionCounts1795310000000 } from './1795310000000-AnnotationsSectionCounts';

export const MIGRATIONS: Function[] = [Init1795268293388, DocumentUpdates1795269599280, DocumentVersions1795270378712, Annotations1795271326810, ReviewRounds1795271922276, ConsensusRounds1795272307272, DecisionLinks1795273637992, PlanDecisionsActivity1795279550905, EvidenceModelsCaseStudies1795280438978, Glossary1795281855705, SnapshotDigest1795288859783, BallotsRoundVoterIndex1795289842373, AnnotationsPageIndexes1795300593399, AnnotationsSectionCounts1795310000000];
