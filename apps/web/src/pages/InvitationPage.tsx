import { useQuery } from '@apollo/client/react';
import { Alert, Paper, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { InvitationPreviewDocument, MeDocument } from '../generated/graphql';
import { AcceptInvitationForm } from '../modules/invitations/components/AcceptInvitationForm';
import { InvitationProblem } from '../modules/invitations/components/InvitationProblem';
import { InvitationSummary } from '../modules/invitations/components/InvitationSummary';
import { FullPageLoader } from '../modules/layout/components/FullPageLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { PublicLayout } from '../modules/layout/components/PublicLayout';
import { usePageTitle } from '../modules/layout/hooks/usePageTitle';

export function InvitationPage() {
  usePageTitle('Invitation');
  const { token = '' } = useParams();
  const { data, error } = useQuery(InvitationPreviewDocument, { variables: { token }, fetchPolicy: 'network-only' });
  const me = useQuery(MeDocument).data?.me;

  if (!data && !error) return <FullPageLoader label="Checking your invitation…" />;
  return (
    <PublicLayout size={640}>
      {!data ? (
        <InvitationProblem error={error} />
      ) : (
        <>
          <PageHeader
            title={`Join ${data.invitation.workspaceName}`}
            intro="You have been invited to a Concord workspace, where the group drafts, reviews and agrees its guidance."
          />
          <Stack gap="lg">
            <InvitationSummary preview={data.invitation} />
            {me && me.email.toLowerCase() !== data.invitation.email.toLowerCase() && (
              <Alert color="warning" variant="light" title={`You are signed in as ${me.email}`}>
                This invitation is for {data.invitation.email}. Joining signs you in as that account instead.
              </Alert>
            )}
            <Paper withBorder p="lg" radius="md">
              <AcceptInvitationForm token={token} preview={data.invitation} />
            </Paper>
          </Stack>
        </>
      )}
    </PublicLayout>
  );
}
