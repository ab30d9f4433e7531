// Names and limits that the API, the web app and the tests share. Imports nothing of ours.

export enum Role {
  LEAD = 'LEAD',
  EDITOR = 'EDITOR',
  MEMBER = 'MEMBER',
  REVIEWER = 'REVIEWER',
  OBSERVER = 'OBSERVER',
}
export const ROLES: readonly Role[] = [Role.LEAD, Role.EDITOR, Role.MEMBER, Role.REVIEWER, Role.OBSERVER];

export const ROLE_LABELS: Record<Role, string> = {
  [Role.LEAD]: 'Lead',
  [Role.EDITOR]: 'Editor',
  [Role.MEMBER]: 'Member',
  [Role.REVIEWER]: 'Reviewer',
  [Role.OBSERVER]: 'Observer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  [Role.LEAD]: 'Everything: members and roles, milestones, votes and review rounds, decisions, versions.',
  [Role.EDITOR]: 'Co-edits, manages documents, versions, review rounds, votes and the case-study template.',
  [Role.MEMBER]: 'Co-edits, annotates, votes, assesses models and fills in case studies.',
  [Role.REVIEWER]: 'An invited stakeholder: sees only the versions shared with their review rounds.',
  [Role.OBSERVER]: 'Reads everything that is not secret; writes nothing.',
};

export enum Sector {
  HE = 'HE',
  NHS = 'NHS',
  SECTOR_BODY = 'SECTOR_BODY',
  STUDENT = 'STUDENT',
  OTHER = 'OTHER',
}
export const SECTORS: readonly Sector[] = [Sector.HE, Sector.NHS, Sector.SECTOR_BODY, Sector.STUDENT, Sector.OTHER];

export const SECTOR_LABELS: Record<Sector, string> = {
  [Sector.HE]: 'Higher education',
  [Sector.NHS]: 'NHS',
  [Sector.SECTOR_BODY]: 'Sector body',
  [Sector.STUDENT]: 'Student',
  [Sector.OTHER]: 'Other',
};

/** `extensions.code` of every error the API returns on purpose. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
}

/** Close codes of `ws /collab/{documentId}` (CONTRACT). */
export const CollabCloseCode = {
  UNAUTHENTICATED: 4401,
  FORBIDDEN: 4403,
  NOT_FOUND: 4404,
  MESSAGE_TOO_BIG: 1009,
  /** Ours, beyond CONTRACT's: a frame that is not the protocol (only that socket closes). */
  INVALID_MESSAGE: 1007,
  /** The document could not be loaded, or a change could not be stored; the client retries. */
  INTERNAL: 1011,
  DOCUMENT_TOO_LARGE: 4413,
  TOO_MANY_CONNECTIONS: 4429,
} as const;

/** Documented maximum lengths of user input, in characters. */
export const LIMITS = {
  emailMax: 254,
  nameMax: 120,
  organisationMax: 200,
  workspaceNameMax: 120,
  descriptionMax: 2000,
  passwordMin: 10,
  // argon2 hashes any length, but an unbounded password is a cheap denial of service.
  passwordMax: 256,
  invitationTokenMax: 128,
  /** An error message may quote what the client sent: clipped to this, never echoed (or logged) at length. */
  errorMessageMax: 500,
} as const;

/** Days an invitation link stays valid. */
export const INVITATION_TTL_DAYS = 14;

export const SESSION_COOKIE = 'concord_session';

/** The recurring challenges of HE–NHS joint working: every new workspace starts with these tags. */
export const DEFAULT_CHALLENGE_TAGS: readonly string[] = [
  'Information sharing and consent',
  'Referral thresholds',
  'Transitions between home and term-time services',
  'GP registration',
  'Waiting times',
  'Risk management and crisis pathways',
  'Funding and commissioning',
  'Data and outcomes',
];
