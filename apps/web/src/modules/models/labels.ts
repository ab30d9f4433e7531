// Words for the models' enums, as people read them.
import type { CaseStudyStatus, GapReason, ModelRating, ModelType, NhsRegion } from '../../generated/graphql';

export const REGION_LABELS: Record<NhsRegion, string> = {
  NORTH_EAST_AND_YORKSHIRE: 'North East and Yorkshire',
  NORTH_WEST: 'North West',
  MIDLANDS: 'Midlands',
  EAST_OF_ENGLAND: 'East of England',
  LONDON: 'London',
  SOUTH_EAST: 'South East',
  SOUTH_WEST: 'South West',
};

export const TYPE_LABELS: Record<ModelType, string> = {
  LIAISON_SERVICE: 'Liaison service',
  CMHT_STYLE: 'CMHT-style',
  EMBEDDED_CLINICIAN: 'Embedded clinician',
  SINGLE_POINT_OF_ACCESS: 'Single point of access',
  CRISIS_PATHWAY: 'Crisis pathway',
  DIGITAL: 'Digital',
  OTHER: 'Other',
};

export const RATING_LABELS: Record<ModelRating, string> = { MET: 'Met', PARTLY: 'Partly met', NOT_MET: 'Not met', UNKNOWN: 'Unknown' };

export const GAP_LABELS: Record<GapReason, string> = {
  NOT_RATED: 'nobody has rated it',
  MOSTLY_UNKNOWN: 'half or more say unknown',
  NO_EVIDENCE: 'rated met or partly, with no evidence cited',
};

export const STATUS_LABELS: Record<CaseStudyStatus, string> = { DRAFT: 'Draft', SUBMITTED: 'Submitted', RETURNED: 'Returned for changes' };
export const STATUS_COLOURS: Record<CaseStudyStatus, string> = { DRAFT: 'neutral', SUBMITTED: 'success', RETURNED: 'warning' };
