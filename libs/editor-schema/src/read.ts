// Reads a document's Y.XmlFragment as sections, plain text and Markdown, with the editor's node names.
// Pure: depends on yjs only, so the server (exports, briefing packs, annotations) and tests share it.
import * as Y from 'yjs';
import { FRAGMENT, MARK, NODE } from './nodes';

export interface Section {
  /** The heading's stable id when it has one, else its position ("s0", "s1", …). */
  id: string;
  title: string;
  level: number;
  /** Markdown of the section's body, without its heading. */
  markdown: string;
  /** Plain text of the body; blocks separated by newlines. */
  text: string;
  wordCount: number;
}

type Delta = { insert: string | object; attributes?: Record<string, unknown> }[];

export function documentMarkdown(doc: Y.Doc): string {
  return blocksMarkdown(doc.getXmlFragment(FRAGMENT).toArray());
}

export function documentText(doc: Y.Doc): string {
  return doc
    .getXmlFragment(FRAGMENT)
    .toArray()
    .map((n) => plainText(n))
    .filter((t) => t.length > 0)
    .join('\n');
}

/** The document split at its headings; content before the first heading is a section titled "". */
export function documentSections(doc: Y.Doc): Section[] {
  const sections: Section[] = [];
  let current: { id: string; title: string; level: number; nodes: (Y.XmlElement | Y.XmlText)[] } | null = null;
  const flush = () => {
    if (!current) return;
    const text = current.nodes.map((n) => plainText(n)).filter((t) => t.length > 0).join('\n');
    sections.push({ id: current.id, title: current.title, level: current.level, markdown: blocksMarkdown(current.nodes), text, wordCount: countWords(text) });
  };
  doc
    .getXmlFragment(FRAGMENT)
    .toArray()
    .forEach((node) => {
      if (node instanceof Y.XmlElement && node.nodeName === NODE.heading) {
        flush();
        const id = (node.getAttribute('id') as string | undefined) ?? `s${sections.length}`;
        current = { id, title: plainText(node), level: Number(node.getAttribute('level') ?? 1), nodes: [] };
      } else {
        current ??= { id: 's0', title: '', level: 0, nodes: [] };
        current.nodes.push(node as Y.XmlElement | Y.XmlText);
      }
    });
  flush();
  return sections;
}

/** Words as people count them: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export function plainText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return (node.toDelta() as Delta).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
  if (!(node instanceof Y.XmlElement)) return '';
  if (node.nodeName === NODE.hardBreak) return '\n';
  const children = node.toArray() as (Y.XmlElement | Y.XmlText)[];
  const inline = node.nodeName === NODE.paragraph || node.nodeName === NODE.heading || node.nodeName === NODE.codeBlock;
  return children
    .map((c) => plainText(c))
    .filter((t) => inline || t.length > 0)
    .join(inline ? '' : node.nodeName === NODE.tableRow ? '\t' : '\n');
}

function blocksMarkdown(nodes: (Y.XmlElement | Y.XmlText | Y.XmlHook)[]): string {
  return nodes
    .map((n) => blockMarkdown(n, ''))
    .filter((b) => b.length > 0)
    .join('\n\n');
}

function blockMarkdown(node: Y.XmlElement | Y.XmlText | Y.XmlHook, indent: string): string {
  if (node instanceof Y.XmlText) return inlineMarkdown(node);
  if (!(node instanceof Y.XmlElement)) return '';
  const children = node.toArray() as (Y.XmlElement | Y.XmlText)[];
  switch (node.nodeName) {
    case NODE.heading:
      return `${'#'.repeat(Math.min(6, Math.max(1, Number(node.getAttribute('level') ?? 1))))} ${inlineChildren(children)}`;
    case NODE.paragraph:
      return inlineChildren(children);
    case NODE.blockquote:
      return children.map((c) => blockMarkdown(c, '')).join('\n\n').split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
    case NODE.codeBlock:
      return `\`\`\`\n${children.map((c) => plainText(c)).join('')}\n\`\`\``;
    case NODE.horizontalRule:
      return '---';
    case NODE.bulletList:
    case NODE.orderedList: {
      const ordered = node.nodeName === NODE.orderedList;
      const start = Number(node.getAttribute('start') ?? 1);
      return children
        .map((item, i) => {
          const marker = ordered ? `${start + i}. ` : '- ';
          const inner = (item instanceof Y.XmlElement ? (item.toArray() as (Y.XmlElement | Y.XmlText)[]) : [item])
            .map((c) => blockMarkdown(c, indent + ' '.repeat(marker.length)))
            .join('\n');
          return `${indent}${marker}${inner.replace(/^\s+/, '')}`;
        })
        .join('\n');
    }
    case NODE.table: {
      const rows = children.map((row) => (row instanceof Y.XmlElement ? (row.toArray() as Y.XmlElement[]) : []).map((cell) => cellMarkdown(cell)));
      if (rows.length === 0) return '';
      const width = Math.max(...rows.map((r) => r.length));
      const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
      const line = (r: string[]) => `| ${pad(r).join(' | ')} |`;
      return [line(rows[0]), line(Array(width).fill('---')), ...rows.slice(1).map(line)].join('\n');
    }
    default:
      return children.map((c) => blockMarkdown(c, indent)).join('\n\n');
  }
}

function cellMarkdown(cell: Y.XmlElement): string {
  return (cell.toArray() as (Y.XmlElement | Y.XmlText)[])
    .map((c) => (c instanceof Y.XmlElement && c.nodeName === NODE.paragraph ? inlineChildren(c.toArray() as (Y.XmlElement | Y.XmlText)[]) : blockMarkdown(c, '')))
    .join(' ')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
}

function inlineChildren(children: (Y.XmlElement | Y.XmlText)[]): string {
  return children.map((c) => (c instanceof Y.XmlText ? inlineMarkdown(c) : c.nodeName === NODE.hardBreak ? '  \n' : plainText(c))).join('');
}

function inlineMarkdown(text: Y.XmlText): string {
  return (text.toDelta() as Delta)
    .map((d) => {
      if (typeof d.insert !== 'string') return '';
      let s = escapeMarkdown(d.insert);
      const a = d.attributes ?? {};
      if (a[MARK.code]) s = `\`${d.insert}\``;
      if (a[MARK.bold]) s = `**${s}**`;
      if (a[MARK.italic]) s = `*${s}*`;
      if (a[MARK.strike]) s = `~~${s}~~`;
      const link = a[MARK.link] as { href?: string } | undefined;
      if (link?.href) s = `[${s}](${link.href})`;
      return s;
    })
    .join('');
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]|])/g, '\\$1');
}
