// Leads only: the version's text becomes the live draft again, as a new change everyone sees.
import { useMutation } from '@apollo/client/react';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { toProblem } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { RestoreVersionDocument, type VersionSummaryFragment } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';

export function RestoreVersionButton({ version, onRestored }: { version: VersionSummaryFragment; onRestored: (version: VersionSummaryFragment) => void }) {
  const [opened, modal] = useDisclosure(false);
  const [restore, { loading, error, reset }] = useMutation(RestoreVersionDocument);

  const close = () => {
    reset();
    modal.close();
  };
  const confirm = async () => {
    const result = await restore({ variables: { versionId: version.id } }).catch(() => undefined);
    if (!result?.data) return;
    modal.close();
    onRestored(version);
  };

  return (
    <>
      <Button variant="outline" color="danger" size="xs" onClick={modal.open} aria-label={`Restore ${version.name}`}>
        Restore
      </Button>
      <Modal opened={opened} onClose={close} title={`Restore “${version.name}”?`}>
        <Stack>
          <FormError message={toProblem(error)?.message} title="The version was not restored" />
          <Text>
            The live draft will read as it did in “{version.name}” ({formatDateTime(version.createdAt)}).
          </Text>
          <List spacing="xs">
            <List.Item>It is a new change: everyone with the draft open sees the text change straight away.</List.Item>
            <List.Item>History is kept: this version and every other named version stay as they are.</List.Item>
            <List.Item>
              To be able to come back to the text as it is now, save it as a named version first.
            </List.Item>
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button color="danger" onClick={() => void confirm()} disabled={loading}>
              {loading ? 'Restoring…' : 'Restore this version'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
