import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { Block, documentBlocks } from './export-layout';
import { blocksMarkdown, mergeSpans, parseMarkdown } from './export-markdown';

type Spec = string | { el: string; attrs?: Record<string, unknown>; children?: Spec[]; marks?: Record<string, unknown> };

function build(specs: Spec[]): Y.Doc {
  const doc = new Y.Doc();
  const make = (s: Spec): Y.XmlElement | Y.XmlText => {
    if (typeof s === 'string') return new Y.XmlText(s);
    if (s.el === '#text') {
      const t = new Y.XmlText();
      t.insert(0, String(s.children?.[0] ?? ''), s.marks);
      return t;
    }
    const e = new Y.XmlElement(s.el);
    for (const [k, v] of Object.entries(s.attrs ?? {})) e.setAttribute(k, v as string);
    e.insert(0, (s.children ?? []).map(make));
    return e;
  };
  doc.getXmlFragment('default').insert(0, specs.map(make));
  return doc;
}
const t = (text: string, marks: Record<string, unknown> = {}): Spec => ({ el: '#text', children: [text], marks });
const p = (...children: Spec[]): Spec => ({ el: 'paragraph', children });
const li = (...children: Spec[]): Spec => ({ el: 'listItem', children });
const cell = (el: 'tableHeader' | 'tableCell', text: string): Spec => ({ el, children: [p(text)] });

/** Blocks with neighbouring same-marked spans joined, and heading ids dropped (Markdown has none). */
function normal(blocks: Block[]): Block[] {
  return blocks.map((b): Block => {
    switch (b.kind) {
      case 'heading':
        return { kind: 'heading', level: b.level, text: b.text };
      case 'paragraph':
        return { kind: 'paragraph', spans: mergeSpans(b.spans) };
      case 'list':
        return { ...b, items: b.items.map(normal) };
      case 'table':
        return { kind: 'table', rows: b.rows.map((r) => ({ header: r.header, cells: r.cells.map(mergeSpans) })) };
      case 'quote':
        return { kind: 'quote', blocks: normal(b.blocks) };
      default:
        return b;
    }
  });
}

const roundTrip = (specs: Spec[]) => {
  const blocks = documentBlocks(build(specs));
  const md = blocksMarkdown(blocks);
  return { blocks: normal(blocks), md, back: normal(parseMarkdown(md)) };
};

describe('Markdown export: a round trip for every node type of the editor schema', () => {
  it.each<[string, Spec[], string]>([
    ['headings 1–3', [{ el: 'heading', attrs: { level: 1, id: 'sec-a' }, children: ['Guidance'] }, { el: 'heading', attrs: { level: 2 }, children: ['Scope'] }, { el: 'heading', attrs: { level: 3 }, children: ['Out of scope'] }], '# Guidance\n\n## Scope\n\n### Out of scope'],
    ['a paragraph with every mark', [p(t('Bold', { bold: {} }), t(' and '), t('italic', { italic: {} }), t(', '), t('struck', { strike: {} }), t(', '), t('code', { code: {} }), t(' and '), t('a link', { link: { href: 'https://www.officeforstudents.org.uk/' } }), t('.'))], '**Bold** and _italic_, ~~struck~~, `code` and [a link](https://www.officeforstudents.org.uk/).'],
    ['bold italic and a bold link', [p(t('both', { bold: {}, italic: {} }), t(' '), t('strong link', { bold: {}, link: { href: 'https://example.org/a b' } }))], '**_both_** [**strong link**](https://example.org/a%20b)'],
    ['a hard break', [p(t('line one'), { el: 'hardBreak' }, t('line two'))], 'line one  \nline two'],
    ['a bullet list', [{ el: 'bulletList', children: [li(p('Referral thresholds')), li(p('GP registration'))] }], '- Referral thresholds\n- GP registration'],
    ['an ordered list starting at 3', [{ el: 'orderedList', attrs: { start: 3 }, children: [li(p('Third')), li(p('Fourth'))] }], '3. Third\n4. Fourth'],
    ['nested lists', [{ el: 'bulletList', children: [li(p('Outer'), { el: 'orderedList', children: [li(p('Inner one')), li(p('Inner two'))] }), li(p('Next'))] }], '- Outer\n  1. Inner one\n  2. Inner two\n- Next'],
    ['a table with a header row', [{ el: 'table', children: [{ el: 'tableRow', children: [cell('tableHeader', 'Model'), cell('tableHeader', 'Region')] }, { el: 'tableRow', children: [cell('tableCell', 'Liaison | CMHT'), cell('tableCell', 'North West')] }] }], '| Model | Region |\n| --- | --- |\n| Liaison \\| CMHT | North West |'],
    ['a blockquote', [{ el: 'blockquote', children: [p('A quote.'), p('Its second paragraph.')] }], '> A quote.\n>\n> Its second paragraph.'],
    ['a code block', [{ el: 'codeBlock', children: ['const x = 1;\nx * 2'] }], '```\nconst x = 1;\nx * 2\n```'],
    ['a horizontal rule', [p('Above'), { el: 'horizontalRule' }, p('Below')], 'Above\n\n---\n\nBelow'],
    ['text that looks like markup', [p('# not a heading, *not emphasis*, [not](a link) and 1. not a list'), p('- not a bullet')], '\\# not a heading, \\*not emphasis\\*, \\[not\\](a link) and 1. not a list\n\n\\- not a bullet'],
  ])('%s', (_name, specs, expected) => {
    const { blocks, md, back } = roundTrip(specs);
    expect(md).toBe(expected);
    expect(back).toEqual(blocks);
  });
});
