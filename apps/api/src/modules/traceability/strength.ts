// Consensus strength in words, from a round result: what a statement agreed by consensus can carry.
import { sectorLabel } from '../briefings/briefing-format';

export interface StrengthInput {
  scale: string;
  n: number;
  highShare: number;
  distribution: number[];
  bySector: { sector: string; n: number | null; agreeShare: number | null; suppressed: boolean }[];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "86% of HE and 80% of NHS members rated 7–9"; without a sector breakdown, "86% of 7 members rated 7–9". */
export function strengthText(r: StrengthInput): string | null {
  if (r.n === 0) return null;
  const verb = r.scale === 'LIKERT_9' ? 'rated 7–9' : r.scale === 'CONSENT' ? 'agreed' : 'approved';
  const cells = ['HE', 'NHS']
    .map((s) => r.bySector.find((c) => c.sector === s))
    .filter((c): c is StrengthInput['bySector'][number] => !!c && !c.suppressed && c.agreeShare !== null);
  if (cells.length === 2) return `${pct(cells[0].agreeShare as number)} of ${sectorShort(cells[0].sector)} and ${pct(cells[1].agreeShare as number)} of ${sectorShort(cells[1].sector)} members ${verb}`;
  const overall = r.scale === 'LIKERT_9' ? r.highShare : r.distribution[0] / r.n;
  return `${pct(overall)} of ${r.n} members ${verb}`;
}

function sectorShort(sector: string): string {
  return sector === 'HE' || sector === 'NHS' ? sector : sectorLabel(sector);
}
