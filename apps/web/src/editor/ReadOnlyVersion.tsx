// A named version shown read-only: its Yjs state applied to a Y.Doc of its own, in the editor's schema,
// with no provider (nothing is sent anywhere). Review rounds add highlights and the comment shortcut.
import './editor.css';
import { useMemo } from 'react';
import { Extension } from '@tiptap/core';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { Collaboration } from '@tiptap/extension-collaboration';
import { editorExtensions, FRAGMENT } from '@concord/editor-schema';
import * as Y from 'yjs';
import { AnnotationHighlights } from './annotation-highlights';
import { COMMENT_SHORTCUT, textboxAttributes, type AnnotationHooks } from './useLiveEditor';

function docFromBase64(state: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Uint8Array.from(atob(state), (c) => c.charCodeAt(0)));
  return doc;
}

/** The version's doc and a read-only editor on it; with `hooks`, highlights and Ctrl+Alt+M as well. */
export function useVersionEditor(state: string, label: string, hooks?: AnnotationHooks): { editor: Editor; doc: Y.Doc } {
  // No provider and no awareness, so nothing holds a timer: the doc goes with the component.
  const doc = useMemo(() => docFromBase64(state), [state]);
  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions(),
        Collaboration.configure({ document: doc, field: FRAGMENT }),
        ...(hooks
          ? [
              AnnotationHighlights.configure({ ydoc: doc, onSelect: hooks.onSelect }),
              Extension.create({
                name: 'commentShortcut',
                addKeyboardShortcuts: () => ({
                  [COMMENT_SHORTCUT.keys]: () => {
                    hooks.onComment.current?.();
                    return true;
                  },
                }),
              }),
            ]
          : []),
      ],
      editable: false,
      editorProps: { attributes: textboxAttributes(label, false) },
    },
    [doc, label],
  );
  return { editor, doc };
}

export function ReadOnlyVersion({ state, label }: { state: string; label: string }) {
  const { editor } = useVersionEditor(state, label);
  return <EditorContent editor={editor} className="concord-editor-surface" />;
}
