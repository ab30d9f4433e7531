import { useQuery } from '@apollo/client/react';
import { Anchor, Paper, Text } from '@mantine/core';
import { Role } from '@concord/shared';
import { plural } from '../app/format';
import { WorkspaceMembersDocument } from '../generated/graphql';
import { InvitationsTable } from '../modules/invitations/components/InvitationsTable';
import { InviteMemberForm } from '../modules/invitations/components/InviteMemberForm';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { QueryError } from '../modules/layout/components/QueryError';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { MembersBySector } from '../modules/members/components/MembersBySector';
import { MyMembershipForm } from '../modules/members/components/MyMembershipForm';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function MembersPage() {
  const current = useCurrentWorkspace();
  useWorkspacePageTitle('Members');
  const { data, error, refetch } = useQuery(WorkspaceMembersDocument, { variables: { workspaceId: current.id } });
  const workspace = data?.workspace;
  const isLead = (workspace?.myRole ?? current.myRole) === Role.LEAD;

  return (
    <>
      <PageHeader
        title="Members"
        intro={
          <>
            Everyone in this workspace, by sector: sector drives the cross-sector consensus rule and every breakdown.{' '}
            {isLead ? (
              <>
                As a lead you can change roles, remove members and{' '}
                <Anchor href="#invite-heading">invite someone</Anchor>.
              </>
            ) : (
              'Only a lead can invite people or change roles.'
            )}
          </>
        }
      />
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !workspace ? (
        <InlineLoader label="Loading members…" />
      ) : (
        <>
          <section aria-labelledby="people-heading">
            <SectionHeading id="people-heading">People ({workspace.members.length})</SectionHeading>
            <Text>{plural(workspace.members.length, 'member')} in {workspace.name}.</Text>
            <MembersBySector
              members={workspace.members}
              myMemberId={workspace.myMembership.id}
              canManage={isLead}
              workspaceName={workspace.name}
            />
          </section>
          {isLead && (
            <>
              <section aria-labelledby="invite-heading">
                <SectionHeading id="invite-heading">Invite a member</SectionHeading>
                <Paper withBorder p="lg" radius="md" maw={860}>
                  <InviteMemberForm workspaceId={workspace.id} />
                </Paper>
              </section>
              <section aria-labelledby="invitations-heading">
                <SectionHeading id="invitations-heading">Invitations</SectionHeading>
                <InvitationsTable workspaceId={workspace.id} />
              </section>
            </>
          )}
          <section aria-labelledby="membership-heading">
            <SectionHeading id="membership-heading">Your membership</SectionHeading>
            <Text mb="sm" maw={760}>
              Your organisation and sector in {workspace.name}. They show beside your contributions and place your votes
              in the sector breakdowns.
            </Text>
            <Paper withBorder p="lg" radius="md" maw={860}>
              <MyMembershipForm key={workspace.myMembership.id} workspaceId={workspace.id} me={workspace.myMembership} />
            </Paper>
          </section>
        </>
      )}
    </>
  );
}
