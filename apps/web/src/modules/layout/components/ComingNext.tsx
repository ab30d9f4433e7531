import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';

/** What a section will hold once its issue lands: a plain description, never a "TODO". */
export function ComingNext({ title = 'What this section will hold', children }: { title?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" bg="white" style={{ borderLeft: '6px solid #005eb8' }}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text component="div">{children}</Text>
      </Stack>
    </Paper>
  );
}
