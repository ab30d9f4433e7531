import { Group, Loader, Text } from '@mantine/core';

export function InlineLoader({ label }: { label: string }) {
  return (
    <Group gap="xs" role="status" aria-live="polite" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text>{label}</Text>
    </Group>
  );
}
