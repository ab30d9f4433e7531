import type { ReactNode } from 'react';
import { Title } from '@mantine/core';

export function SectionHeading({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <Title order={2} size="h3" mt="xl" mb="sm" id={id}>
      {children}
    </Title>
  );
}
