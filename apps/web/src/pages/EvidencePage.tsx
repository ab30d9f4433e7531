import { useQuery } from '@apollo/client/react';
import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { WorkspaceSourcesDocument } from '../generated/graphql';
import { CaseStudyMappings } from '../modules/evidence/components/CaseStudyMappings';
import { CoverageMatrix } from '../modules/evidence/components/CoverageMatrix';
import { EVIDENCE_MANAGERS, SourceList } from '../modules/evidence/components/SourceList';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function EvidencePage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Evidence');
  const { data } = useQuery(WorkspaceSourcesDocument, { variables: { workspaceId: workspace.id } });
  const documents = data?.workspace?.documents ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const documentId = chosen ?? documents[0]?.id ?? null;
  return (
    <>
      <PageHeader
        title="Evidence"
        intro="The literature the guidance is mapped against, the findings drawn from it, and how well each section of the guidance is covered for each recurring challenge."
      />
      <SectionHeading>Coverage of the guidance</SectionHeading>
      {documents.length > 1 && <Select label="Guidance document" data={documents.map((d) => ({ value: d.id, label: d.title }))} value={documentId} onChange={setChosen} mb="sm" allowDeselect={false} />}
      {documentId ? <CoverageMatrix workspaceId={workspace.id} documentId={documentId} /> : <Text>No guidance document yet.</Text>}
      <SectionHeading>Sources and findings</SectionHeading>
      <SourceList workspaceId={workspace.id} />
      <SectionHeading>Case studies in the guidance</SectionHeading>
      <CaseStudyMappings workspaceId={workspace.id} documents={documents} canManage={EVIDENCE_MANAGERS.includes(data?.workspace?.myRole ?? '')} />
    </>
  );
}
