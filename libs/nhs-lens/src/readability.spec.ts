import { describe, expect, it } from '@jest/globals';
import { fleschReadingEase, readability, readingEaseBand, sentences, syllables } from './readability';

describe('syllables, by the stated rules', () => {
  it.each([
    ['the', 1],
    ['cat', 1],
    ['health', 1],
    ['joint', 1],
    ['student', 2],
    ['mental', 2],
    ['working', 2],
    ['tutor', 2],
    ['guidance', 2], // silent final e
    ['people', 2], // consonant + le is heard
    ['table', 2],
    ['makes', 1], // -es after k dropped
    ['services', 3], // -es after c kept
    ['worked', 1], // -ed dropped
    ['needed', 2], // -ed after d kept
    ['year', 1], // initial y is a consonant
    ['university', 5],
    ['education', 4],
    ['NHS', 3], // spelled out
    ['WHO', 5], // W is three
    ['2023', 4],
    ['15', 2],
  ])('%s → %i', (word, n) => {
    expect(syllables(word)).toBe(n);
  });
});

describe('sentences', () => {
  it('end at . ! ? before a capital or digit, and at line breaks; not at "e.g. the"', () => {
    expect(sentences('Students move. They register, e.g. with a GP! Do they? 2023 was busy\nA list item')).toEqual([
      'Students move.',
      'They register, e.g. with a GP!',
      'Do they?',
      '2023 was busy',
      'A list item',
    ]);
  });
});

describe('Flesch reading ease', () => {
  it('applies the formula', () => {
    // 206.835 − 1.015 × 10 − 84.6 × 1.5 = 69.785
    expect(fleschReadingEase(20, 2, 30)).toBeCloseTo(69.785, 6);
    expect(fleschReadingEase(0, 0, 0)).toBeNull();
  });

  it('a worked example, counted by hand', () => {
    // "The cat sat on the mat." 6 words, 1 sentence, 6 syllables.
    // "Students need help." 3 words, 1 sentence, students 2 + need 1 + help 1 = 4 syllables.
    // 9 words, 2 sentences, 10 syllables: 206.835 − 1.015 × 4.5 − 84.6 × 10/9 = 206.835 − 4.5675 − 94 = 108.2675 → 108.3
    const r = readability('The cat sat on the mat. Students need help.');
    expect(r).toMatchObject({ words: 9, sentences: 2, syllables: 10, averageSentenceLength: 4.5, longestSentence: 6, longSentences: 0, band: 'Very easy' });
    expect(r.readingEase).toBe(108.3);
  });

  it('a hard sentence from a real report scores as difficult, and counts as long', () => {
    const text =
      'Institutional collaboration between higher education providers and statutory mental health organisations necessitates comprehensive information governance arrangements, clinically appropriate referral pathways, and sustainable commissioning relationships that accommodate considerable variation in organisational capability across regional partnerships.';
    const r = readability(text);
    expect(r.sentences).toBe(1);
    expect(r.words).toBeGreaterThan(25);
    expect(r.longSentences).toBe(1);
    expect(r.readingEase as number).toBeLessThan(0);
    expect(r.band).toBe('Very difficult');
  });

  it('has nothing to say about an empty section', () => {
    expect(readability('')).toMatchObject({ words: 0, sentences: 0, readingEase: null, averageSentenceLength: null, longestSentence: 0, band: null });
  });

  it('names the bands', () => {
    expect([95, 85, 75, 65, 55, 40, 10].map(readingEaseBand)).toEqual(['Very easy', 'Easy', 'Fairly easy', 'Plain English', 'Fairly difficult', 'Difficult', 'Very difficult']);
  });
});
