// The briefing pack as a Word document (the `docx` package): Title, Heading 1 and Heading 2 styles
// (so Word's navigation pane and outline work), real tables with a repeating header row, and lists.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
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
import { Block, BriefingDocument, Cell, Run } from './briefing-document';
import { COLOUR, DOCX_PAGE as PAGE, DOCX_TEXT_WIDTH as TEXT_WIDTH } from '../../common/print-style';

const FONT = PAGE.font;
const { ink: INK, muted: MUTED, accent: ACCENT, rule: RULE, headerFill: HEADER_FILL } = COLOUR;

function textRuns(runs: Run[], base: { size?: number; color?: string; italics?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of runs) {
    r.text.split('\n').forEach((line, i) => {
      out.push(new TextRun({ text: line, bold: r.bold, italics: r.italics ?? base.italics, size: base.size, color: base.color, break: i > 0 ? 1 : undefined }));
    });
  }
  return out;
}

function cellParagraphs(c: Cell, align?: 'left' | 'right', header = false): Paragraph[] {
  const runs = typeof c === 'string' ? [{ text: c, bold: header }] : c;
  return [new Paragraph({ children: textRuns(runs, { size: 18 }), alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, spacing: { before: 0, after: 0 } })];
}

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const widths = b.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };
  const margins = { top: 60, bottom: 60, left: 90, right: 90 };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.columns.map(
      (c, i) =>
        new TableCell({ children: cellParagraphs(c.header, c.align, true), width: { size: widths[i], type: WidthType.DXA }, shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL }, margins }),
    ),
  });
  const rows = b.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map((c, i) => new TableCell({ children: cellParagraphs(c, b.columns[i]?.align), width: { size: widths[i], type: WidthType.DXA }, margins })),
      }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

function blocks(bs: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let lists = 0;
  for (const b of bs) {
    switch (b.kind) {
      case 'heading':
        out.push(new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(b.text)], keepNext: true }));
        break;
      case 'paragraph':
        out.push(new Paragraph({ children: textRuns(b.runs, b.note ? { color: MUTED, italics: true } : {}), spacing: { after: 120 } }));
        break;
      case 'list': {
        // Each ordered list restarts at 1: a new instance of the numbering.
        const instance = ++lists;
        for (const item of b.items) {
          out.push(new Paragraph({ children: textRuns(item), numbering: { reference: b.ordered ? 'ordered' : 'bullets', level: 0, instance: b.ordered ? instance : 0 }, spacing: { after: 60 } }));
        }
        out.push(new Paragraph({ children: [], spacing: { after: 60 } }));
        break;
      }
      case 'table':
        out.push(table(b));
        out.push(new Paragraph({ children: [], spacing: { after: 120 } }));
        break;
    }
  }
  return out;
}

export async function briefingDocx(doc: BriefingDocument): Promise<Buffer> {
  const [first, ...rest] = doc.subtitle;
  const titleBlock = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun({ text: first, bold: true, size: 26, color: ACCENT })], spacing: { after: 60 } }),
    ...rest.map((line, i) => new Paragraph({ children: [new TextRun({ text: line, color: MUTED, size: i === rest.length - 1 ? 18 : 22 })], spacing: { after: 60 } })),
    new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT, space: 4 } }, spacing: { after: 200 } }),
  ];
  const document = new Document({
    creator: 'Concord',
    title: doc.title,
    description: doc.subtitle.join(' — '),
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, color: INK }, paragraph: { spacing: { line: 276 } } },
        title: { run: { font: FONT, size: 44, bold: true, color: INK }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: ACCENT }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: INK }, paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, outlineLevel: 1 } },
      },
    },
    numbering: {
      config: [
        { reference: 'ordered', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 500, hanging: 300 } } } }] },
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 500, hanging: 300 } } } }] },
      ],
    },
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
        children: [...titleBlock, ...blocks(doc.blocks)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
