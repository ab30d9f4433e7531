// The demo's models of good practice, case-study template, illustrative findings mapped to the
// outline, one illustrative case study and a few illustrative ratings. Everything here is labelled
// illustrative: it shows how the screens work, not what the working group found.
import { DEFAULT_CHALLENGE_TAGS } from '@concord/shared';
import type { StoredValue, TemplateSection } from '@concord/assessment';
import { EntityManager } from 'typeorm';
import { ModelRating, ModelRatingEntity } from '../assessments/model-rating.entity';
import { CaseStudyStatus, CaseStudySubmissionEntity, CaseStudyTemplateEntity } from '../case-studies/case-study.entity';
import { CriterionEntity } from '../consensus/criterion.entity';
import { EvidenceSectionEntity, FindingEntity, FindingKind } from '../evidence/finding.entity';
import { SourceEntity } from '../evidence/source.entity';
import { ModelType, PracticeModelEntity } from '../models/practice-model.entity';
import { MemberEntity } from '../workspaces/member.entity';

/** The stable id the seeded outline gives a heading (seed.service outlineState). */
export function seededSectionId(heading: string): string {
  return `sec-${heading.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40)}`;
}

const f = (id: string, label: string, type: TemplateSection['fields'][number]['type'], required: boolean, help: string, options: string[] = []) => ({ id, label, type, required, help, options });

/** The seeded case-study template: the sections the working group asked for. */
export const DEMO_TEMPLATE: TemplateSection[] = [
  { id: 'context', title: 'Context', fields: [
    f('context-summary', 'Local context', 'LONG_TEXT', true, 'The providers, their students and the local NHS services.'),
    f('context-started', 'When the model started', 'DATE', false, 'The date the service first took referrals.'),
  ] },
  { id: 'partners', title: 'Partners', fields: [
    f('partners-list', 'Partners and what each contributes', 'LONG_TEXT', true, 'HEPs, NHS trusts, integrated care boards, voluntary sector.'),
    f('partners-agreement', 'Written partnership agreement', 'SINGLE_CHOICE', false, '', ['Yes', 'In draft', 'No']),
  ] },
  { id: 'design', title: 'Model design', fields: [
    f('design-type', 'Type of model', 'SINGLE_CHOICE', true, '', ['Liaison service', 'CMHT-style', 'Embedded clinician', 'Single point of access', 'Crisis pathway', 'Digital', 'Other']),
    f('design-description', 'How the model works', 'LONG_TEXT', true, 'Staffing, hours, where it is delivered, who does what.'),
  ] },
  { id: 'population', title: 'Population served', fields: [
    f('population-students', 'Students who can use it (approximately)', 'NUMBER', false, 'A number, e.g. 25000.'),
    f('population-groups', 'Groups of students served', 'MULTIPLE_CHOICE', false, '', ['Undergraduates', 'Postgraduates', 'International students', 'Commuter students', 'Students in further education']),
  ] },
  { id: 'referral', title: 'Referral pathway', fields: [
    f('referral-pathway', 'Referral pathway', 'LONG_TEXT', true, 'How a student is referred, triaged and seen, and by whom.'),
    f('referral-wait', 'Typical days from referral to first contact', 'NUMBER', false, ''),
  ] },
  { id: 'outcomes', title: 'Outcomes and evidence', fields: [
    f('outcomes-summary', 'Outcomes and evidence', 'LONG_TEXT', true, 'What changed for students, the HEP and the NHS, and how you know.'),
    f('outcomes-link', 'Evaluation or report', 'URL', false, 'A link to an evaluation, if published.'),
  ] },
  { id: 'funding', title: 'Funding', fields: [
    f('funding-sources', 'How it is funded', 'LONG_TEXT', false, 'Who pays for what, and for how long.'),
    f('funding-annual', 'Annual cost (£)', 'NUMBER', false, ''),
  ] },
  { id: 'challenges', title: 'Challenges addressed', fields: [
    f('challenges-addressed', 'Challenges the model addresses', 'MULTIPLE_CHOICE', true, 'The recurring challenges of HE–NHS joint working.', [...DEFAULT_CHALLENGE_TAGS]),
  ] },
  { id: 'transferability', title: 'Transferability to small and specialist HEPs', fields: [
    f('transferability', 'What a small or specialist HEP would need to adopt it', 'LONG_TEXT', true, ''),
  ] },
];

const DEMO_FINDINGS: { source: number; kind: FindingKind; text: string; reference: string; tags: string[]; sections: string[] }[] = [
  { source: 0, kind: FindingKind.RECOMMENDATION, text: 'Partners agree one information-sharing protocol covering consent, risk and escalation. (illustrative)', reference: 'Section 3', tags: ['Information sharing and consent'], sections: ['Common challenges', 'Solutions and principles for joint working'] },
  { source: 0, kind: FindingKind.CHALLENGE, text: 'Students moving between home and term-time addresses lose their place on waiting lists. (illustrative)', reference: 'Section 2', tags: ['Transitions between home and term-time services', 'Waiting times'], sections: ['Common challenges'] },
  { source: 1, kind: FindingKind.GOOD_PRACTICE, text: 'Named liaison roles on both sides made joint working quicker. (illustrative)', reference: 'Findings, p. 14', tags: ['Referral thresholds'], sections: ['Solutions and principles for joint working', 'Models of good practice'] },
  { source: 1, kind: FindingKind.SOLUTION, text: 'Agree referral thresholds jointly and publish them to student services staff. (illustrative)', reference: 'Findings, p. 18', tags: ['Referral thresholds', 'Risk management and crisis pathways'], sections: ['Solutions and principles for joint working'] },
  { source: 2, kind: FindingKind.GOOD_PRACTICE, text: 'Projects that pooled funding across partners were more likely to be sustained. (illustrative)', reference: 'Overview', tags: ['Funding and commissioning'], sections: ['Funding and commissioning'] },
  { source: 2, kind: FindingKind.CHALLENGE, text: 'Few projects collected outcome data that NHS commissioners recognised. (illustrative)', reference: 'Evaluation summary', tags: ['Data and outcomes'], sections: [] },
];

