// What can be exported, in which formats, and the one function that draws a laid-out document in each.
import { exportDocx } from './export-docx';
import { ExportDocument } from './export-layout';
import { exportMarkdown } from './export-markdown';
import { exportPdf } from './export-pdf';

export type ExportFormat = 'md' | 'docx' | 'pdf';

export const APPENDICES = ['decisions', 'results', 'caseStudies', 'sources', 'trace', 'glossary'] as const;
export type Appendix = (typeof APPENDICES)[number];

/** The formats each export offers: the methods report is for editing and reading, not print. */
export const OFFERED: Record<'guidance' | 'methods', readonly ExportFormat[]> = { guidance: ['md', 'docx', 'pdf'], methods: ['md', 'docx'] };

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export async function renderExport(doc: ExportDocument, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(exportMarkdown(doc), 'utf8');
    case 'docx':
      return exportDocx(doc);
    case 'pdf':
      return exportPdf(doc);
  }
}

/** The appendices of a request ("decisions,results"), or the unknown names. */
export function parseAppendices(value: unknown): { ok: Appendix[] } | { unknown: string[] } {
  const raw = (Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = raw.filter((a) => !(APPENDICES as readonly string[]).includes(a));
  if (unknown.length) return { unknown };
  // In the order the appendices are printed, each once.
  return { ok: APPENDICES.filter((a) => raw.includes(a)) };
}
