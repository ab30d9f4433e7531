import { describe, expect, it } from '@jest/globals';
import { findTerms, isAcronym, singularAcronym, undefinedTerms } from './terms';

const summary = (text: string, ws = [] as { term: string; explanation: string }[]) =>
  findTerms(text, { workspaceGlossary: ws }).map((t) => [t.term, t.kind, t.count, t.definedBy]);

describe('acronyms', () => {
  it('recognises acronyms, mixed-case ones and plurals, and not names', () => {
    expect(['HEP', 'OfS', 'DfE', 'A&E', 'UUK', 'HEPs'].every(isAcronym)).toBe(true);
    expect(['McDonald', 'GuildHE', 'Students', 'II', 'A'].some(isAcronym)).toBe(false);
    expect(singularAcronym('HEPs')).toBe('HEP');
    expect(singularAcronym('OfS')).toBe('OfS');
  });

  it('flags an acronym used without an expansion, and counts every use', () => {
    expect(summary('HEPs and the OfS agree. Each HEP reports to the OfS.')).toEqual([
      ['HEP', 'ACRONYM', 2, null],
      ['OfS', 'ACRONYM', 2, null],
    ]);
  });

  it('counts an expansion in brackets at first use as a definition, either way round', () => {
    expect(summary('The Office for Students (OfS) funds this. The OfS reports yearly.')).toEqual([['OfS', 'ACRONYM', 2, 'EXPANSION']]);
    expect(summary('The OfS (Office for Students) funds this.')).toEqual([['OfS', 'ACRONYM', 1, 'EXPANSION']]);
  });

  it('does not count an expansion that comes only after the first use, nor a one-word bracket', () => {
    expect(summary('The OfS funds this. The Office for Students (OfS) reports.')).toEqual([['OfS', 'ACRONYM', 2, null]]);
    expect(summary('The OfS (regulator) funds this.')).toEqual([['OfS', 'ACRONYM', 1, null]]);
  });

  it('never flags the NHS’s everyday acronyms', () => {
    expect(summary('The NHS, GP practices, A&E and the CMHT.')).toEqual([]);
  });

  it('flags unknown acronyms too, without an explanation to offer', () => {
    const [t] = findTerms('The SMHT meets weekly.');
    expect(t).toMatchObject({ term: 'SMHT', kind: 'ACRONYM', defined: false, entry: null });
  });

  it('counts a workspace glossary entry as a definition', () => {
    expect(summary('AMOSSHE members agree.', [{ term: 'AMOSSHE', explanation: 'The student services body.' }])).toEqual([['AMOSSHE', 'ACRONYM', 1, 'WORKSPACE_GLOSSARY']]);
  });
});

describe('HE jargon', () => {
  it('finds glossary terms by alias and plural, case-insensitively, reported under the entry’s term', () => {
    expect(summary('Personal tutors refer to the Wellbeing Service. An academic tutor may also.')).toEqual([
      ['personal tutor', 'JARGON', 2, null],
      ['wellbeing service', 'JARGON', 1, null],
    ]);
  });

  it('matches the longer term first, and not inside other words', () => {
    expect(summary('The pro-vice-chancellor chairs it.').map((t) => t[0])).toEqual(['pro-vice-chancellor']);
    expect(summary('Replacements were made.')).toEqual([]);
  });

  it('counts an explanation in brackets at first use, or a workspace entry, as a definition', () => {
    expect(summary('During reading week (a week with no teaching) students go home.')).toEqual([['reading week', 'JARGON', 1, 'EXPANSION']]);
    expect(summary('Fitness to study applies.', [{ term: 'fitness to study', explanation: 'A procedure.' }])).toEqual([['fitness to study', 'JARGON', 1, 'WORKSPACE_GLOSSARY']]);
  });

  it('a worked example: a paragraph of the draft', () => {
    const text = 'Many HEPs run a wellbeing service, and the Office for Students (OfS) funds transitions work. Students on placement may miss their GP; fitness to study procedures and mitigating circumstances need NHS evidence.';
    expect(undefinedTerms(text).map((t) => t.term)).toEqual(['HEP', 'wellbeing service', 'placement', 'fitness to study', 'mitigating circumstances']);
    expect(findTerms(text).find((t) => t.term === 'OfS')?.definedBy).toBe('EXPANSION');
  });
});
