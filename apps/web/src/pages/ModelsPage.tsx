import { Text } from '@mantine/core';
import { ComingNext } from '../modules/layout/components/ComingNext';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { ModelList } from '../modules/models/components/ModelList';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function ModelsPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Models');
  return (
    <>
      <PageHeader
        title="Models of good practice"
        intro="Joint services run by higher education providers and NHS partners that could become case studies in the guidance."
      />
      <ComingNext title="Assessment and case studies arrive with the models issue">
        <Text>
          Members will rate each model against the agreed criteria (met, partly met, not met or unknown) with a note on the
          evidence, so the strong candidates and the evidence gaps show at a glance. Each model can then fill in the
          case-study template: context, partners, referral pathway, outcomes, funding and transferability to small and
          specialist providers.
        </Text>
      </ComingNext>
      <SectionHeading>Candidate models</SectionHeading>
      <ModelList workspaceId={workspace.id} />
    </>
  );
}
