import { Button, Group, NativeSelect } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useLocation, useNavigate } from 'react-router';
import type { WorkspaceSummaryFragment } from '../../../generated/graphql';
import { canOpenSection, sectionHref, SECTIONS } from '../sections';
import { NewWorkspaceModal } from './NewWorkspaceModal';

/** Picks the workspace; keeps the current section when the role there allows it. */
export function WorkspaceSwitcher({
  workspaces,
  currentId,
}: {
  workspaces: WorkspaceSummaryFragment[];
  currentId?: string;
}) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [creating, modal] = useDisclosure(false);

  const go = (id: string) => {
    const target = workspaces.find((w) => w.id === id);
    if (!target) return;
    const section = SECTIONS.find((s) => pathname.endsWith(`/${s.path}`));
    const path = section && canOpenSection(target.myRole, section.path) ? section.path : 'dashboard';
    void navigate(sectionHref(target.id, path));
  };

  return (
    <Group gap="xs" wrap="wrap">
      {workspaces.length > 0 && (
        <NativeSelect
          aria-label="Workspace"
          data={workspaces.map((w) => ({ value: w.id, label: w.name }))}
          value={currentId ?? ''}
          onChange={(e) => go(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
      )}
      <Button variant="subtle" onClick={modal.open}>
        New workspace
      </Button>
      <NewWorkspaceModal opened={creating} onClose={modal.close} />
    </Group>
  );
}
