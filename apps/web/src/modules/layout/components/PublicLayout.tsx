// Layout of the pages outside a workspace (sign-in, invitation): a header with the product name and a narrow main.
import type { ReactNode } from 'react';
import { Box, Container, Text } from '@mantine/core';
import { Brand } from './Brand';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';

export function PublicLayout({ children, size = 480 }: { children: ReactNode; size?: number }) {
  return (
    <>
      <SkipLink />
      <Box component="header" bg="white" py="sm" style={{ borderBottom: '4px solid #005eb8' }}>
        <Container size="lg">
          <Brand />
        </Container>
      </Box>
      <Container
        component="main"
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        className="concord-main"
        size={size}
        py="xl"
      >
        {children}
      </Container>
      <Container component="footer" size="lg" py="md">
        <Text size="sm" c="dimmed">
          Concord: review and consensus for the working group on joint working for student mental health.
        </Text>
      </Container>
    </>
  );
}
