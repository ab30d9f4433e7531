import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { toProblem } from '../../../app/errors';
import { RemoveMemberDocument, type MemberRowFragment } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';

export function RemoveMemberButton({ member, workspaceName }: { member: MemberRowFragment; workspaceName: string }) {
  const [opened, modal] = useDisclosure(false);
  const [remove, { loading, error, reset }] = useMutation(RemoveMemberDocument, {
    update(cache, { data }) {
      if (!data?.removeMember) return;
      cache.evict({ id: cache.identify({ __typename: 'Member', id: member.id }) });
      cache.gc();
    },
  });

  const close = () => {
    reset();
    modal.close();
  };
  const confirm = async () => {
    const result = await remove({ variables: { memberId: member.id } }).catch(() => undefined);
    if (result?.data?.removeMember) modal.close();
  };

  return (
    <>
      <Button variant="outline" color="danger" size="xs" onClick={modal.open} aria-label={`Remove ${member.user.name}`}>
        Remove
      </Button>
      <Modal opened={opened} onClose={close} title={`Remove ${member.user.name}?`}>
        <Stack>
          <FormError message={toProblem(error)?.message} title="Could not remove this member" />
          <Text>
            {member.user.name} ({member.user.email}) will lose access to {workspaceName} straight away. What they have
            already written, annotated or voted stays in the record. You can invite them again later.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button color="danger" onClick={() => void confirm()} disabled={loading}>
              {loading ? 'Removing…' : 'Remove member'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
