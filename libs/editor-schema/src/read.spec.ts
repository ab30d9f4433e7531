import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { countWords, documentMarkdown, documentSections, documentText } from './read';

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

const h = (level: number, text: string, id?: string): Spec => ({ el: 'heading', attrs: { level, ...(id ? { id } : {}) }, children: [text] });
const p = (...children: Spec[]): Spec => ({ el: 'paragraph', children });
const li = (text: string): Spec => ({ el: 'listItem', children: [p(text)] });

describe('reading documents', () => {
  const doc = build([
    h(1, 'Guidance'),
    p('Intro line.'),
    h(2, 'Common challenges', 'sec-challenges'),
    p('Information sharing and consent.'),
    { el: 'bulletList', children: [li('Referral thresholds'), li('GP registration')] },
    { el: 'orderedList', children: [li('First'), li('Second')] },
    { el: 'blockquote', children: [p('A quote.')] },
    h(2, 'Models'),
    { el: 'table', children: [{ el: 'tableRow', children: [{ el: 'tableHeader', children: [p('Model')] }, { el: 'tableHeader', children: [p('Region')] }] }, { el: 'tableRow', children: [{ el: 'tableCell', children: [p('Liaison')] }, { el: 'tableCell', children: [p('North West')] }] }] },
    p({ el: '#text', children: ['bold'], marks: { bold: {} } }, ' and ', { el: '#text', children: ['a link'], marks: { link: { href: 'https://example.org' } } }, ' and ', { el: '#text', children: ['it'], marks: { italic: {} } }),
  ]);

  it('renders each node type as Markdown', () => {
    expect(documentMarkdown(doc)).toBe(
      [
        '# Guidance',
        'Intro line.',
        '## Common challenges',
        'Information sharing and consent.',
        '- Referral thresholds\n- GP registration',
        '1. First\n2. Second',
        '> A quote.',
        '## Models',
        '| Model | Region |\n| --- | --- |\n| Liaison | North West |',
        '**bold** and [a link](https://example.org) and *it*',
      ].join('\n\n'),
    );
  });

  it('splits sections at headings, with stable ids where headings have them, and counts words', () => {
    const sections = documentSections(doc);
    expect(sections.map((s) => [s.id, s.title, s.level])).toEqual([
      ['s0', 'Guidance', 1],
      ['sec-challenges', 'Common challenges', 2],
      ['s2', 'Models', 2],
    ]);
    expect(sections[1].text).toBe('Information sharing and consent.\nReferral thresholds\nGP registration\nFirst\nSecond\nA quote.');
    expect(sections[1].wordCount).toBe(12);
    expect(sections[0].markdown).toBe('Intro line.');
  });

  it('reads plain text with blocks on their own lines', () => {
    expect(documentText(doc).split('\n').slice(0, 3)).toEqual(['Guidance', 'Intro line.', 'Common challenges']);
  });

  it('counts words as people do', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('NHS–HE joint working: students’ mental-health, 2027 plan.')).toBe(8);
    expect(countWords("don't stop")).toBe(2);
  });

  it('escapes Markdown syntax in text', () => {
    expect(documentMarkdown(build([p('a *star* and [brackets]')]))).toBe('a \\*star\\* and \\[brackets\\]');
  });
});
