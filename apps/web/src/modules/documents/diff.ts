// Folding a comparison down to its changes: long unchanged stretches between them become a count.
import type { DiffKind } from '../../generated/graphql';

export type DiffPiece = { kind: DiffKind; text: string } | { kind: 'FOLDED'; paragraphs: number };

const PARAGRAPH = '\n\n';

/**
 * Keeps each change with its paragraph and one paragraph either side; the unchanged paragraphs beyond
 * are replaced by a FOLDED piece that counts them. Nothing is folded when nothing changed, or when
 * folding would hide fewer than two paragraphs.
 */
export function foldUnchanged(chunks: readonly { kind: DiffKind; text: string }[]): DiffPiece[] {
  if (!chunks.some((c) => c.kind !== 'UNCHANGED')) return [...chunks];
  return chunks.flatMap((chunk, index): DiffPiece[] => {
    if (chunk.kind !== 'UNCHANGED') return [chunk];
    const parts = chunk.text.split(PARAGRAPH);
    // Parts: the end of the paragraph the previous change is in, whole paragraphs, the start of the next
    // change's paragraph. An empty end part means the change starts or ends a paragraph: keep one more.
    const head = index === 0 ? 0 : parts[0].trim() === '' ? 2 : 1;
    const tail = index === chunks.length - 1 ? 0 : parts[parts.length - 1].trim() === '' ? 2 : 1;
    const folded = parts.length - head - tail;
    if (folded < 2) return [chunk];
    const pieces: DiffPiece[] = [];
    if (head > 0) pieces.push({ kind: 'UNCHANGED', text: parts.slice(0, head).join(PARAGRAPH) });
    pieces.push({ kind: 'FOLDED', paragraphs: folded });
    if (tail > 0) pieces.push({ kind: 'UNCHANGED', text: parts.slice(parts.length - tail).join(PARAGRAPH) });
    return pieces;
  });
}
