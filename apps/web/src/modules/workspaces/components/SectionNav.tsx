import { NavLink as MantineNavLink, Stack } from '@mantine/core';
import { NavLink, useLocation } from 'react-router';
import type { Role } from '@concord/shared';
import { sectionHref, sectionsFor } from '../sections';

/** The workspace's sections; React Router's NavLink marks the active one with aria-current="page". */
export function SectionNav({ workspaceId, role, onNavigate }: { workspaceId: string; role: Role; onNavigate?: () => void }) {
  const { pathname } = useLocation();
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {sectionsFor(role).map((section) => {
        const href = sectionHref(workspaceId, section.path);
        return (
          <li key={section.path}>
            <MantineNavLink
              component={NavLink}
              to={href}
              label={section.label}
              active={pathname === href || pathname.startsWith(`${href}/`)}
              onClick={onNavigate}
              fw={600}
            />
          </li>
        );
      })}
    </Stack>
  );
}
