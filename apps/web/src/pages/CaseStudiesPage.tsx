import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Role } from '@concord/shared';
import { formatDate } from '../app/format';
import { CaseStudyListDocument, CaseStudyOverviewDocument } from '../generated/graphql';
import { InviteContactForm } from '../modules/case-studies/components/InviteContactForm';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { QueryError } from '../modules/layout/components/QueryError';
import { STATUS_COLOURS, STATUS_LABELS } from '../modules/models/labels';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function CaseStudiesPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Case studies');
  if (workspace.myRole === Role.REVIEWER) return <ContactCaseStudies workspaceId={workspace.id} />;
  return <AllCaseStudies workspaceId={workspace.id} editor={workspace.myRole === Role.LEAD || workspace.myRole === Role.EDITOR} />;
}

/** A model's contact sees the case studies they were invited to fill in, and nothing else. */
function ContactCaseStudies({ workspaceId }: { workspaceId: string }) {
  const { data, error, refetch } = useQuery(CaseStudyOverviewDocument, { variables: { workspaceId } });
  return (
    <>
      <PageHeader title="Your case studies" intro="The models of good practice you were invited to describe with the working group's case-study template." />
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !data?.workspace ? (
        <InlineLoader label="Loading…" />
      ) : data.workspace.myCaseStudyModels.length === 0 ? (
        <Text>You have not been invited to fill in a case study.</Text>
      ) : (
        <Stack component="ul" p={0} style={{ listStyle: 'none' }}>
          {data.workspace.myCaseStudyModels.map((m) => (
            <Group component="li" key={m.id}>
              <Anchor component={Link} to={`/w/${workspaceId}/case-studies/${m.id}`} fw={600}>
                {m.name}
              </Anchor>
              <Badge color={m.caseStudy ? STATUS_COLOURS[m.caseStudy.status] : 'neutral'} variant="light">
                {m.caseStudy ? STATUS_LABELS[m.caseStudy.status] : 'Not started'}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </>
  );
}

function AllCaseStudies({ workspaceId, editor }: { workspaceId: string; editor: boolean }) {
  const { data, error, refetch } = useQuery(CaseStudyListDocument, { variables: { workspaceId } });
  const [inviting, setInviting] = useState<{ id: string; name: string } | null>(null);
  return (
    <>
      <PageHeader title="Case studies" intro="Each candidate model describes itself with the working group's case-study template: saved as a draft, then submitted. Editors can return a submission with a comment." />
      {editor && (
        <Group mb="md">
          <Button component={Link} to={`/w/${workspaceId}/case-studies/template`}>
            Edit the template
          </Button>
        </Group>
      )}
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !data?.workspace ? (
        <InlineLoader label="Loading case studies…" />
      ) : (
        <>
          <Text size="sm" mb="sm">
            {data.workspace.caseStudyTemplate ? `Template version ${data.workspace.caseStudyTemplate.version} is current.` : 'There is no template yet.'}
          </Text>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Model</Table.Th>
                <Table.Th scope="col">Case study</Table.Th>
                <Table.Th scope="col">Contacts</Table.Th>
                {editor && <Table.Th scope="col">Invite</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.workspace.models.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/w/${workspaceId}/case-studies/${m.id}`}>
                      {m.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    {m.caseStudy ? (
                      <Group gap="xs">
                        <Badge color={STATUS_COLOURS[m.caseStudy.status]} variant="light">
                          {STATUS_LABELS[m.caseStudy.status]}
                        </Badge>
                        <Text size="xs">
                          v{m.caseStudy.template.version}
                          {m.caseStudy.submittedAt ? `, ${formatDate(m.caseStudy.submittedAt)}` : ''}
                        </Text>
                      </Group>
                    ) : (
                      <Text size="sm">Not started</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.contacts.map((c) => c.name).join(', ') || '—'}</Text>
                  </Table.Td>
                  {editor && (
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => setInviting({ id: m.id, name: m.name })} aria-label={`Invite contact for ${m.name}`}>
                        Invite contact
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Modal opened={!!inviting} onClose={() => setInviting(null)} title={inviting ? `Invite a contact for ${inviting.name}` : ''} size="lg">
        {inviting && <InviteContactForm modelId={inviting.id} />}
      </Modal>
    </>
  );
}
