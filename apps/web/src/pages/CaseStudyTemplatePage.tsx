import { useQuery } from '@apollo/client/react';
import { Role } from '@concord/shared';
import { CaseStudyTemplateDocument } from '../generated/graphql';
import { TemplateBuilder } from '../modules/case-studies/components/TemplateBuilder';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { QueryError } from '../modules/layout/components/QueryError';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function CaseStudyTemplatePage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Case-study template');
  const { data, error, refetch } = useQuery(CaseStudyTemplateDocument, { variables: { workspaceId: workspace.id } });
  const editor = workspace.myRole === Role.LEAD || workspace.myRole === Role.EDITOR;
  return (
    <>
      <PageHeader title="Case-study template" intro="The data the working group collects from each model of good practice, section by section." />
      {!editor ? (
        <p>Only editors and leads change the template.</p>
      ) : error && !data ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !data?.workspace ? (
        <InlineLoader label="Loading the template…" />
      ) : (
        <TemplateBuilder workspaceId={workspace.id} template={data.workspace.caseStudyTemplate} />
      )}
    </>
  );
}
