// Reading ease and sentence length of a section, for the lens.
//
// Flesch reading ease = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words).
// Words are counted as the editor counts them (runs of letters or digits, with inner apostrophes and
// hyphens). A sentence ends at ".", "!" or "?" followed by a space and a capital letter, digit or quote
// (so "e.g. the" does not end one), at the end of the text, and at every line break (each paragraph,
// list item and table row is at least one sentence).
//
// Syllables are counted by rule, not from a dictionary (the method is approximate, as every automatic
// Flesch score is):
//  - a number counts one syllable per digit, at most four;
//  - an acronym of capitals ("NHS", "HEP") counts one per letter as it is spelled out, "W" three;
//  - any other word, lower-cased with letters only: up to three letters is one syllable; otherwise drop
//    a silent final "e" (but not "-le" after a consonant, nor "-ee"), drop "-es" after a consonant other
//    than c, g, s, x, z or h, and drop "-ed" except after t or d; then count the groups of consecutive
//    vowels (a, e, i, o, u, and y except at the start of the word); at least one.

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch reading ease, one decimal; null for a text with no words. */
  readingEase: number | null;
  /** Words per sentence, one decimal; null with no sentences. */
  averageSentenceLength: number | null;
  /** Words in the longest sentence. */
  longestSentence: number;
  /** Sentences of more than LONG_SENTENCE_WORDS words. */
  longSentences: number;
  /** Plain words for the score: "Plain English" for 60–70, … */
  band: string | null;
}

/** Plain-English guides (GOV.UK, NHS content style) advise 25 words at most. */
export const LONG_SENTENCE_WORDS = 25;

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?…])["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

export function syllables(word: string): number {
  if (/^[\p{N},.]+$/u.test(word)) return Math.min(4, word.replace(/\D/g, '').length) || 1;
  if (/^\p{Lu}{2,}s?$/u.test(word)) return [...word.replace(/s$/, '')].reduce((n, c) => n + (c === 'W' ? 3 : 1), 0);
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 1;
  if (w.length <= 3) return 1;
  if (/[^aeiouy]le$/.test(w) || /ee$/.test(w)) {
    // "table", "people", "free": the final e is heard.
  } else if (/e$/.test(w)) w = w.slice(0, -1);
  else if (/[^aeiouycgsxzh]es$/.test(w)) w = w.slice(0, -2);
  else if (/[^aeioutd]ed$/.test(w)) w = w.slice(0, -2);
  const groups = w.replace(/^y/, '').match(/[aeiouy]+/g);
  return Math.max(1, groups?.length ?? 0);
}

export function fleschReadingEase(wordCount: number, sentenceCount: number, syllableCount: number): number | null {
  if (wordCount === 0 || sentenceCount === 0) return null;
  return 206.835 - 1.015 * (wordCount / sentenceCount) - 84.6 * (syllableCount / wordCount);
}

export function readingEaseBand(score: number | null): string | null {
  if (score === null) return null;
  if (score >= 90) return 'Very easy';
  if (score >= 80) return 'Easy';
  if (score >= 70) return 'Fairly easy';
  if (score >= 60) return 'Plain English';
  if (score >= 50) return 'Fairly difficult';
  if (score >= 30) return 'Difficult';
  return 'Very difficult';
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function readability(text: string): Readability {
  const ws = words(text);
  const ss = sentences(text);
  const lengths = ss.map((s) => words(s).length);
  const syl = ws.reduce((n, w) => n + syllables(w), 0);
  const ease = fleschReadingEase(ws.length, ss.length, syl);
  return {
    words: ws.length,
    sentences: ss.length,
    syllables: syl,
    readingEase: ease === null ? null : round1(ease),
    averageSentenceLength: ss.length === 0 ? null : round1(ws.length / ss.length),
    longestSentence: Math.max(0, ...lengths),
    longSentences: lengths.filter((n) => n > LONG_SENTENCE_WORDS).length,
    band: readingEaseBand(ease),
  };
}
