import type { ReactNode } from 'react';
import { ROLE_LABELS } from '@concord/shared';
import { withArticle } from '../../../app/format';
import { PageHeader } from '../../layout/components/PageHeader';
import { usePageTitle } from '../../layout/hooks/usePageTitle';
import { useCurrentWorkspace } from '../hooks/useCurrentWorkspace';
import { canOpenSection, SECTIONS, type SectionPath } from '../sections';

/** Renders a section only for roles that can use it (the nav hides it; this covers typed or old links). */
export function SectionGuard({ path, element }: { path: SectionPath; element: ReactNode }) {
  const workspace = useCurrentWorkspace();
  if (canOpenSection(workspace.myRole, path)) return element;
  return <NotForYourRole label={SECTIONS.find((s) => s.path === path)?.label ?? path} />;
}

function NotForYourRole({ label }: { label: string }) {
  const workspace = useCurrentWorkspace();
  usePageTitle(label, workspace.name);
  return (
    <PageHeader
      title={`${label} is not available to you`}
      intro={`As ${withArticle(ROLE_LABELS[workspace.myRole].toLowerCase())} in ${workspace.name}, you can use the Dashboard and the Drafts shared with your review rounds.`}
    />
  );
}
