import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { LIMITS, Sector } from '@concord/shared';
import { useNavigate } from 'react-router';
import { splitFieldErrors } from '../../../app/errors';
import { problems, requiredText } from '../../../app/validation';
import { CreateWorkspaceDocument, WorkspacesDocument } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { isSector, SECTOR_OPTIONS } from '../../members/options';
import { sectionHref } from '../sections';

const FIELDS = ['name', 'description', 'organisation', 'sector'] as const;

export function NewWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [sector, setSector] = useState<Sector>(Sector.HE);
  const [create, { loading, error, reset }] = useMutation(CreateWorkspaceDocument, {
    refetchQueries: [WorkspacesDocument],
    awaitRefetchQueries: true,
  });
  const [checked, setChecked] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const server = splitFieldErrors(error, FIELDS);
  const fieldErrors = { ...server.fieldErrors, ...checked };
  const formError = server.formError;

  const close = () => {
    reset();
    setChecked({});
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problems({
      name: requiredText(name, 'a name for the workspace'),
      organisation: requiredText(organisation, 'your organisation'),
    });
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    const result = await create({
      variables: {
        input: { name: name.trim(), description: description.trim() || null, organisation: organisation.trim(), sector },
      },
    }).catch(() => undefined);
    const created = result?.data?.createWorkspace;
    if (!created) return;
    setName('');
    setDescription('');
    close();
    void navigate(sectionHref(created.id, 'dashboard'));
  };

  return (
    <Modal opened={opened} onClose={close} title="New workspace" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={formError} />
          <TextInput
            label="Name"
            description="For example, the guidance or project the group is working on."
            maxLength={LIMITS.workspaceNameMax}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            data-autofocus
          />
          <Textarea
            label="Description (optional)"
            description="What the group is here to do, in a sentence or two."
            autosize
            minRows={2}
            maxLength={LIMITS.descriptionMax}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldErrors.description}
          />
          <TextInput
            label="Your organisation"
            maxLength={LIMITS.organisationMax}
            value={organisation}
            onChange={(e) => setOrganisation(e.currentTarget.value)}
            error={fieldErrors.organisation}
          />
          <NativeSelect
            label="Your sector"
            data={SECTOR_OPTIONS}
            value={sector}
            onChange={(e) => isSector(e.currentTarget.value) && setSector(e.currentTarget.value)}
            error={fieldErrors.sector}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={loading}>
              {loading ? 'Creating…' : 'Create workspace'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
