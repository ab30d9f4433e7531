// The draft's connection in words, with a symbol as well as a colour, announced politely when it changes.
import { Button, Group, Text } from '@mantine/core';
import type { CollabSession } from './collab-session';
import { describeConnection, type ConnectionState } from './connection';

export function ConnectionStatus({ session, state, readOnly }: { session: CollabSession; state: ConnectionState; readOnly: boolean }) {
  const shown = describeConnection(state, readOnly);
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Group gap={6} wrap="nowrap" role="status" aria-live="polite" aria-atomic="true" data-connection={state.kind}>
        <Text component="span" fw={700} c={shown.colour} aria-hidden="true" w="1.2em" ta="center">
          {shown.symbol}
        </Text>
        <Text component="span" fw={600} c={shown.colour}>
          {shown.text}
        </Text>
        {shown.detail && (
          <Text component="span" size="sm">
            {shown.detail}
          </Text>
        )}
      </Group>
      {shown.retry && (
        <Button size="compact-sm" variant="default" onClick={session.retry}>
          Try again
        </Button>
      )}
    </Group>
  );
}
