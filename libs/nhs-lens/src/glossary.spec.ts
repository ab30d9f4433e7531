import { describe, expect, it } from '@jest/globals';
import { HE_GLOSSARY, lookupTerm, normaliseTerm } from './glossary';

describe('the HE glossary for NHS readers', () => {
  it('has at least 30 entries, each with an explanation, and the terms the working group named', () => {
    expect(HE_GLOSSARY.length).toBeGreaterThanOrEqual(30);
    for (const e of HE_GLOSSARY) expect(e.explanation.length).toBeGreaterThan(20);
    for (const t of ['HEP', 'OfS', 'AMOSSHE', 'UUK', 'GuildHE', 'student services', 'wellbeing service', 'disability adviser', 'fitness to study', 'support to study', 'reading week', 'academic year', 'personal tutor', 'placement', 'mitigating circumstances']) {
      expect(lookupTerm(t)?.term).toBe(t);
    }
  });

  it('has no term twice', () => {
    const names = HE_GLOSSARY.flatMap((e) => [e.term, ...(e.aliases ?? [])].map(normaliseTerm));
    expect(new Set(names).size).toBe(names.length);
  });

  it('finds entries by alias, plural and typography', () => {
    expect(lookupTerm('Extenuating circumstances')?.term).toBe('mitigating circumstances');
    expect(lookupTerm('personal tutors')?.term).toBe('personal tutor');
    expect(lookupTerm("freshers' week")?.term).toBe('freshers’ week');
    expect(lookupTerm('HEPs')?.term).toBe('HEP');
    expect(lookupTerm('crisis team')).toBeNull();
  });
});
