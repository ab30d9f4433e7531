// One pack, three formats: each renderer draws the same laid-out document.
import { briefingDocument } from './briefing-document';
import { briefingDocx } from './briefing-docx';
import { briefingMarkdown } from './briefing-markdown';
import { briefingPdf } from './briefing-pdf';
import { BriefingFormat } from './briefing-format';
import type { BriefingPack } from './briefings.types';

export async function renderBriefing(pack: BriefingPack, format: BriefingFormat): Promise<Buffer> {
  const doc = briefingDocument(pack);
  switch (format) {
    case BriefingFormat.MARKDOWN:
      return Buffer.from(briefingMarkdown(doc), 'utf8');
    case BriefingFormat.DOCX:
      return briefingDocx(doc);
    case BriefingFormat.PDF:
      return briefingPdf(doc);
  }
}
