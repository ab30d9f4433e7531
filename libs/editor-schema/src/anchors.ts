// Annotation anchors (CONTRACT "Anchors"): two Yjs relative positions in the `default` fragment,
// each encoded with Y.encodeRelativePosition then base64url, joined by a dot. Text is read in
// document order with block boundaries as a newline, the same on the server and in the editor.
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { FRAGMENT, NODE } from './nodes';

export interface LinearText {
  readonly text: string;
  /** Each text node of the document, where it starts in `text`, and the section (heading) it is in. */
  readonly segments: readonly { readonly type: Y.XmlText; readonly start: number; readonly length: number; readonly sectionId: string | null; readonly sectionTitle: string }[];
}

export interface ResolvedAnchor {
  start: number;
  end: number;
  text: string;
  sectionId: string | null;
  sectionTitle: string;
}

/** linearText's last answer per document, until the document's next transaction. */
const linearTexts = new WeakMap<Y.Doc, LinearText>();
const watched = new WeakSet<Y.Doc>();

/**
 * The document's text in order, one newline between text blocks, with the map back to Yjs types.
 * Computed once per state of the document (walking a 30,000-word draft takes milliseconds, and every
 * page of annotations checks its threads against it) and shared: read-only.
 */
export function linearText(doc: Y.Doc): LinearText {
  let linear = linearTexts.get(doc);
  if (!linear) {
    linear = computeLinearText(doc);
    linearTexts.set(doc, linear);
    if (!watched.has(doc)) {
      watched.add(doc);
      doc.on('afterTransaction', () => linearTexts.delete(doc));
    }
  }
  return linear;
}

function computeLinearText(doc: Y.Doc): LinearText {
  const segments: LinearText['segments'][number][] = [];
  let text = '';
  let sectionId: string | null = null;
  let sectionTitle = '';
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook, inHeading: Y.XmlElement | null) => {
    if (node instanceof Y.XmlText) {
      if (segments.length > 0) text += '\n';
      const content = plain(node);
      if (inHeading) {
        sectionId = (inHeading.getAttribute('id') as string | undefined) ?? null;
        sectionTitle = content;
      }
      segments.push({ type: node, start: text.length, length: content.length, sectionId, sectionTitle });
      text += content;
      return;
    }
    if (!(node instanceof Y.XmlElement)) return;
    const heading = node.nodeName === NODE.heading ? node : inHeading;
    for (const child of node.toArray()) visit(child as Y.XmlElement | Y.XmlText, heading);
  };
  for (const node of doc.getXmlFragment(FRAGMENT).toArray()) visit(node as Y.XmlElement | Y.XmlText, null);
  return { text, segments };
}

function plain(t: Y.XmlText): string {
  return (t.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
}

/** Creates the anchor of the text between two offsets of `linearText(doc).text`. */
export function anchorFromOffsets(doc: Y.Doc, start: number, end: number): string {
  const linear = linearText(doc);
  const at = (offset: number, assoc: number) => {
    const seg = linear.segments.find((s) => offset >= s.start && offset <= s.start + s.length);
    if (!seg) throw new RangeError(`offset ${offset} is outside the document`);
    return Y.createRelativePositionFromTypeIndex(seg.type, offset - seg.start, assoc);
  };
  // The start sticks to the character after it and the end to the one before it, so typing at either
  // edge of the range does not widen it.
  return `${encode(at(start, 0))}.${encode(at(end, -1))}`;
}

/**
 * Resolves an anchor against the document as it is now. Null when it cannot be read or points
 * nowhere; a collapsed range (start = end) means the anchored text was deleted (ORPHANED).
 */
export function resolveAnchor(doc: Y.Doc, anchor: string, linear: LinearText = linearText(doc)): ResolvedAnchor | null {
  const parts = anchor.split('.');
  if (parts.length !== 2) return null;
  let rel: Y.RelativePosition[];
  try {
    rel = parts.map((p) => Y.decodeRelativePosition(fromBase64Url(p)));
  } catch {
    return null;
  }
  const offsets = rel.map((r) => {
    const abs = Y.createAbsolutePositionFromRelativePosition(r, doc);
    if (!abs) return null;
    const seg = linear.segments.find((s) => s.type === abs.type);
    return seg ? { offset: seg.start + Math.min(abs.index, seg.length), seg } : null;
  });
  const [s, e] = offsets;
  if (!s || !e) return null;
  const start = s.offset;
  const end = Math.max(start, e.offset);
  return { start, end, text: linear.text.slice(start, end), sectionId: s.seg.sectionId, sectionTitle: s.seg.sectionTitle };
}

/** The text node and index range of [start, end) when the range lies within one text block, else null. */
export function singleBlockRange(linear: LinearText, start: number, end: number): { type: Y.XmlText; index: number; length: number } | null {
  const seg = linear.segments.find((s) => start >= s.start && end <= s.start + s.length);
  return seg ? { type: seg.type, index: start - seg.start, length: end - start } : null;
}

function encode(rel: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(rel)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) throw new Error('not base64url');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

export interface LocatedQuote {
  start: number;
  end: number;
  how: 'EXACT' | 'FUZZY';
  /** For FUZZY: the word-level similarity in [0, 1] (Dice coefficient of the longest common subsequence). */
  similarity: number;
}

/**
 * Finds a quote from an earlier version in the text as it is now: exactly in its section first, then
 * exactly anywhere, then the most similar run of words in its section (at least `minSimilarity`).
 */
export function locateQuote(linear: LinearText, quote: string, sectionId: string | null, minSimilarity = 0.6): LocatedQuote | null {
  const inSection = linear.segments.filter((s) => s.sectionId === sectionId);
  const [from, to] = inSection.length > 0 ? [inSection[0].start, inSection[inSection.length - 1].start + inSection[inSection.length - 1].length] : [0, linear.text.length];
  const region = linear.text.slice(from, to);
  const exactHere = region.indexOf(quote);
  if (exactHere >= 0) return { start: from + exactHere, end: from + exactHere + quote.length, how: 'EXACT', similarity: 1 };
  const exactAnywhere = linear.text.indexOf(quote);
  if (exactAnywhere >= 0) return { start: exactAnywhere, end: exactAnywhere + quote.length, how: 'EXACT', similarity: 1 };

  const words = [...region.matchAll(/\S+/g)].map((m) => ({ word: norm(m[0]), start: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length }));
  const target = quote.split(/\s+/).filter(Boolean).map(norm);
  if (target.length === 0 || words.length === 0) return null;
  let best: LocatedQuote | null = null;
  const minLen = Math.max(1, Math.floor(target.length * 0.7));
  const maxLen = Math.ceil(target.length * 1.3);
  for (let len = minLen; len <= maxLen; len++) {
    for (let i = 0; i + len <= words.length; i++) {
      const window = words.slice(i, i + len);
      const similarity = (2 * lcs(target, window.map((w) => w.word))) / (target.length + len);
      if (similarity >= minSimilarity && (!best || similarity > best.similarity)) best = { start: window[0].start, end: window[len - 1].end, how: 'FUZZY', similarity };
    }
  }
  return best;
}

function norm(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(row[j], row[j - 1]);
      prev = tmp;
    }
  }
  return row[b.length];
}
