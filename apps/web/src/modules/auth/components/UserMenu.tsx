import { Button, Group, Menu, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { hasPendingEdits } from '../../../editor/local-copies';
import { useSignOut } from '../hooks/useSignOut';
import { useViewer } from '../hooks/useViewer';
import { ProfileModal } from './ProfileModal';

function Chevron() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

export function UserMenu() {
  const viewer = useViewer();
  const signOut = useSignOut();
  const [profileOpen, profile] = useDisclosure(false);
  const [confirmOpen, confirm] = useDisclosure(false);
  // Signing out deletes the drafts' offline copies: say so first when they hold edits the server lacks.
  const requestSignOut = () => (hasPendingEdits() ? confirm.open() : void signOut());
  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md">
        <Menu.Target>
          <Button variant="default" rightSection={<Chevron />} aria-label={`${viewer.name}: account menu`}>
            <Text component="span" truncate maw={180} fw={600} size="sm">
              {viewer.name}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text component="span" size="sm" c="dimmed">
              Signed in as {viewer.email}
            </Text>
          </Menu.Label>
          <Menu.Item onClick={profile.open}>Profile</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={requestSignOut}>Sign out</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ProfileModal opened={profileOpen} onClose={profile.close} />
      <Modal opened={confirmOpen} onClose={confirm.close} title="Edits not saved yet">
        <Text mb="md">
          Some of your edits have not reached the server yet: you are offline or still reconnecting. Signing out
          deletes this browser&apos;s copy of the drafts, and those edits with it. Stay signed in until the draft
          shows &ldquo;Saved&rdquo; to keep them.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={confirm.close} data-autofocus>
            Stay signed in
          </Button>
          <Button color="danger" onClick={() => (confirm.close(), void signOut())}>
            Sign out and discard them
          </Button>
        </Group>
      </Modal>
    </>
  );
}
