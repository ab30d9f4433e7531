// Finds acronyms and HE jargon in a section's text and says whether each is defined for an NHS reader.
//
// What counts as a definition (checked per section, so each section stands on its own when read alone):
//  1. an expansion in brackets at the term's FIRST use in the section: "Office for Students (OfS)",
//     "OfS (Office for Students)", "reading week (a week with no teaching)" — the bracket must hold, or
//     follow, at least two words;
//  2. or an entry for the term in the workspace's glossary, which the exported guidance prints as its
//     Glossary appendix.
// An entry in the built-in HE glossary is not a definition: it makes the term recognisable and supplies
// the suggested explanation that an editor can adopt into the workspace glossary.
import { GlossaryEntry, HE_GLOSSARY, lookupTerm, NHS_FAMILIAR, normaliseTerm } from './glossary';

export type TermKind = 'ACRONYM' | 'JARGON';
export type DefinedBy = 'EXPANSION' | 'WORKSPACE_GLOSSARY';

export interface TermUse {
  /** The acronym without a plural "s" ("HEP" for "HEPs"), or the glossary entry's term. */
  term: string;
  kind: TermKind;
  /** Uses in the text. */
  count: number;
  /** Offset of the first use in the text. */
  first: number;
  defined: boolean;
  definedBy: DefinedBy | null;
  /** The glossary entry that explains it (workspace first, then built-in), or null for an unknown acronym. */
  entry: GlossaryEntry | null;
}

export interface TermOptions {
  /** The workspace glossary: these terms (and their aliases) count as defined. */
  workspaceGlossary?: readonly GlossaryEntry[];
  /** Recognised HE jargon; defaults to the built-in glossary. */
  glossary?: readonly GlossaryEntry[];
  /** Acronyms never flagged; defaults to the NHS's everyday ones. */
  familiar?: readonly string[];
}

const UPPER = /\p{Lu}/gu;

/** Two or more capitals and never two lower-case letters in a row: "OfS", "DfE", "HEP", "A&E"; not "McDonald". */
export function isAcronym(word: string): boolean {
  return /^\p{Lu}[\p{L}&]*$/u.test(word) && (word.match(UPPER)?.length ?? 0) >= 2 && !/\p{Ll}{2}/u.test(word) && !/^[IVXLC]+$/.test(word);
}

/** "HEPs" → "HEP"; other acronyms unchanged. */
export function singularAcronym(word: string): string {
  return /\p{Lu}s$/u.test(word) && isAcronym(word.slice(0, -1)) ? word.slice(0, -1) : word;
}

const ACRONYM_TOKEN = /(?<![\p{L}\p{N}&])\p{Lu}[\p{L}&]*\p{Lu}[\p{L}&]*(?![\p{L}\p{N}&])/gu;
const WORDS_IN = (s: string) => s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A glossary name as a pattern: any run of spaces, straight or curly apostrophes, any dash. */
function namePattern(name: string): string {
  return escapeRegExp(normaliseTerm(name))
    .replace(/ /g, '\\s+')
    .replace(/'/g, "['’]")
    .replace(/-/g, '[-‐‑– ]');
}

/** Whether the use at [start, end) is followed by "(two or more words)" or sits as "(ACR)" after two or more words. */
function expandedAt(text: string, start: number, end: number, acronym: boolean): boolean {
  const after = /^\s*\(([^()]+)\)/.exec(text.slice(end));
  if (after && WORDS_IN(after[1]) >= 2) return true;
  if (acronym && text[start - 1] === '(' && text[end] === ')') {
    const before = text.slice(Math.max(0, start - 200), start - 1);
    const line = before.split(/[\n.;:!?]/).at(-1) ?? '';
    return WORDS_IN(line) >= 2;
  }
  return false;
}

interface Hit {
  start: number;
  end: number;
  key: string;
  term: string;
  kind: TermKind;
  entry: GlossaryEntry | null;
}

/** Every acronym and recognised HE term in `text`, in order of first use, each with whether it is defined. */
export function findTerms(text: string, options: TermOptions = {}): TermUse[] {
  const workspace = options.workspaceGlossary ?? [];
  const known = [...workspace, ...(options.glossary ?? HE_GLOSSARY)];
  const familiar = new Set((options.familiar ?? NHS_FAMILIAR).map((a) => a.toUpperCase()));
  const definedNames = new Set(workspace.flatMap((e) => [e.term, ...(e.aliases ?? [])].map(normaliseTerm)));

  const hits: Hit[] = [];
  for (const m of text.matchAll(ACRONYM_TOKEN)) {
    const word = m[0];
    if (!isAcronym(word) && !isAcronym(singularAcronym(word))) continue;
    const base = singularAcronym(word);
    if (familiar.has(base.toUpperCase())) continue;
    const entry = lookupTerm(base, known);
    hits.push({ start: m.index, end: m.index + word.length, key: `A:${entry ? normaliseTerm(entry.term) : base}`, term: entry && isAcronym(entry.term) ? entry.term : base, kind: 'ACRONYM', entry });
  }
  // Phrases, longest first, so "pro-vice-chancellor" is not also read as "vice-chancellor".
  const phrases = known.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])].filter((n) => !isAcronym(n)).map((name) => ({ name, entry })));
  phrases.sort((a, b) => b.name.length - a.name.length);
  const taken = (s: number, e: number) => hits.some((h) => s < h.end && e > h.start);
  for (const { name, entry } of phrases) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}-])${namePattern(name)}(?:s|es)?(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      hits.push({ start, end, key: `J:${normaliseTerm(entry.term)}`, term: entry.term, kind: 'JARGON', entry });
    }
  }
  hits.sort((a, b) => a.start - b.start);

  const uses = new Map<string, TermUse>();
  for (const h of hits) {
    const seen = uses.get(h.key);
    if (seen) {
      seen.count++;
      continue;
    }
    const names = [h.term, ...(h.entry ? [h.entry.term, ...(h.entry.aliases ?? [])] : [])].map(normaliseTerm);
    const definedBy: DefinedBy | null = names.some((n) => definedNames.has(n)) ? 'WORKSPACE_GLOSSARY' : expandedAt(text, h.start, h.end, h.kind === 'ACRONYM') ? 'EXPANSION' : null;
    uses.set(h.key, { term: h.term, kind: h.kind, count: 1, first: h.start, defined: definedBy !== null, definedBy, entry: h.entry });
  }
  return [...uses.values()];
}

/** The terms a reader meets without a definition. */
export function undefinedTerms(text: string, options: TermOptions = {}): TermUse[] {
  return findTerms(text, options).filter((t) => !t.defined);
}
