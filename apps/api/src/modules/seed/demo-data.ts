// The demo workspace: the HE–NHS student mental health guidance project, with its plan placed in the
// coming February–May. Facts copied from the product brief; models and findings are illustrative.
import { Role, Sector } from '@concord/shared';

export const DEMO_WORKSPACE_KEY = 'demo-nhs-he-guidance';

export const DEMO_WORKSPACE = {
  name: 'Student mental health: NHS–HE joint working guidance',
  description:
    'The Higher Education Mental Health Implementation Taskforce asked this working group to turn existing reports into short, ' +
    'apposite guidance for senior leaders in higher education providers (HEPs) and the NHS on joint working for student mental health: ' +
    'common challenges, solutions, and case studies of models of good practice.',
};

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  organisation: string;
  sector: Sector;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'lead@demo.concord.test', name: 'Priya Lead', role: Role.LEAD, organisation: 'AMOSSHE', sector: Sector.SECTOR_BODY },
  { email: 'editor@demo.concord.test', name: 'Tom Editor', role: Role.EDITOR, organisation: 'Universities UK', sector: Sector.SECTOR_BODY },
  { email: 'member.he@demo.concord.test', name: 'Hannah Okafor', role: Role.MEMBER, organisation: 'University of Manchester', sector: Sector.HE },
  { email: 'member.nhs@demo.concord.test', name: 'Dr Nadia Shah', role: Role.MEMBER, organisation: 'Greater Manchester Mental Health NHS Foundation Trust', sector: Sector.NHS },
  { email: 'reviewer@demo.concord.test', name: 'Rui Reviewer', role: Role.REVIEWER, organisation: 'Association of Colleges', sector: Sector.OTHER },
  { email: 'observer@demo.concord.test', name: 'Olivia Observer', role: Role.OBSERVER, organisation: 'Office for Students', sector: Sector.OTHER },
];

/** The five candidate criteria: to be agreed by the group, not assumed. */
export const DEMO_CRITERIA = [
  'Deliver benefits to students, HEPs and the wider health system, with evidence.',
  'Do not replicate existing services found elsewhere (e.g. crisis care).',
  'Are recognisable to the NHS in their approach to service design and delivery (e.g. modelled on a CMHT or a liaison service).',
  'Are flexible and adaptable to different local contexts and requirements, including small and specialist HEPs.',
  'Address or mitigate the recurring challenges HEPs face in delivering mental health support or joining up with NHS services.',
];

export const DEMO_SOURCES = [
  { title: 'NHS-University Partnerships: Working Together for Student Mental Health', authors: 'Universities UK', year: 2022, publisher: 'Universities UK', url: null, type: 'REPORT' },
  {
    title: 'Working Better Together to Support Student Mental Health',
    authors: 'Nous Group',
    year: 2023,
    publisher: 'Office for Students',
    url: null,
    type: 'REPORT',
  },
  { title: 'Mental health challenge competition: case studies', authors: 'Office for Students', year: null, publisher: 'Office for Students', url: null, type: 'CASE_STUDIES' },
];

/** Candidate models (illustrative); region and type are the GraphQL enums' names. The case-study template
 * and illustrative findings are in demo-evidence.ts. */
export const DEMO_MODELS = [
  {
    name: 'University mental health liaison service (illustrative)',
    leadProviders: 'A large urban university',
    nhsPartners: 'Local NHS mental health trust',
    region: 'NORTH_WEST' as const,
    type: 'LIAISON_SERVICE' as const,
    summary: 'NHS clinicians based part-time on campus triage students referred by student services and link them to secondary care.',
    contact: 'Head of student wellbeing (illustrative)',
  },
  {
    name: 'Joint single point of access (illustrative)',
    leadProviders: 'Three universities and a further education college',
    nhsPartners: 'Integrated care board and community mental health team',
    region: 'LONDON' as const,
    type: 'SINGLE_POINT_OF_ACCESS' as const,
    summary: 'One referral route for students across providers, with shared triage and agreed thresholds.',
    contact: 'Partnership manager (illustrative)',
  },
  {
    name: 'Embedded mental health practitioner (illustrative)',
    leadProviders: 'A small specialist arts provider',
    nhsPartners: 'NHS Talking Therapies service',
    region: 'SOUTH_WEST' as const,
    type: 'EMBEDDED_CLINICIAN' as const,
    summary: 'A practitioner employed by the NHS and embedded in the provider’s wellbeing team two days a week.',
    contact: null,
  },
];

