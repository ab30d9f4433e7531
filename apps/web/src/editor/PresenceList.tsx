// Who is in the draft: each person's caret colour beside their name, and where they are in words.
import { Box, Group, List, Text } from '@mantine/core';
import type { CollabSession } from './collab-session';
import { usePresence } from './usePresence';

/** `connected` false: the others are not known until the connection is back, so the list says so. */
export function PresenceList({ session, connected }: { session: CollabSession; connected: boolean }) {
  const people = usePresence(session);
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Text component="h2" fw={600} size="sm" id="presence-heading" m={0}>
        In this draft now ({people.length}):
      </Text>
      <List aria-labelledby="presence-heading" listStyleType="none" p={0} m={0} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {people.map((person) => (
          <List.Item key={person.key} data-person={person.name}>
            <Group gap={6} wrap="nowrap" px={8} py={2} bg="white" style={{ border: `2px solid ${person.colour}`, borderRadius: 16 }}>
              <Box component="span" w={10} h={10} bg={person.colour} style={{ borderRadius: '50%', flex: 'none' }} aria-hidden="true" />
              <Text component="span" size="sm">
                <Text component="span" fw={600} inherit>
                  {person.name}
                </Text>
                {person.isMe ? ' (you)' : ''}
                {!person.isMe && person.section ? (
                  <Text component="span" c="dimmed" inherit>
                    {' '}
                    — in {person.section}
                  </Text>
                ) : null}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
      {!connected && (
        <Text component="span" size="sm" c="dimmed">
          Others show here again when the connection is back.
        </Text>
      )}
    </Group>
  );
}
