// "You said, we did": the triage of a review round as CSV (RFC 4180) and as a Markdown table.
import { toCsv } from '../../common/csv';
type Row = { section: string; organisation: string; sector: string; kind: string; quote: string; comment: string; response: string; reason: string };

const HEADERS = ['Section', 'Organisation', 'Sector', 'Kind', 'Passage', 'You said', 'We did', 'Why'];
const cells = (r: Row) => [r.section, r.organisation, r.sector, r.kind, r.quote, r.comment, r.response, r.reason];

export function triageCsv(rows: Row[]): string {
  return toCsv([HEADERS, ...rows.map(cells)]);
}

export function triageMarkdown(title: string, rows: Row[]): string {
  const cell = (v: string) => v.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  const line = (values: string[]) => `| ${values.map(cell).join(' | ')} |`;
  return [`# You said, we did: ${title}`, '', line(HEADERS), line(HEADERS.map(() => '---')), ...rows.map((r) => line(cells(r))), ''].join('\n');
}
