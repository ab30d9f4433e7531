// The formatting toolbar: one Tab stop, arrow keys between buttons (WAI-ARIA toolbar pattern), Escape back
// to the text; Alt+F10 in the text comes here. Formatting buttons say whether they apply with aria-pressed.
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Divider, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEditorState, type Editor } from '@tiptap/react';
import { LinkModal } from './LinkModal';

export const TOOLBAR_ATTRIBUTE = 'data-draft-toolbar';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Meta' : 'Control';

interface Tool {
  key: string;
  /** Visible, and the button's accessible name. */
  label: ReactNode;
  pressed?: boolean;
  shortcut?: string;
  run: () => void;
  hasPopup?: boolean;
  /** A group boundary before this tool. */
  separated?: boolean;
}

/** Moves focus to the toolbar's current button (from the text, on Alt+F10). */
export function focusToolbar(): boolean {
  const target = document.querySelector<HTMLElement>(`[${TOOLBAR_ATTRIBUTE}] [tabindex="0"]`);
  target?.focus();
  return Boolean(target);
}

export function EditorToolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph') && !e.isActive('heading'),
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      table: e.isActive('table'),
    }),
  });
  const [linking, linkModal] = useDisclosure(false);
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const chain = () => editor.chain().focus();

  const tools: Tool[] = [
    { key: 'paragraph', label: 'Paragraph', pressed: state.paragraph, shortcut: `${MOD}+Alt+0`, run: () => chain().setParagraph().run() },
    ...([1, 2, 3] as const).map((level) => ({
      key: `h${level}`,
      label: `Heading ${level}`,
      pressed: state[`h${level}`],
      shortcut: `${MOD}+Alt+${level}`,
      run: () => chain().toggleHeading({ level }).run(),
    })),
    { key: 'bold', label: <strong>Bold</strong>, pressed: state.bold, shortcut: `${MOD}+B`, run: () => chain().toggleBold().run(), separated: true },
    { key: 'italic', label: <em>Italic</em>, pressed: state.italic, shortcut: `${MOD}+I`, run: () => chain().toggleItalic().run() },
    { key: 'link', label: state.link ? 'Edit link' : 'Link', run: linkModal.open, hasPopup: true },
    { key: 'bulletList', label: 'Bulleted list', pressed: state.bulletList, shortcut: `${MOD}+Shift+8`, run: () => chain().toggleBulletList().run(), separated: true },
    { key: 'orderedList', label: 'Numbered list', pressed: state.orderedList, shortcut: `${MOD}+Shift+7`, run: () => chain().toggleOrderedList().run() },
    { key: 'blockquote', label: 'Quote', pressed: state.blockquote, shortcut: `${MOD}+Shift+B`, run: () => chain().toggleBlockquote().run() },
    { key: 'table', label: 'Insert table', run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), separated: true },
    ...(state.table
      ? [
          { key: 'addRow', label: 'Add row', run: () => chain().addRowAfter().run() },
          { key: 'addColumn', label: 'Add column', run: () => chain().addColumnAfter().run() },
          { key: 'deleteRow', label: 'Delete row', run: () => chain().deleteRow().run() },
          { key: 'deleteColumn', label: 'Delete column', run: () => chain().deleteColumn().run() },
          { key: 'deleteTable', label: 'Delete table', run: () => chain().deleteTable().run() },
        ]
      : []),
  ];
  const active = Math.min(current, tools.length - 1);

  const move = (event: KeyboardEvent) => {
    const last = tools.length - 1;
    const next = { ArrowRight: active === last ? 0 : active + 1, ArrowLeft: active === 0 ? last : active - 1, Home: 0, End: last }[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    setCurrent(next);
    buttons.current[next]?.focus();
  };

  return (
    <>
      {/* The toolbar role carries the arrow-key handling for the buttons inside it. */}
      <Group
        role="toolbar"
        aria-label="Formatting"
        gap={4}
        wrap="wrap"
        onKeyDown={move}
        {...{ [TOOLBAR_ATTRIBUTE]: '' }}
      >
        {tools.map((tool, index) => (
          <Group key={tool.key} gap={4} wrap="nowrap">
            {tool.separated && <Divider orientation="vertical" mx={4} aria-hidden="true" />}
            <Button
              ref={(el) => {
                buttons.current[index] = el;
              }}
              size="compact-sm"
              variant={tool.pressed ? 'filled' : 'default'}
              tabIndex={index === active ? 0 : -1}
              aria-pressed={tool.pressed}
              aria-keyshortcuts={tool.shortcut}
              aria-haspopup={tool.hasPopup ? 'dialog' : undefined}
              onFocus={() => setCurrent(index)}
              onClick={tool.run}
            >
              {tool.label}
            </Button>
          </Group>
        ))}
      </Group>
      <LinkModal editor={editor} opened={linking} onClose={linkModal.close} />
    </>
  );
}
