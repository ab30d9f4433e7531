import type { ReactNode } from 'react';
import { Title } from '@mantine/core';

/** A page's h2; `flush` drops its margins when it sits in a row with actions that space it. */
export function SectionHeading({ children, id, flush }: { children: ReactNode; id?: string; flush?: boolean }) {
  return (
    <Title order={2} size="h3" mt={flush ? 0 : 'xl'} mb={flush ? 0 : 'sm'} id={id}>
      {children}
    </Title>
  );
}
