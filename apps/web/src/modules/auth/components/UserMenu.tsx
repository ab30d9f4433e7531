import { Button, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
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
          <Menu.Item onClick={() => void signOut()}>Sign out</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ProfileModal opened={profileOpen} onClose={profile.close} />
    </>
  );
}
