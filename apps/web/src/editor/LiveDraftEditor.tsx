// The live editor's surface: a bar that stays in view with the toolbar (for those who can write) and the
// connection state, then the text.
import './editor.css';
import type { ReactNode } from 'react';
import { Group, Stack, Text } from '@mantine/core';
import { EditorContent, type Editor } from '@tiptap/react';
import { EditorToolbar } from './EditorToolbar';
import { TOOLBAR_HINT_ID } from './useLiveEditor';

export function LiveDraftEditor({ editor, editable, status }: { editor: Editor; editable: boolean; status: ReactNode }) {
  return (
    <Stack gap={0}>
      <Group className="concord-toolbar-bar" justify="space-between" align="center" gap="xs" wrap="wrap">
        {editable && <EditorToolbar editor={editor} />}
        {status}
      </Group>
      <EditorContent editor={editor} className="concord-editor-surface" />
      {editable && (
        <Text id={TOOLBAR_HINT_ID} size="sm" c="dimmed" mt="xs">
          Alt+F10 moves to the formatting toolbar and Esc comes back to the text. Undo with Ctrl+Z (⌘Z on a Mac).
        </Text>
      )}
    </Stack>
  );
}
