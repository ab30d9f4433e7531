// Adds, changes or removes the link at the selection. Only web and email addresses are accepted.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { Editor } from '@tiptap/react';
import { normaliseHref } from './links';

export function LinkModal({ editor, opened, onClose }: { editor: Editor; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={editor.isActive('link') ? 'Edit link' : 'Add a link'}>
      {/* Mounted only while open, so the form starts from the link at the selection each time. */}
      {opened && <LinkForm editor={editor} onDone={onClose} />}
    </Modal>
  );
}

function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const existing = (editor.getAttributes('link').href as string | undefined) ?? '';
  const needsText = editor.state.selection.empty && !existing;
  const [address, setAddress] = useState(existing);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = normaliseHref(address);
    if (!href) {
      setProblem('Enter a web address like https://www.example.org, or an email address');
      return;
    }
    const chain = editor.chain().focus();
    if (needsText) {
      const label = text.trim() || address.trim();
      chain.insertContent({ type: 'text', text: label, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.extendMarkRange('link').setLink({ href }).run();
    }
    onDone();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Web or email address"
          description="For example, https://www.universitiesuk.ac.uk/ or name@example.org"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
          error={problem}
          data-autofocus
        />
        {needsText && (
          <TextInput
            label="Text to show (optional)"
            description="Without it, the address itself is shown."
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        )}
        <Group justify="space-between">
          {existing ? (
            <Button variant="outline" color="danger" onClick={remove}>
              Remove link
            </Button>
          ) : (
            <span />
          )}
          <Group>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit">Save link</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
