// The Tiptap editor bound to an open draft: the shared schema, the Y.Doc as its content and history,
// and the others' carets from the provider's awareness.
import { useEffect, useMemo } from 'react';
import { Extension } from '@tiptap/core';
import { useEditor, type Editor } from '@tiptap/react';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { editorExtensions, FRAGMENT } from '@concord/editor-schema';
import type { CollabSession } from './collab-session';
import { renderCaret, renderSelection } from './carets';
import { focusToolbar } from './EditorToolbar';
import { AnnotationHighlights } from './annotation-highlights';

/** What the draft page does when a highlight is clicked or the comment shortcut is pressed. */
export interface AnnotationHooks {
  onSelect: { current: ((id: string) => void) | null };
  onComment: { current: (() => void) | null };
}

/** Ctrl+Alt+M opens the comment form on the selection (as in most word processors). */
export const COMMENT_SHORTCUT = { keys: 'Ctrl-Alt-m', label: 'Ctrl+Alt+M' } as const;

export interface CaretIdentity {
  id: string;
  name: string;
  color: string;
}

export const TOOLBAR_HINT_ID = 'draft-toolbar-hint';

// Alt+F10 from the text to the toolbar, as in most rich-text editors.
const ToolbarShortcut = Extension.create({
  name: 'toolbarShortcut',
  addKeyboardShortcuts: () => ({ 'Alt-F10': () => focusToolbar() }),
});

/** ARIA for the editable area: a named multi-line text box, read-only when the role or the server says so. */
export function textboxAttributes(label: string, editable: boolean, describedBy?: string): Record<string, string> {
  return {
    role: 'textbox',
    'aria-label': label,
    'aria-multiline': 'true',
    'aria-readonly': editable ? 'false' : 'true',
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    // A read-only ProseMirror is not focusable by itself; keyboard users still need to reach and scroll it.
    ...(editable ? {} : { tabindex: '0' }),
    class: 'concord-prose',
  };
}

/** Call from a component keyed by the session: the extensions hold the session's doc and provider. */
export function useLiveEditor(session: CollabSession, me: CaretIdentity, editable: boolean, annotations?: AnnotationHooks): Editor {
  const extensions = useMemo(
    () => [
      ...editorExtensions(),
      ToolbarShortcut,
      ...(annotations
        ? [
            AnnotationHighlights.configure({ ydoc: session.doc, onSelect: annotations.onSelect }),
            Extension.create({
              name: 'commentShortcut',
              addKeyboardShortcuts: () => ({
                [COMMENT_SHORTCUT.keys]: () => {
                  annotations.onComment.current?.();
                  return true;
                },
              }),
            }),
          ]
        : []),
      Collaboration.configure({ document: session.doc, field: FRAGMENT }),
      CollaborationCaret.configure({ provider: session.provider, user: me, render: renderCaret, selectionRender: renderSelection }),
    ],
    // The caret identity is read once; a later rename goes through updateUser below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session],
  );
  const editorProps = useMemo(() => ({ attributes: textboxAttributes('Draft text', editable, editable ? TOOLBAR_HINT_ID : undefined) }), [editable]);
  const editor = useEditor({ extensions, editable, editorProps });

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  const { id, name, color } = me;
  useEffect(() => {
    const current = session.provider.awareness.getLocalState()?.user as CaretIdentity | undefined;
    if (current && (current.name !== name || current.color !== color)) editor.commands.updateUser({ id, name, color });
  }, [editor, session, id, name, color]);

  return editor;
}
