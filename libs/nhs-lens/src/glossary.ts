// Higher-education terms explained for people who work in NHS mental health services. The lens uses this
// list to recognise HE jargon in the guidance and to suggest an explanation; a workspace adopts (and may
// reword) an explanation by defining the term in its own glossary. Pure data.

export interface GlossaryEntry {
  /** As written in the guidance: "HEP", "fitness to study". */
  term: string;
  /** For an acronym: what the letters stand for. */
  expansion?: string;
  /** What an NHS reader needs to know, in one or two plain sentences. */
  explanation: string;
  /** Other ways of writing the same term (plurals are matched without listing them). */
  aliases?: string[];
}

export const HE_GLOSSARY: readonly GlossaryEntry[] = [
  { term: 'HE', expansion: 'higher education', explanation: 'Study at university or college beyond A level: degrees, foundation degrees, higher apprenticeships and postgraduate courses.' },
  { term: 'HEP', expansion: 'higher education provider', explanation: 'Any university, college or specialist institution that teaches higher education courses. Many are small or specialist and have no health service of their own.' },
  { term: 'FE', expansion: 'further education', explanation: 'Post-16 education below degree level, usually in colleges. Some colleges teach both FE and HE students.' },
  { term: 'OfS', expansion: 'Office for Students', explanation: 'The independent regulator of higher education in England. It registers providers, sets conditions they must meet and funds some student mental health work.' },
  { term: 'AMOSSHE', expansion: 'the Student Services Organisation', explanation: 'The professional body for leaders of student services in UK higher education, roughly the heads of the teams that support students’ wellbeing.' },
  { term: 'UUK', expansion: 'Universities UK', explanation: 'The membership body of UK universities, represented by their vice-chancellors. It publishes sector frameworks such as the Stepchange mental health framework.' },
  { term: 'GuildHE', explanation: 'A membership body for smaller and specialist higher education providers, such as arts, agriculture and teaching institutions.' },
  { term: 'IHE', expansion: 'Independent Higher Education', explanation: 'The membership body for independent (privately run) higher education providers.' },
  { term: 'AoC', expansion: 'Association of Colleges', explanation: 'The membership body for further education colleges in England, many of which also teach higher education.' },
  { term: 'DfE', expansion: 'Department for Education', explanation: 'The government department responsible for education in England, including higher education policy.' },
  { term: 'UCAS', expansion: 'Universities and Colleges Admissions Service', explanation: 'The national service through which most applicants apply to undergraduate courses. Applicants can share a disability or mental health condition on the form.' },
  { term: 'DSA', expansion: 'Disabled Students’ Allowance', explanation: 'Government funding for support a disabled student needs to study, including mental health mentoring. It needs evidence of the condition, often from a GP or clinician.' },
  { term: 'SU', expansion: 'students’ union', explanation: 'The student-led organisation at a university or college. It runs advice services, societies and peer support, and represents students.' },
  { term: 'student services', explanation: 'The university or college department that supports students outside teaching: wellbeing, counselling, disability, money and accommodation advice. It is not a clinical service.' },
  { term: 'wellbeing service', aliases: ['wellbeing team'], explanation: 'The non-clinical team in student services that offers drop-ins, short-term support and signposting. Staff are often counsellors or mental health advisers, not NHS clinicians.' },
  { term: 'counselling service', explanation: 'Short-term talking therapy offered by the university or college to its students, usually a few sessions, with waiting lists at busy times.' },
  { term: 'mental health adviser', explanation: 'A member of student services staff, often with a health or social work background, who supports students with mental health difficulties and liaises with NHS services.' },
  { term: 'disability adviser', aliases: ['disability service'], explanation: 'Student services staff who agree reasonable adjustments for disabled students, including those with long-term mental health conditions.' },
  { term: 'reasonable adjustments', explanation: 'Changes a provider must make under the Equality Act so a disabled student is not disadvantaged, such as extra time in exams or recorded lectures.' },
  { term: 'fitness to study', explanation: 'A university or college procedure used when a student’s health or behaviour raises concern about their ability to continue studying safely. It can lead to a break from studies.' },
  { term: 'support to study', explanation: 'A supportive procedure, often used before fitness to study, in which the student and staff agree a plan so that the student can keep studying.' },
  { term: 'interruption of studies', aliases: ['intermission', 'suspension of studies'], explanation: 'A formal break from a course, often for health reasons, after which the student can return. It can affect funding, visas and accommodation.' },
  { term: 'mitigating circumstances', aliases: ['extenuating circumstances'], explanation: 'A process by which a student asks for illness or other events to be taken into account in deadlines or assessment. It often asks for medical evidence.' },
  { term: 'personal tutor', aliases: ['academic tutor', 'academic adviser'], explanation: 'A member of academic staff assigned to a student for general academic and pastoral support. Often the first person to notice a student is struggling.' },
  { term: 'reading week', explanation: 'A week in the middle of term with no teaching, when many students go home. Appointments and follow-up may need to allow for it.' },
  { term: 'academic year', explanation: 'The teaching year, usually late September to June, in two or three terms or semesters. Many students move between home and term-time addresses within it.' },
  { term: 'term time', aliases: ['term-time'], explanation: 'The weeks of the academic year when teaching happens and most students live at their term-time address, often registered with a GP there.' },
  { term: 'placement', aliases: ['work placement', 'clinical placement'], explanation: 'A period when a student learns in a workplace, often away from campus; healthcare students’ placements are often in NHS services.' },
  { term: 'freshers’ week', aliases: ['welcome week'], explanation: 'The welcome period before teaching starts for new students; many universities and colleges promote GP registration and support services then.' },
  { term: 'halls of residence', aliases: ['halls'], explanation: 'Student accommodation owned or managed by the provider or a private company, usually for first-year students.' },
  { term: 'residence life', aliases: ['residential life'], explanation: 'Staff or trained students who live in or look after halls and offer out-of-hours support to residents.' },
  { term: 'Stepchange', explanation: 'The UUK framework for a whole-university approach to mental health, against which many providers plan their services.' },
  { term: 'University Mental Health Charter', aliases: ['Mental Health Charter'], explanation: 'A Student Minds framework and award for a whole-university approach to mental health.' },
  { term: 'widening participation', explanation: 'Work to help under-represented groups enter and succeed in higher education; these students can face more barriers to support.' },
  { term: 'vice-chancellor', aliases: ['VC'], explanation: 'The chief executive of a university.' },
  { term: 'pro-vice-chancellor', aliases: ['PVC'], explanation: 'A senior university leader with a portfolio, such as education or student experience; often the executive lead for mental health.' },
  { term: 'Access and Participation Plan', aliases: ['APP'], explanation: 'The plan each English provider agrees with the OfS on how it will improve access and outcomes for under-represented students, including those with mental health conditions.' },
  { term: 'student support plan', aliases: ['learning support plan'], explanation: 'A written agreement of the adjustments and support a student will receive, shared with teaching staff with the student’s consent.' },
];

/**
 * Acronyms an NHS reader uses every day: never flagged. (The guidance is read by NHS staff; an NHS
 * acronym still deserves an expansion for HE readers, but that is not this lens's job.)
 */
export const NHS_FAMILIAR: readonly string[] = ['NHS', 'GP', 'A&E', 'CMHT', 'ICB', 'ICS', 'NHSE', 'CAMHS', 'IAPT', 'NICE', 'CQC', 'UK', 'OK'];

/** The entry for a term (case-insensitive, aliases and plurals included), or null. */
export function lookupTerm(term: string, entries: readonly GlossaryEntry[] = HE_GLOSSARY): GlossaryEntry | null {
  const wanted = normaliseTerm(term);
  for (const e of entries) {
    const names = [e.term, ...(e.aliases ?? [])].map(normaliseTerm);
    if (names.some((n) => n === wanted || `${n}s` === wanted || `${n}es` === wanted)) return e;
  }
  return null;
}

/** Case-folded, typographic apostrophes and hyphens made plain, spaces collapsed. */
export function normaliseTerm(term: string): string {
  return term.normalize('NFC').replace(/[’‘]/g, "'").replace(/[‐‑–]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
}
