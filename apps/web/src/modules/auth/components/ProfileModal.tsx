import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { LIMITS } from '@concord/shared';
import { splitFieldErrors } from '../../../app/errors';
import { requiredText } from '../../../app/validation';
import { UpdateProfileDocument } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { useViewer } from '../hooks/useViewer';

/** Edit the signed-in user's name. Organisation and sector are per workspace: see Members. */
export function ProfileModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const viewer = useViewer();
  return (
    <Modal opened={opened} onClose={onClose} title="Your profile">
      {/* Mounted only while open, so the form starts from the current name each time. */}
      {opened && <ProfileForm key={viewer.id} name={viewer.name} email={viewer.email} onDone={onClose} />}
    </Modal>
  );
}

function ProfileForm({ name: initial, email, onDone }: { name: string; email: string; onDone: () => void }) {
  const [name, setName] = useState(initial);
  const [checked, setChecked] = useState<string>();
  const [update, { loading, error }] = useMutation(UpdateProfileDocument);
  const server = splitFieldErrors(error, ['name'] as const);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = requiredText(name, 'your name');
    setChecked(problem);
    if (problem) return;
    const result = await update({ variables: { input: { name: name.trim() } } }).catch(() => undefined);
    if (result?.data) onDone();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={server.formError} />
        <TextInput
          label="Name"
          description="Shown to the other members of your workspaces."
          maxLength={LIMITS.nameMax}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={checked ?? server.fieldErrors.name}
          autoComplete="name"
          data-autofocus
        />
        <div>
          <Text fw={600} size="sm">
            Email
          </Text>
          <Text size="sm">{email}</Text>
        </div>
        <Text size="sm" c="dimmed">
          Your organisation and sector are set per workspace, on its Members page.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={loading}>
            {loading ? 'Saving…' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
