// The exported guidance as a Word document (the `docx` package), drawn like the briefing pack: Word's own
// Title and Heading 1–3 styles (navigation pane, table of contents), real numbered and bulleted lists
// (nested), real tables with repeating header rows, hyperlinks, emphasis, quotes and code.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ILevelsOptions,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Block, columnShares, ExportDocument, Span } from './export-layout';
import { COLOUR, DOCX_PAGE as PAGE, DOCX_TEXT_WIDTH as TEXT_WIDTH } from '../../common/print-style';

const FONT = PAGE.font;
const MONO = 'Consolas';
const { ink: INK, muted: MUTED, accent: ACCENT, rule: RULE, headerFill: HEADER_FILL } = COLOUR;
const LEVELS = 6;

interface RunStyle {
  size?: number;
  color?: string;
  italics?: boolean;
  bold?: boolean;
}

function runs(spans: Span[], base: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const s of spans) {
    const made = s.text.split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          bold: s.bold ?? base.bold,
          italics: s.italics ?? base.italics,
          strike: s.strike,
          font: s.code ? MONO : undefined,
          size: base.size,
          color: s.link ? ACCENT : base.color,
          underline: s.link ? {} : undefined,
          break: i > 0 ? 1 : undefined,
        }),
    );
    if (s.link) out.push(new ExternalHyperlink({ link: s.link, children: made }));
    else out.push(...made);
  }
  return out;
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

class Drawer {
  private lists = 0;

  blocks(bs: Block[], depth = 0, quote = false): (Paragraph | Table)[] {
    return bs.flatMap((b) => this.block(b, depth, quote));
  }

  private block(b: Block, depth: number, quote: boolean): (Paragraph | Table)[] {
    const quoted = quote ? { indent: { left: 500 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: RULE, space: 8 } } } : {};
    switch (b.kind) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun(b.text)], keepNext: true })];
      case 'paragraph':
        return [new Paragraph({ children: runs(b.spans, b.note ? { color: MUTED, italics: true } : {}), spacing: { after: 120 }, ...quoted })];
      case 'list': {
        // Each list is its own numbering instance, so every ordered list starts again at its start.
        const instance = ++this.lists;
        const out: (Paragraph | Table)[] = [];
        for (const item of b.items) {
          item.forEach((inner, k) => {
            if (k === 0 && inner.kind === 'paragraph') {
              out.push(new Paragraph({ children: runs(inner.spans), numbering: { reference: b.ordered ? 'ordered' : 'bullets', level: Math.min(depth, LEVELS - 1), instance }, spacing: { after: 60 } }));
            } else if (inner.kind === 'list') out.push(...this.blocks([inner], depth + 1, quote));
            else out.push(...this.blocks([inner], depth, quote));
          });
        }
        return out;
      }
      case 'table':
        return [this.table(b), new Paragraph({ children: [], spacing: { after: 120 } })];
      case 'quote':
        return this.blocks(b.blocks, depth, true);
      case 'code':
        return b.text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: MONO, size: 19 })], shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F5F7' }, spacing: { after: 0 } }));
      case 'rule':
        return [new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 4 } }, spacing: { after: 160 } })];
    }
  }

  private table(b: Extract<Block, { kind: 'table' }>): Table {
    const width = Math.max(1, ...b.rows.map((r) => r.cells.length));
    const cols = columnShares(b).map((x) => Math.floor(x * TEXT_WIDTH));
    const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };
    const margins = { top: 60, bottom: 60, left: 90, right: 90 };
    return new Table({
      rows: b.rows.map(
        (r) =>
          new TableRow({
            tableHeader: r.header,
            cantSplit: true,
            children: Array.from({ length: width }, (_, i) => {
              const spans = r.cells[i] ?? [];
              return new TableCell({
                children: [new Paragraph({ children: runs(spans, { size: 19, bold: r.header || undefined }), spacing: { before: 0, after: 0 } })],
                width: { size: cols[i], type: WidthType.DXA },
                margins,
                ...(r.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
              });
            }),
          }),
      ),
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: cols,
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    });
  }
}

function levels(format: 'ordered' | 'bullets'): ILevelsOptions[] {
  return Array.from({ length: LEVELS }, (_, level) => ({
    level,
    format: format === 'ordered' ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: format === 'ordered' ? `%${level + 1}.` : ['•', '◦', '▪'][level % 3],
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 500 + level * 400, hanging: 300 } } },
  }));
}

export async function exportDocx(doc: ExportDocument): Promise<Buffer> {
  const titleBlock = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    ...doc.subtitle.map((line) => new Paragraph({ children: [new TextRun({ text: line, color: MUTED, size: 20 })], spacing: { after: 40 } })),
    new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT, space: 4 } }, spacing: { after: 200 } }),
  ];
  const document = new Document({
    creator: 'Concord',
    title: doc.title,
    description: doc.subtitle.join(' — '),
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, color: INK }, paragraph: { spacing: { line: 276 } } },
        title: { run: { font: FONT, size: 44, bold: true, color: INK }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: ACCENT }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: INK }, paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, outlineLevel: 1 } },
        heading3: { run: { font: FONT, size: 23, bold: true, color: INK }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, outlineLevel: 2 } },
      },
    },
    numbering: { config: [{ reference: 'ordered', levels: levels('ordered') }, { reference: 'bullets', levels: levels('bullets') }] },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: `${doc.title} · page `, size: 16, color: MUTED }), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: MUTED }), new TextRun({ text: ' of ', size: 16, color: MUTED }), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: MUTED })],
              }),
            ],
          }),
        },
        children: [...titleBlock, ...new Drawer().blocks(doc.blocks)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
