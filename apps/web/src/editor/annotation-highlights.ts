// Highlights the annotated text: one inline decoration per open thread, its kind in `data-kind` (styled with
// a different underline per kind, not only a colour), the selected thread marked. Recomputed from the Y.Doc
// when the threads or the selection change and after each settled update of the doc; mapped in between.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Editor } from '@tiptap/react';
import { linearText } from '@concord/editor-schema';
import type * as Y from 'yjs';
import { rangeOfAnchor, textRuns } from './annotation-anchors';

export interface HighlightedThread {
  id: string;
  anchor: string;
  kind: string;
}

interface Highlights {
  threads: HighlightedThread[];
  selectedId: string | null;
}

export const annotationHighlightsKey = new PluginKey<DecorationSet>('annotationHighlights');

export interface AnnotationHighlightsOptions {
  ydoc: Y.Doc | null;
  /** Called with the thread's id when its highlight is clicked. */
  onSelect: { current: ((id: string) => void) | null };
}

export const AnnotationHighlights = Extension.create<AnnotationHighlightsOptions>({
  name: 'annotationHighlights',
  addOptions: () => ({ ydoc: null, onSelect: { current: null } }),
  addProseMirrorPlugins() {
    const { ydoc, onSelect } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: annotationHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(annotationHighlightsKey) as Highlights | undefined;
            if (next && ydoc) return decorate(tr.doc, ydoc, next);
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => annotationHighlightsKey.getState(state),
          handleClick(_view, _pos, event) {
            const target = event.target instanceof Element ? event.target.closest('[data-annotation-id]') : null;
            const id = target?.getAttribute('data-annotation-id');
            if (id) onSelect.current?.(id);
            return false;
          },
        },
      }),
    ];
  },
});

function decorate(doc: Parameters<typeof textRuns>[0], ydoc: Y.Doc, { threads, selectedId }: Highlights): DecorationSet {
  const runs = textRuns(doc);
  const linear = linearText(ydoc);
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = rangeOfAnchor(ydoc, runs, thread.anchor, linear);
    if (!range) continue;
    const selected = thread.id === selectedId;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: `concord-annotation${selected ? ' concord-annotation--selected' : ''}`,
        'data-kind': thread.kind.toLowerCase(),
        'data-annotation-id': thread.id,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** Sends the threads to highlight to the editor (after the Y.Doc and the editor agree). */
export function showHighlights(editor: Editor, threads: HighlightedThread[], selectedId: string | null): void {
  if (editor.isDestroyed) return;
  const tr = editor.state.tr.setMeta(annotationHighlightsKey, { threads, selectedId } satisfies Highlights).setMeta('addToHistory', false);
  editor.view.dispatch(tr);
}