const DEMO_CASE_STUDY: Record<string, StoredValue> = {
  'context-summary': 'A large urban university with about 40,000 students and a mental health trust covering the city. (illustrative)',
  'context-started': '2021-09-20',
  'partners-list': 'The university funds the clinic space and wellbeing triage; the trust employs two liaison practitioners. (illustrative)',
  'partners-agreement': 'Yes',
  'design-type': 'Liaison service',
  'design-description': 'Practitioners hold clinics on campus three days a week and attend the trust’s referral meeting. (illustrative)',
  'population-students': 40000,
  'population-groups': ['Undergraduates', 'Postgraduates', 'International students'],
  'referral-pathway': 'Student services refer through a shared form; the liaison practitioner triages within five working days. (illustrative)',
  'referral-wait': 5,
  'outcomes-summary': 'Fewer students referred back and forth between services; shorter waits for assessment. (illustrative)',
  'funding-sources': 'Jointly funded by the university and the trust. (illustrative)',
  'challenges-addressed': ['Information sharing and consent', 'Referral thresholds', 'Waiting times'],
  transferability: 'A smaller provider could share a practitioner with neighbouring providers. (illustrative)',
};

/** Seeds the template, findings and their mappings, one submitted case study and a few ratings. */
export async function seedEvidence(tx: EntityManager, p: { workspaceId: string; documentId: string; members: MemberEntity[]; sourceTitles: string[] }) {
  const { workspaceId, documentId, members, sourceTitles } = p;
  const [lead, editor, he, nhs] = members;
  const template = await tx.getRepository(CaseStudyTemplateEntity).save({ workspaceId, version: 1, sections: DEMO_TEMPLATE, createdBy: editor.id });
  const sources = await tx.getRepository(SourceEntity).find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  const byTitle = (i: number) => {
    const found = sources.find((s) => s.title === sourceTitles[i]);
    if (!found) throw new Error(`demo source missing: ${sourceTitles[i]}`);
    return found;
  };
  for (const d of DEMO_FINDINGS) {
    const finding = await tx.getRepository(FindingEntity).save({ workspaceId, sourceId: byTitle(d.source).id, kind: d.kind, text: d.text, reference: d.reference, tags: d.tags, illustrative: true, createdBy: editor.id });
    if (d.sections.length) {
      await tx.getRepository(EvidenceSectionEntity).insert(d.sections.map((h) => ({ workspaceId, documentId, sectionId: seededSectionId(h), sectionTitle: h, findingId: finding.id, submissionId: null })));
    }
  }
  const models = await tx.getRepository(PracticeModelEntity).find({ where: { workspaceId }, order: { name: 'ASC' } });
  const ofType = (type: ModelType) => {
    const found = models.find((m) => m.type === type);
    if (!found) throw new Error(`demo model missing: ${type}`);
    return found;
  };
  const liaison = ofType(ModelType.LIAISON_SERVICE);
  const spa = ofType(ModelType.SINGLE_POINT_OF_ACCESS);
  await tx.getRepository(CaseStudySubmissionEntity).save({
    workspaceId,
    modelId: liaison.id,
    templateId: template.id,
    status: CaseStudyStatus.SUBMITTED,
    answers: DEMO_CASE_STUDY,
    submittedAt: new Date(),
    createdBy: lead.userId,
    updatedBy: lead.userId,
  });
  const criteria = await tx.getRepository(CriterionEntity).find({ where: { workspaceId }, order: { position: 'ASC' } });
  const { MET, PARTLY, NOT_MET, UNKNOWN } = ModelRating;
  // [model, criterion index, member, rating, note]
  const ratings: [PracticeModelEntity, number, MemberEntity, ModelRating, string][] = [
    [liaison, 0, he, MET, 'Case study reports shorter waits (illustrative).'],
    [liaison, 0, nhs, MET, 'Trust data shows fewer re-referrals (illustrative).'],
    [liaison, 0, editor, PARTLY, 'Benefits to the wider system not yet measured (illustrative).'],
    [liaison, 1, he, MET, 'Does not duplicate crisis care (illustrative).'],
    [liaison, 1, nhs, MET, ''],
    [liaison, 2, he, MET, 'Modelled on a liaison service (illustrative).'],
    [liaison, 2, nhs, MET, 'Recognisable to NHS colleagues (illustrative).'],
    [liaison, 3, he, PARTLY, 'Needs a large provider to fund clinic space (illustrative).'],
    [liaison, 3, nhs, NOT_MET, 'Depends on trust capacity (illustrative).'],
    [liaison, 4, he, MET, 'Addresses thresholds and waits (illustrative).'],
    [liaison, 4, nhs, MET, ''],
    [spa, 0, he, UNKNOWN, ''],
    [spa, 0, nhs, UNKNOWN, 'No outcome data yet (illustrative).'],
    [spa, 2, nhs, MET, 'Shared triage like a CMHT front door (illustrative).'],
  ];
  await tx.getRepository(ModelRatingEntity).insert(
    ratings.map(([model, c, member, rating, note]) => ({ workspaceId, modelId: model.id, criterionId: criteria[c].id, memberId: member.id, rating, note, findingId: null, submissionId: null, fieldId: null })),
  );
}
