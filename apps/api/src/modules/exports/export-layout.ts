// The exported guidance laid out once, as blocks that keep what the editor's schema can hold (headings
// 1–3, paragraphs with bold, italics, strike, code and links, nested lists, tables with header cells,
// quotes, code blocks, rules), drawn three ways by export-markdown, export-docx and export-pdf. Pure.
import { FRAGMENT, MARK, NODE } from '@concord/editor-schema';
import * as Y from 'yjs';

export interface Span {
  text: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'paragraph'; spans: Span[]; note?: boolean }
  | { kind: 'list'; ordered: boolean; start?: number; items: Block[][] }
  | { kind: 'table'; rows: { header: boolean; cells: Span[][] }[]; /** Relative column widths; without them the widths follow the text in each column. */ widths?: number[] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

export interface ExportDocument {
  title: string;
  /** Lines under the title: workspace, version, when exported. */
  subtitle: string[];
  blocks: Block[];
}

type Delta = { insert: string | object; attributes?: Record<string, unknown> }[];
type YNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** The document's body as blocks, in order. */
export function documentBlocks(doc: Y.Doc): Block[] {
  return blocksOf(doc.getXmlFragment(FRAGMENT).toArray());
}

function blocksOf(nodes: YNode[]): Block[] {
  return nodes.flatMap((n) => blockOf(n));
}

function blockOf(node: YNode): Block[] {
  if (node instanceof Y.XmlText) return [{ kind: 'paragraph', spans: spansOfText(node) }];
  if (!(node instanceof Y.XmlElement)) return [];
  const children = node.toArray() as YNode[];
  switch (node.nodeName) {
    case NODE.heading: {
      const level = Math.min(3, Math.max(1, Number(node.getAttribute('level') ?? 1))) as 1 | 2 | 3;
      const id = node.getAttribute('id') as string | undefined;
      return [{ kind: 'heading', level, text: spansOf(children).map((s) => s.text).join(''), ...(id ? { id } : {}) }];
    }
    case NODE.paragraph:
      return [{ kind: 'paragraph', spans: spansOf(children) }];
    case NODE.bulletList:
    case NODE.orderedList: {
      const ordered = node.nodeName === NODE.orderedList;
      const start = Number(node.getAttribute('start') ?? 1);
      const items = children.map((item) => (item instanceof Y.XmlElement ? blocksOf(item.toArray() as YNode[]) : blockOf(item)));
      return [{ kind: 'list', ordered, ...(ordered && start !== 1 ? { start } : {}), items }];
    }
    case NODE.table:
      return [
        {
          kind: 'table',
          rows: children.filter((r): r is Y.XmlElement => r instanceof Y.XmlElement).map((row) => {
            const cells = row.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
            return { header: cells.length > 0 && cells.every((c) => c.nodeName === NODE.tableHeader), cells: cells.map((c) => cellSpans(c)) };
          }),
        },
      ];
    case NODE.blockquote:
      return [{ kind: 'quote', blocks: blocksOf(children) }];
    case NODE.codeBlock:
      return [{ kind: 'code', text: spansOf(children).map((s) => s.text).join('') }];
    case NODE.horizontalRule:
      return [{ kind: 'rule' }];
    default:
      return blocksOf(children);
  }
}

/** A cell's paragraphs as one run of spans, paragraphs separated by a line break. */
function cellSpans(cell: Y.XmlElement): Span[] {
  const out: Span[] = [];
  (cell.toArray() as YNode[]).forEach((c, i) => {
    if (i > 0) out.push({ text: '\n' });
    out.push(...(c instanceof Y.XmlElement && c.nodeName === NODE.paragraph ? spansOf(c.toArray() as YNode[]) : blockOf(c).flatMap((b) => (b.kind === 'paragraph' ? b.spans : []))));
  });
  return out;
}

function spansOf(children: YNode[]): Span[] {
  return children.flatMap((c) => (c instanceof Y.XmlText ? spansOfText(c) : c instanceof Y.XmlElement && c.nodeName === NODE.hardBreak ? [{ text: '\n' }] : []));
}

function spansOfText(t: Y.XmlText): Span[] {
  return (t.toDelta() as Delta).flatMap((d) => {
    if (typeof d.insert !== 'string' || d.insert.length === 0) return [];
    const a = d.attributes ?? {};
    const link = (a[MARK.link] as { href?: string } | undefined)?.href;
    const span: Span = { text: d.insert };
    if (a[MARK.bold]) span.bold = true;
    if (a[MARK.italic]) span.italics = true;
    if (a[MARK.strike]) span.strike = true;
    if (a[MARK.code]) span.code = true;
    if (link) span.link = link;
    return [span];
  });
}

/** Characters of text in the blocks: what the renderers' size limit counts. */
export function blockCharacters(blocks: Block[]): number {
  let n = 0;
  const spans = (ss: Span[]) => ss.reduce((k, s) => k + s.text.length, 0);
  for (const b of blocks) {
    if (b.kind === 'heading') n += b.text.length;
    else if (b.kind === 'paragraph') n += spans(b.spans);
    else if (b.kind === 'list') n += b.items.reduce((k, item) => k + blockCharacters(item), 0);
    else if (b.kind === 'table') n += b.rows.reduce((k, r) => k + r.cells.reduce((j, c) => j + spans(c), 0), 0);
    else if (b.kind === 'quote') n += blockCharacters(b.blocks);
    else if (b.kind === 'code') n += b.text.length;
  }
  return n;
}

// Small builders for the appendices and the methods report.
export const text = (t: string, extra: Omit<Span, 'text'> = {}): Span[] => [{ text: t, ...extra }];
export const para = (...spans: Span[]): Block => ({ kind: 'paragraph', spans });
export const note = (t: string): Block => ({ kind: 'paragraph', spans: text(t), note: true });
export const heading = (level: 1 | 2 | 3, t: string): Block => ({ kind: 'heading', level, text: t });
/** A table; `widths` are relative (narrow for refs, dates and counts, wide for text), shared out of the page width by both renderers. */
export const table = (header: string[], rows: (string | Span[])[][], widths?: number[]): Block => ({
  kind: 'table',
  rows: [{ header: true, cells: header.map((h) => text(h)) }, ...rows.map((r) => ({ header: false, cells: r.map((c) => (typeof c === 'string' ? text(c) : c)) }))],
  ...(widths ? { widths } : {}),
});

/**
 * The share of the text width each column gets (summing to 1). Explicit widths win; otherwise a
 * column's share follows its longest text (within bounds), so a column of refs or counts stays
 * narrow and a column of statements gets the room.
 */
export function columnShares(b: Extract<Block, { kind: 'table' }>): number[] {
  const n = Math.max(1, ...b.rows.map((r) => r.cells.length));
  let weights: number[];
  if (b.widths && b.widths.length === n && b.widths.every((w) => w > 0)) weights = b.widths;
  else {
    const len = (cell: Span[] | undefined) => (cell ?? []).reduce((k, s) => k + s.text.length, 0);
    const word = (cell: Span[] | undefined) => Math.max(0, ...(cell ?? []).flatMap((s) => s.text.split(/\s+/).map((w) => w.length)));
    weights = Array.from({ length: n }, (_, i) => {
      const longest = Math.max(0, ...b.rows.map((r) => len(r.cells[i])));
      const longestWord = Math.max(0, ...b.rows.map((r) => word(r.cells[i])));
      return Math.min(60, Math.max(4, longestWord + 1, Math.sqrt(longest) * 4));
    });
  }
  const total = weights.reduce((a, w) => a + w, 0);
  return weights.map((w) => w / total);
}
export const bullets = (items: (string | Span[])[]): Block => ({ kind: 'list', ordered: false, items: items.map((i) => [{ kind: 'paragraph', spans: typeof i === 'string' ? text(i) : i }]) });
