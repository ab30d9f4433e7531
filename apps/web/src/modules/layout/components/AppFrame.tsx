// The signed-in frame: header (product, workspace switcher, user menu), optional section nav, main.
import type { ReactNode } from 'react';
import { AppShell, Box, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Brand } from './Brand';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';

interface AppFrameProps {
  /** Beside the product name: the workspace switcher. Shown in the nav too on narrow screens. */
  switcher: ReactNode;
  userMenu: ReactNode;
  /** The section nav; given a callback that closes the nav on narrow screens after a choice. */
  nav?: (close: () => void) => ReactNode;
  children: ReactNode;
}

export function AppFrame({ switcher, userMenu, nav, children }: AppFrameProps) {
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 64 }}
        navbar={nav ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
        padding="lg"
      >
        <AppShell.Header style={{ borderBottom: '4px solid #005eb8' }}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              {nav && (
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={opened ? 'Close navigation' : 'Open navigation'}
                  aria-expanded={opened}
                  aria-controls="section-nav"
                />
              )}
              <Brand to="/" />
              <Box visibleFrom="sm">{switcher}</Box>
            </Group>
            {userMenu}
          </Group>
        </AppShell.Header>
        {nav && (
          <AppShell.Navbar p="sm" id="section-nav" aria-label="Workspace sections">
            <Box hiddenFrom="sm" mb="sm">
              {switcher}
            </Box>
            {nav(close)}
          </AppShell.Navbar>
        )}
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} className="concord-main" bg="#f0f4f5">
          <Box maw={1100}>{children}</Box>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
