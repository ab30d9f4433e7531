// The briefing pack as Markdown (CommonMark with GitHub tables). Everything users typed is escaped,
// so a decision or a comment cannot turn into a heading, a link or a broken table.
import { Block, BriefingDocument, Cell, Run } from './briefing-document';

/** Backslash-escapes the characters that mean something inline. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** Escapes a line's start where it would open a block ("# ", "- ", "+ ", "1. ", "1) ") or underline one ("---", "==="). */
export function escapeLineStart(line: string): string {
  if (/^\s*[-=]+\s*$/.test(line)) return line.replace(/^(\s*)/, '$1\\');
  return line.replace(/^(\s*)(#{1,6}|[+-]|\d{1,9}[.)])(?=\s|$)/, (_m, space: string, marker: string) =>
    /^\d/.test(marker) ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${space}\\${marker}`,
  );
}

function runs(rs: Run[], newline: string): string {
  return rs
    .map((r) => {
      const lines = r.text.split('\n').map((l) => escapeInline(l));
      return lines
        .map((l) => {
          // Emphasis markers must hug the text: move surrounding spaces outside them.
          const m = /^(\s*)(.*?)(\s*)$/.exec(l) as RegExpExecArray;
          if (!m[2] || (!r.bold && !r.italics)) return l;
          const mark = r.bold && r.italics ? '***' : r.bold ? '**' : '*';
          return `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
        })
        .join(newline);
    })
    .join('');
}

function paragraph(rs: Run[]): string {
  return runs(rs, '  \n')
    .split('\n')
    .map(escapeLineStart)
    .join('\n');
}

function cell(c: Cell): string {
  const rs = typeof c === 'string' ? [{ text: c }] : c;
  return runs(rs, '<br>').replace(/\r?\n/g, '<br>');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${escapeInline(b.text)}`;
    case 'paragraph':
      return b.note ? `_${paragraph(b.runs)}_` : paragraph(b.runs);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${escapeLineStart(runs(item, ' '))}`).join('\n');
    case 'table': {
      const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
      const rule = b.columns.map((c) => (c.align === 'right' ? '---:' : '---'));
      return [line(b.columns.map((c) => escapeInline(c.header))), line(rule), ...b.rows.map((r) => line(r.map(cell)))].join('\n');
    }
  }
}

export function briefingMarkdown(doc: BriefingDocument): string {
  const [first, ...rest] = doc.subtitle;
  const head = [`# ${escapeInline(doc.title)}`, [`**${escapeInline(first)}**`, ...rest.map(escapeInline)].join('  \n')];
  return [...head, ...doc.blocks.map(block)].join('\n\n') + '\n';
}
