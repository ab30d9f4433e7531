// Editors and leads name the draft as it is now: "Draft for stakeholders", "Draft for Taskforce 19 April".
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { splitFieldErrors } from '../../../app/errors';
import { requiredText } from '../../../app/validation';
import { CreateVersionDocument, DraftDocumentDocument, type VersionSummaryFragment } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { DOCUMENT_LIMITS } from '../documents';

interface SaveVersionModalProps {
  documentId: string;
  opened: boolean;
  onClose: () => void;
  onSaved: (version: VersionSummaryFragment) => void;
  /** False while the draft is not connected: the server's copy may lack this browser's latest edits. */
  upToDate: boolean;
}

export function SaveVersionModal({ opened, onClose, ...rest }: SaveVersionModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Save a named version">
      {opened && <SaveVersionForm onClose={onClose} {...rest} />}
    </Modal>
  );
}

function SaveVersionForm({ documentId, onClose, onSaved, upToDate }: Omit<SaveVersionModalProps, 'opened'>) {
  const [name, setName] = useState('');
  const [checked, setChecked] = useState<string>();
  const [create, { loading, error }] = useMutation(CreateVersionDocument, { refetchQueries: [DraftDocumentDocument], awaitRefetchQueries: true });
  const server = splitFieldErrors(error, ['name'] as const);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = requiredText(name, 'a name for the version');
    setChecked(problem);
    if (problem) return;
    const result = await create({ variables: { documentId, name: name.trim() } }).catch(() => undefined);
    const saved = result?.data?.createVersion;
    if (!saved) return;
    onSaved(saved);
    onClose();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={server.formError} title="The version was not saved" />
        {!upToDate && (
          <Alert color="warning" variant="light" title="This draft is not connected">
            The version is made from the copy on the server, which does not have the changes you made while offline
            yet. Wait for “Saved” to include them.
          </Alert>
        )}
        <TextInput
          label="Name"
          description="For example, “Draft for stakeholders” or “Draft for Taskforce 19 April”. The version keeps the text as it is now, read-only."
          maxLength={DOCUMENT_LIMITS.versionNameMax}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={checked ?? server.fieldErrors.name}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={loading}>
            {loading ? 'Saving…' : 'Save version'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
