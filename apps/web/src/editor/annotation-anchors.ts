// Between the editor's positions and the linear text that anchors read (@concord/editor-schema `linearText`):
// each run of text nodes in one parent is one Yjs text, runs are joined by one newline, and a block with no
// text adds nothing, exactly as the Y.Doc is read on the server.
import type { Node as PMNode } from '@tiptap/pm/model';
import { anchorFromOffsets, linearText, resolveAnchor, type LinearText } from '@concord/editor-schema';
import type * as Y from 'yjs';

interface Run {
  /** Where the run's first character is in the ProseMirror document. */
  pos: number;
  /** Where it is in the linear text. */
  offset: number;
  length: number;
}

export function textRuns(doc: PMNode): Run[] {
  const runs: Run[] = [];
  let offset = 0;
  const visit = (node: PMNode, start: number) => {
    let current: Run | null = null;
    node.forEach((child, childOffset) => {
      const pos = start + childOffset;
      if (child.isText) {
        const length = child.text?.length ?? 0;
        if (current) {
          current.length += length;
          offset += length;
        } else {
          if (runs.length > 0) offset += 1;
          current = { pos, offset, length };
          runs.push(current);
          offset += length;
        }
        return;
      }
      current = null;
      if (!child.isLeaf) visit(child, pos + 1);
    });
  };
  visit(doc, 0);
  return runs;
}

/** The linear offset of a document position (positions between blocks go to the nearest run after them). */
export function offsetAt(runs: Run[], pos: number, side: 'start' | 'end'): number | null {
  if (runs.length === 0) return null;
  if (side === 'start') {
    const run = runs.find((r) => pos < r.pos + r.length) ?? runs[runs.length - 1];
    return run.offset + Math.min(Math.max(pos - run.pos, 0), run.length);
  }
  let chosen: Run | null = null;
  for (const r of runs) if (r.pos < pos) chosen = r;
  if (!chosen) return runs[0].offset;
  return chosen.offset + Math.min(pos - chosen.pos, chosen.length);
}

/** The document position of a linear offset; an offset on a newline maps to the end of the run before it. */
export function posAt(runs: Run[], offset: number): number | null {
  for (const r of runs) if (offset >= r.offset && offset <= r.offset + r.length) return r.pos + (offset - r.offset);
  for (let i = runs.length - 1; i >= 0; i--) if (runs[i].offset + runs[i].length < offset) return runs[i].pos + runs[i].length;
  return null;
}

export interface SelectionAnchor {
  anchor: string;
  quote: string;
}

/** The anchor and quote of the editor's selection [from, to), or null when it holds no text. */
export function anchorSelection(ydoc: Y.Doc, pmDoc: PMNode, from: number, to: number): SelectionAnchor | null {
  const runs = textRuns(pmDoc);
  const start = offsetAt(runs, from, 'start');
  const end = offsetAt(runs, to, 'end');
  if (start === null || end === null || end <= start) return null;
  const linear = linearText(ydoc);
  if (end > linear.text.length) return null;
  const quote = linear.text.slice(start, end);
  if (!quote.trim()) return null;
  return { anchor: anchorFromOffsets(ydoc, start, end), quote };
}

/** Where an anchor's text is in the editor now; null when it cannot be found or its text was deleted. */
export function rangeOfAnchor(ydoc: Y.Doc, runs: Run[], anchor: string, linear: LinearText): { from: number; to: number } | null {
  const resolved = resolveAnchor(ydoc, anchor, linear);
  if (!resolved || resolved.end <= resolved.start) return null;
  const from = posAt(runs, resolved.start);
  const to = posAt(runs, resolved.end);
  if (from === null || to === null || to <= from) return null;
  return { from, to };
}

/** The selected range: the editor's own, or (in a read-only view that did not take it) the page's. */
export function selectedRange(view: { state: { selection: { from: number; to: number } }; dom: Element; posAtDOM: (node: Node, offset: number) => number }): { from: number; to: number } | null {
  const { from, to } = view.state.selection;
  if (from < to) return { from, to };
  const dom = window.getSelection();
  if (!dom || dom.isCollapsed || dom.rangeCount === 0) return null;
  const range = dom.getRangeAt(0);
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return null;
  const a = view.posAtDOM(range.startContainer, range.startOffset);
  const b = view.posAtDOM(range.endContainer, range.endOffset);
  return a < b ? { from: a, to: b } : null;
}
