// The exported guidance as Markdown (CommonMark with GitHub tables and strikethrough). Everything users
// typed is escaped, so text can never turn into markup. `parseMarkdown` reads this output back into the
// same blocks: the tests hold the two to a round trip for every node type.
import { escapeInline, escapeLineStart } from '../briefings/briefing-markdown';
import { Block, ExportDocument, Span } from './export-layout';

function hug(s: string, mark: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(s) as RegExpExecArray;
  return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : s;
}

function href(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));
}

export function spansMarkdown(spans: Span[], hardBreak = '  \n'): string {
  return spans
    .map((s) => {
      if (s.text === '\n') return hardBreak;
      let out = s.code ? `\`${s.text.replace(/`/g, 'ˋ')}\`` : s.text.split('\n').map(escapeInline).join(hardBreak);
      if (s.italics) out = hug(out, '_');
      if (s.bold) out = hug(out, '**');
      if (s.strike) out = hug(out, '~~');
      if (s.link) out = `[${out}](${href(s.link)})`;
      return out;
    })
    .join('');
}

function indent(s: string, by: string): string {
  return s
    .split('\n')
    .map((l, i) => (i === 0 || l.length === 0 ? l : by + l))
    .join('\n');
}

export function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeInline(b.text)}`;
    case 'paragraph': {
      const md = spansMarkdown(b.spans)
        .split('\n')
        .map((l) => escapeLineStart(l))
        .join('\n');
      return b.note ? hug(md, '_') : md;
    }
    case 'list':
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${(b.start ?? 1) + i}. ` : '- ';
          const body = item.map(blockMarkdown).join('\n');
          return marker + indent(body, ' '.repeat(marker.length));
        })
        .join('\n');
    case 'table': {
      if (b.rows.length === 0) return '';
      const width = Math.max(...b.rows.map((r) => r.cells.length));
      const line = (cells: string[]) => `| ${[...cells, ...Array(width - cells.length).fill('')].join(' | ')} |`;
      const cell = (c: Span[]) => spansMarkdown(c, '<br>').replace(/\n/g, '<br>');
      const [head, ...rest] = b.rows;
      return [line(head.cells.map(cell)), line(Array(width).fill('---')), ...rest.map((r) => line(r.cells.map(cell)))].join('\n');
    }
    case 'quote':
      return b.blocks
        .map(blockMarkdown)
        .join('\n\n')
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n');
    case 'code': {
      const fence = '`'.repeat(Math.max(3, ...[...b.text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
      return `${fence}\n${b.text}\n${fence}`;
    }
    case 'rule':
      return '---';
  }
}

export function blocksMarkdown(blocks: Block[]): string {
  return blocks
    .map(blockMarkdown)
    .filter((s) => s.length > 0)
    .join('\n\n');
}

export function exportMarkdown(doc: ExportDocument): string {
  const head = [`# ${escapeInline(doc.title)}`, doc.subtitle.map((l) => `_${escapeInline(l)}_`).join('  \n')];
  return [...head, blocksMarkdown(doc.blocks)].filter((s) => s.length > 0).join('\n\n') + '\n';
}

// ——— Reading it back (the subset this file writes) ———

const LIST_ITEM = /^(\s*)(- |(\d+)\. )/;

export function parseMarkdown(md: string): Block[] {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = /^(`{3,})$/.exec(line);
    if (fence) {
      const end = lines.indexOf(fence[1], i + 1);
      const stop = end < 0 ? lines.length : end;
      out.push({ kind: 'code', text: lines.slice(i + 1, stop).join('\n') });
      i = stop + 1;
      continue;
    }
    const h = /^(#{1,6}) (.*)$/.exec(line);
    if (h) {
      out.push({ kind: 'heading', level: Math.min(3, h[1].length) as 1 | 2 | 3, text: parseInline(h[2]).map((s) => s.text).join('') });
      i++;
      continue;
    }
    if (line === '---') {
      out.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (/^>( |$)/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^>( |$)/.test(lines[i])) body.push(lines[i++].replace(/^> ?/, ''));
      out.push({ kind: 'quote', blocks: parseMarkdown(body.join('\n')) });
      continue;
    }
    if (line.startsWith('|') && /^\|[\s|:-]+\|$/.test(lines[i + 1] ?? '')) {
      const rows: Span[][][] = [];
      const cells = (l: string) =>
        l
          .slice(2, -2)
          .split(/(?<!\\) \| /)
          .map((c) => parseInline(c.replace(/<br>/g, '  \n')));
      rows.push(cells(line));
      i += 2;
      while (i < lines.length && lines[i].startsWith('|')) rows.push(cells(lines[i++]));
      out.push({ kind: 'table', rows: rows.map((r, k) => ({ header: k === 0, cells: r })) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item && item[1] === '') {
      const ordered = item[3] !== undefined;
      const start = ordered ? Number(item[3]) : 1;
      const items: Block[][] = [];
      while (i < lines.length) {
        const m = LIST_ITEM.exec(lines[i]);
        if (!m || m[1] !== '' || (m[3] !== undefined) !== ordered) break;
        const width = m[0].length;
        const body = [lines[i].slice(width)];
        i++;
        while (i < lines.length && lines[i].startsWith(' '.repeat(width))) body.push(lines[i++].slice(width));
        items.push(parseMarkdown(body.join('\n')));
      }
      out.push({ kind: 'list', ordered, ...(ordered && start !== 1 ? { start } : {}), items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i])) para.push(lines[i++]);
    if (para.length === 0) para.push(lines[i++]);
    out.push({ kind: 'paragraph', spans: parseInline(para.join('\n')) });
  }
  return out;
}

function startsBlock(line: string): boolean {
  return /^(#{1,6} |> ?|```|---$|\|)/.test(line) || (LIST_ITEM.test(line) && !/^\s/.test(line));
}

type Marks = Omit<Span, 'text'>;

/** Inline Markdown as written by spansMarkdown: escapes, code, links, **bold**, _italics_, ~~strike~~, hard breaks. */
export function parseInline(s: string, marks: Marks = {}): Span[] {
  const out: Span[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ text: buf, ...marks });
    buf = '';
  };
  let i = 0;
  const closing = (token: string, from: number) => {
    for (let j = from; j < s.length; j++) {
      if (s[j] === '\\') {
        j++;
        continue;
      }
      if (s[j] === '`') {
        const end = s.indexOf('`', j + 1);
        if (end > 0) j = end;
        continue;
      }
      if (s.startsWith(token, j)) return j;
    }
    return -1;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      buf += s[i + 1];
      i += 2;
    } else if (s.startsWith('  \n', i)) {
      flush();
      out.push({ text: '\n' });
      i += 3;
    } else if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end < 0) {
        buf += c;
        i++;
        continue;
      }
      flush();
      out.push({ text: s.slice(i + 1, end), ...marks, code: true });
      i = end + 1;
    } else if (c === '[') {
      const mid = closing('](', i + 1);
      const end = mid < 0 ? -1 : s.indexOf(')', mid + 2);
      if (mid < 0 || end < 0) {
        buf += c;
        i++;
        continue;
      }
      flush();
      out.push(...parseInline(s.slice(i + 1, mid), { ...marks, link: decodeURIComponent(s.slice(mid + 2, end)) }));
      i = end + 1;
    } else if (s.startsWith('**', i) || s.startsWith('~~', i) || c === '_') {
      const token = c === '_' ? '_' : s.slice(i, i + 2);
      const end = closing(token, i + token.length);
      if (end < 0) {
        buf += token;
        i += token.length;
        continue;
      }
      flush();
      const mark: Marks = token === '**' ? { bold: true } : token === '~~' ? { strike: true } : { italics: true };
      out.push(...parseInline(s.slice(i + token.length, end), { ...marks, ...mark }));
      i = end + token.length;
    } else {
      buf += c;
      i++;
    }
  }
  flush();
  return mergeSpans(out);
}

/** Joins neighbouring spans with the same marks. */
export function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  const same = (a: Span, b: Span) => a.text !== '\n' && b.text !== '\n' && !!a.bold === !!b.bold && !!a.italics === !!b.italics && !!a.strike === !!b.strike && !!a.code === !!b.code && a.link === b.link;
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && same(last, s)) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
