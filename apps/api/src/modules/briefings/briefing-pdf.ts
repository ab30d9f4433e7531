// The briefing pack as PDF with pdfmake (pure JavaScript on pdfkit): declarative tables that repeat
// their header row across pages, Roboto embedded as subsets with Unicode maps so every word can be
// selected, searched and extracted. No browser, no network, no file outside pdfmake's own fonts.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { Block, BriefingDocument, Cell, Run } from './briefing-document';
import { pdfColour, pdfMake } from '../../common/print-style';

const INK = pdfColour('ink');
const MUTED = pdfColour('muted');
const ACCENT = pdfColour('accent');
const RULE = pdfColour('rule');
const HEADER_FILL = pdfColour('headerFill');
const MARGIN = { x: 56, top: 60, bottom: 64 };

function runs(rs: Run[]): Content[] {
  return rs.map((r) => ({ text: r.text, bold: r.bold, italics: r.italics }));
}

function cell(c: Cell, align?: 'left' | 'right'): TableCell {
  return { text: runs(typeof c === 'string' ? [{ text: c }] : c), alignment: align ?? 'left' };
}

function table(b: Extract<Block, { kind: 'table' }>): Content {
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: b.columns.map((c) => `${((c.width / total) * 100).toFixed(2)}%`),
      body: [b.columns.map((c) => ({ text: c.header, style: 'th', alignment: c.align ?? 'left' })), ...b.rows.map((r) => r.map((c, i) => cell(c, b.columns[i]?.align)))],
    },
    layout: {
      fillColor: (row: number) => (row === 0 ? HEADER_FILL : null),
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.4),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? ACCENT : RULE),
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    style: 'table',
  };
}

function block(b: Block): Content {
  switch (b.kind) {
    case 'heading':
      return { text: b.text, style: b.level === 1 ? 'h1' : 'h2' };
    case 'paragraph':
      return { text: runs(b.runs), style: b.note ? 'note' : 'paragraph' };
    case 'list':
      return b.ordered ? { ol: b.items.map((i) => ({ text: runs(i) })), style: 'list' } : { ul: b.items.map((i) => ({ text: runs(i) })), style: 'list' };
    case 'table':
      return table(b);
  }
}

const SMALL_TABLE_ROWS = 6;
const SMALL_LIST_ITEMS = 8;

/**
 * A heading never ends a page: a heading, the headings and short paragraphs under it, and the table
 * or list they introduce, when short, form one unbreakable stack. A stack that introduces a long
 * table is marked (`headlineLevel: 1`) for the page-break rule, which moves it to the next page when
 * it starts too low for the table to begin under it.
 */
function keepHeadingsWithNext(blocks: Block[]): Content[] {
  const out: Content[] = [];
  let group: Content[] = [];
  let level = 0;
  let prose = false;
  const flush = (introducesLong: boolean) => {
    if (group.length) out.push({ stack: group, unbreakable: true, ...(introducesLong ? { headlineLevel: 1 } : {}) });
    group = [];
    prose = false;
  };
  const small = (b: Block) => (b.kind === 'table' && b.rows.length <= SMALL_TABLE_ROWS) || (b.kind === 'list' && b.items.length <= SMALL_LIST_ITEMS);
  for (const b of blocks) {
    if (b.kind === 'heading') {
      // A heading at the same level or above, after text, starts a new group.
      if (prose && b.level <= level) flush(false);
      if (group.length === 0) level = b.level;
      group.push(block(b));
    } else if (b.kind === 'paragraph' && group.length > 0) {
      group.push(block(b));
      prose = true;
    } else if (group.length > 0 && small(b)) {
      group.push(block(b));
      flush(false);
    } else {
      flush(true);
      out.push(block(b));
    }
  }
  flush(false);
  return out;
}

export function briefingPdfDefinition(doc: BriefingDocument): TDocumentDefinitions {
  const [first, ...rest] = doc.subtitle;
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN.x, MARGIN.top, MARGIN.x, MARGIN.bottom],
    language: 'en-GB',
    info: { title: doc.title, author: 'Concord', subject: doc.subtitle.join(' — '), creator: 'Concord', producer: 'Concord (pdfmake)' },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: INK },
    styles: {
      kicker: { fontSize: 8.5, bold: true, color: ACCENT, margin: [0, 0, 0, 4] },
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
      when: { fontSize: 12, bold: true, color: ACCENT, margin: [0, 0, 0, 3] },
      meta: { fontSize: 9.5, color: MUTED, margin: [0, 0, 0, 2] },
      h1: { fontSize: 14, bold: true, color: ACCENT, margin: [0, 16, 0, 6] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      paragraph: { margin: [0, 0, 0, 6] },
      note: { italics: true, color: MUTED, margin: [0, 0, 0, 6] },
      list: { margin: [0, 0, 0, 6] },
      table: { fontSize: 8.5, margin: [0, 2, 0, 8] },
      th: { bold: true, fontSize: 8.5, color: INK },
    },
    header: (page: number) =>
      page === 1 ? null : { text: `${doc.title} · ${first}`, fontSize: 7.5, color: MUTED, margin: [MARGIN.x, 28, MARGIN.x, 0] },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: 'Prepared with Concord from live data', fontSize: 7.5, color: MUTED },
        { text: `Page ${page} of ${pages}`, fontSize: 7.5, color: MUTED, alignment: 'right' },
      ],
      margin: [MARGIN.x, 28, MARGIN.x, 0],
    }),
    pageBreakBefore: (node, ctx) => node.headlineLevel === 1 && ctx.getNodesOnNextPage().length > 0 && (node.startPosition?.verticalRatio ?? 0) > 0.78,
    content: [
      { canvas: [{ type: 'rect', x: 0, y: 0, w: 48, h: 4, color: ACCENT }], margin: [0, 0, 0, 10] },
      { text: 'BRIEFING PACK', style: 'kicker' },
      { text: doc.title.replace(/^Briefing pack: /, ''), style: 'title' },
      { text: first, style: 'when' },
      ...rest.map((line) => ({ text: line, style: 'meta' })),
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 595.28 - 2 * MARGIN.x, y2: 0, lineWidth: 0.8, lineColor: RULE }], margin: [0, 8, 0, 2] },
      ...keepHeadingsWithNext(doc.blocks),
    ],
  };
}

export function briefingPdf(doc: BriefingDocument): Promise<Buffer> {
  return pdfMake.createPdf(briefingPdfDefinition(doc)).getBuffer();
}
