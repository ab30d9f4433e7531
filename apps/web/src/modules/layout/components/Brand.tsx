import { Group, Text } from '@mantine/core';
import { Link } from 'react-router';

function Mark() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#005eb8" />
      <circle cx="12.5" cy="16" r="6.5" fill="none" stroke="#fff" strokeWidth="2.5" />
      <circle cx="19.5" cy="16" r="6.5" fill="none" stroke="#fff" strokeWidth="2.5" />
    </svg>
  );
}

/** The product name; a link home when `to` is given. */
export function Brand({ to }: { to?: string }) {
  const content = (
    <Group gap={8} wrap="nowrap">
      <Mark />
      <Text component="span" fw={700} fz="xl" c="#212b32">
        Concord
      </Text>
    </Group>
  );
  if (!to) return content;
  return (
    <Link to={to} style={{ textDecoration: 'none' }} aria-label="Concord, home">
      {content}
    </Link>
  );
}