/** The draft's outline: headings and a line under each, the shape the co-editor will open. */
export const DEMO_OUTLINE: { heading: string; level: 1 | 2; text: string }[] = [
  { heading: 'Joint working for student mental health: guidance for HE and NHS leaders', level: 1, text: 'Draft outline for the working group. Short, apposite and constructive.' },
  { heading: 'Purpose and audience', level: 2, text: 'Who this guidance is for (senior leaders in HEPs and NHS mental health services) and what it asks of them.' },
  { heading: 'Scope', level: 2, text: 'Students in higher education in England; the services HEPs and the NHS provide; what is out of scope.' },
  { heading: 'Common challenges', level: 2, text: 'Information sharing and consent, referral thresholds, transitions between home and term-time services, GP registration, waiting times, risk and crisis pathways.' },
  { heading: 'Solutions and principles for joint working', level: 2, text: 'What partnerships that work have in common.' },
  { heading: 'Models of good practice', level: 2, text: 'Case studies of models that meet the agreed criteria.' },
  { heading: 'Funding and commissioning', level: 2, text: 'Context: £15m OfS formula funding to providers in 2022–23 for transitions and joint working with NHS services, complementing £33m from NHS England for young adults’ mental health services.' },
  { heading: 'Next steps', level: 2, text: 'Actions for HEPs, NHS partners and sector bodies.' },
];

export const DEMO_DOCUMENT = { title: 'Guidance on joint working for student mental health (draft)', wordBudget: 4000 };

/** The first February strictly after `today`'s month, so the plan is ahead of today. */
export function planYear(today: Date): number {
  return today.getUTCMonth() >= 1 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
}

/**
 * What proves a seeded deliverable done: the kind of event, and what it must concern — a meeting or
 * milestone of the plan (by index), or the draft guidance document.
 */
export interface DemoTie {
  kind: 'ROUND_CLOSED' | 'VERSION_CREATED' | 'REVIEW_ROUND_OPENED' | 'REVIEW_ROUND_CLOSED' | 'DECISION_AGREED';
  target?: { meeting: number } | { milestone: number } | 'document';
}

export interface DemoDeliverable {
  title: string;
  dueOn: string;
  /** A demo account's email. */
  owner: string;
  tie?: DemoTie;
}

export function demoPlan(today: Date) {
  const y = planYear(today);
  const d = (month: number, day: number) => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const [lead, editor, he, nhs] = DEMO_ACCOUNTS.map((a) => a.email);
  const milestones: { title: string; startsOn: string; dueOn: string; gatesDraft: boolean; deliverables: DemoDeliverable[] }[] = [
    {
      title: 'February: scope, literature and criteria',
      startsOn: d(2, 1),
      dueOn: d(2, 28),
      gatesDraft: false,
      deliverables: [
        { title: 'Scope agreed at the Taskforce meeting', dueOn: d(2, 2), owner: lead, tie: { kind: 'DECISION_AGREED', target: { meeting: 0 } } },
        { title: 'Guidance scope defined: structure, audience, purpose', dueOn: d(2, 13), owner: editor, tie: { kind: 'VERSION_CREATED', target: 'document' } },
        { title: 'Existing literature collated and mapped against the guidance', dueOn: d(2, 20), owner: he },
        { title: 'Criteria for models of good practice agreed', dueOn: d(2, 27), owner: lead, tie: { kind: 'ROUND_CLOSED' } },
        { title: 'Models engaged with the case-study data-collection template', dueOn: d(2, 28), owner: nhs },
      ],
    },
    {
      // The gate: its trigger freezes the draft for the Taskforce and opens the stakeholder review.
      title: 'March–April: data collection and draft',
      startsOn: d(3, 1),
      dueOn: d(4, 19),
      gatesDraft: true,
      deliverables: [
        { title: 'Data collection from the models finalised', dueOn: d(3, 31), owner: nhs },
        { title: 'Draft shared with selected stakeholders', dueOn: d(4, 7), owner: editor, tie: { kind: 'REVIEW_ROUND_OPENED', target: 'document' } },
        { title: 'Draft shared with the Taskforce for comment', dueOn: d(4, 19), owner: lead, tie: { kind: 'VERSION_CREATED', target: { milestone: 1 } } },
      ],
    },
    {
      title: 'May: final guidance',
      startsOn: d(4, 20),
      dueOn: d(5, 31),
      gatesDraft: false,
      deliverables: [
        { title: 'Guidance finalised', dueOn: d(5, 24), owner: editor, tie: { kind: 'DECISION_AGREED', target: { milestone: 2 } } },
        { title: 'Guidance shared with stakeholders and the Taskforce', dueOn: d(5, 31), owner: lead, tie: { kind: 'DECISION_AGREED', target: { meeting: 2 } } },
      ],
    },
  ];
  const meetings = [
    { title: 'Taskforce meeting: agree the scope', kind: 'TASKFORCE' as const, heldOn: d(2, 2), milestone: 0, agenda: ['Purpose and audience of the guidance', 'Scope and structure', 'Plan to 31 May'] },
    { title: 'Taskforce meeting: the draft guidance', kind: 'TASKFORCE' as const, heldOn: d(4, 19), milestone: 1, agenda: ['Draft guidance for comment', 'Models of good practice', 'Stakeholder feedback so far'] },
    { title: 'Taskforce meeting: final guidance', kind: 'TASKFORCE' as const, heldOn: d(5, 31), milestone: 2, agenda: ['Final guidance', 'Dissemination'] },
  ];
  return { year: y, milestones, meetings };
}
