// The exported guidance as PDF with the shared pdfmake of common/print-style.ts (Roboto embedded as subsets
// with Unicode maps, no URL fetched, no file read but the fonts).
// Links stay clickable; tables repeat their header rows; headings keep with what follows.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { Block, columnShares, ExportDocument, Span } from './export-layout';
import { pdfColour, pdfMake } from '../../common/print-style';

const INK = pdfColour('ink');
const MUTED = pdfColour('muted');
const ACCENT = pdfColour('accent');
const RULE = pdfColour('rule');
const HEADER_FILL = pdfColour('headerFill');
const CODE_FILL = '#f3f5f7';
const MARGIN = { x: 60, top: 64, bottom: 64 };
const WIDTH = 595.28 - 2 * MARGIN.x;

function spans(ss: Span[]): Content[] {
  return ss.map((s) => ({
    text: s.text,
    bold: s.bold,
    italics: s.italics,
    decoration: s.strike ? 'lineThrough' : s.link ? 'underline' : undefined,
    color: s.link ? ACCENT : undefined,
    link: s.link,
    background: s.code ? CODE_FILL : undefined,
  }));
}

function table(b: Extract<Block, { kind: 'table' }>): Content {
  const width = Math.max(1, ...b.rows.map((r) => r.cells.length));
  const headerRows = b.rows.findIndex((r) => !r.header);
  return {
    table: {
      headerRows: headerRows < 0 ? b.rows.length : headerRows,
      dontBreakRows: true,
      widths: columnShares(b).map((x) => `${(x * 100).toFixed(2)}%`),
      body: b.rows.map((r) => Array.from({ length: width }, (_, i): TableCell => ({ text: spans(r.cells[i] ?? []), bold: r.header, fillColor: r.header ? HEADER_FILL : undefined }))),
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => RULE,
      vLineColor: () => RULE,
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
      return { text: b.text, style: `h${b.level}`, headlineLevel: b.level };
    case 'paragraph':
      return { text: spans(b.spans), style: b.note ? 'note' : 'paragraph' };
    case 'list': {
      const items = b.items.map((item) => ({ stack: item.map(block) }));
      return b.ordered ? { ol: items, start: b.start ?? 1, style: 'list' } : { ul: items, style: 'list' };
    }
    case 'table':
      return table(b);
    case 'quote':
      return {
        table: { widths: ['*'], body: [[{ stack: b.blocks.map(block), margin: [8, 2, 0, 2] }]] },
        layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 2 : 0), vLineColor: () => RULE },
        margin: [0, 0, 0, 8],
        italics: true,
      };
    case 'code':
      return { table: { widths: ['*'], body: [[{ text: b.text, preserveLeadingSpaces: true, fontSize: 8.5 }]] }, layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => CODE_FILL }, margin: [0, 0, 0, 8] };
    case 'rule':
      return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: WIDTH, y2: 0, lineWidth: 0.6, lineColor: RULE }], margin: [0, 6, 0, 10] };
  }
}

export function exportPdfDefinition(doc: ExportDocument): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN.x, MARGIN.top, MARGIN.x, MARGIN.bottom],
    language: 'en-GB',
    info: { title: doc.title, author: 'Concord', subject: doc.subtitle.join(' — '), creator: 'Concord', producer: 'Concord (pdfmake)' },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25, color: INK },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
      meta: { fontSize: 9.5, color: MUTED, margin: [0, 0, 0, 2] },
      h1: { fontSize: 15, bold: true, color: ACCENT, margin: [0, 16, 0, 6] },
      h2: { fontSize: 12.5, bold: true, color: ACCENT, margin: [0, 12, 0, 5] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      paragraph: { margin: [0, 0, 0, 7] },
      note: { italics: true, color: MUTED, margin: [0, 0, 0, 7] },
      list: { margin: [0, 0, 0, 7] },
      table: { fontSize: 8.5, margin: [0, 2, 0, 10] },
    },
    header: (page: number) => (page === 1 ? null : { text: doc.title, fontSize: 7.5, color: MUTED, margin: [MARGIN.x, 30, MARGIN.x, 0] }),
    footer: (page: number, pages: number) => ({
      columns: [
        { text: doc.subtitle[doc.subtitle.length - 1] ?? '', fontSize: 7.5, color: MUTED },
        { text: `Page ${page} of ${pages}`, fontSize: 7.5, color: MUTED, alignment: 'right' },
      ],
      margin: [MARGIN.x, 30, MARGIN.x, 0],
    }),
    // A heading never ends a page: it moves to the next page when nothing of its section follows it there.
    pageBreakBefore: (node, ctx) => typeof node.headlineLevel === 'number' && ctx.getFollowingNodesOnPage().length === 0 && ctx.getNodesOnNextPage().length > 0,
    content: [
      { canvas: [{ type: 'rect', x: 0, y: 0, w: 48, h: 4, color: ACCENT }], margin: [0, 0, 0, 10] },
      { text: doc.title, style: 'title' },
      ...doc.subtitle.map((line) => ({ text: line, style: 'meta' })),
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: WIDTH, y2: 0, lineWidth: 0.8, lineColor: RULE }], margin: [0, 8, 0, 6] },
      ...doc.blocks.map(block),
    ],
  };
}

export function exportPdf(doc: ExportDocument): Promise<Buffer> {
  return pdfMake.createPdf(exportPdfDefinition(doc)).getBuffer();
}
