// One section through the lens: its undefined terms and its readability.
import { readability, Readability } from './readability';
import { findTerms, TermOptions, TermUse } from './terms';

export interface SectionLens {
  terms: TermUse[];
  /** The terms used without a definition, in order of first use. */
  flagged: TermUse[];
  readability: Readability;
}

export function sectionLens(text: string, options: TermOptions = {}): SectionLens {
  const terms = findTerms(text, options);
  return { terms, flagged: terms.filter((t) => !t.defined), readability: readability(text) };
}
