import { useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Role } from '@concord/shared';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { AssessmentMatrix } from '../modules/models/components/AssessmentMatrix';
import { ModelList } from '../modules/models/components/ModelList';
import { NewModelForm } from '../modules/models/components/NewModelForm';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function ModelsPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Models');
  const [adding, setAdding] = useState(false);
  const editor = workspace.myRole === Role.LEAD || workspace.myRole === Role.EDITOR;
  const rater = editor || workspace.myRole === Role.MEMBER;
  return (
    <>
      <PageHeader
        title="Models of good practice"
        intro="Joint services run by higher education providers and NHS partners that could become case studies in the guidance. Members rate each against the criteria; the matrix shows the strong candidates and the evidence gaps."
      />
      <SectionHeading>Assessment matrix</SectionHeading>
      <Text size="sm" mb="sm">
        {rater ? 'Choose a cell to see the ratings and give yours.' : 'Choose a cell to see the ratings.'} Colours follow the majority view; every cell also says it in words.
      </Text>
      <AssessmentMatrix workspaceId={workspace.id} canRate={rater} />
      <Group justify="space-between" mt="xl" align="flex-end">
        <SectionHeading flush>Candidate models</SectionHeading>
        <Group>
          <Button component={Link} to={`/w/${workspace.id}/case-studies`} variant="default">
            Case studies
          </Button>
          {editor && <Button onClick={() => setAdding(true)}>Add a model</Button>}
        </Group>
      </Group>
      <ModelList workspaceId={workspace.id} canEdit={editor} />
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a candidate model" size="lg">
        <NewModelForm workspaceId={workspace.id} onDone={() => setAdding(false)} />
      </Modal>
    </>
  );
}
