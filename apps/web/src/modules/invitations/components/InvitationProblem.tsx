import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorCode, INVITATION_TTL_DAYS } from '@concord/shared';
import { toProblem } from '../../../app/errors';
import { PageHeader } from '../../layout/components/PageHeader';

function explain(error: unknown): { title: string; body: string; signIn?: boolean } {
  const problem = toProblem(error);
  if (problem?.code === ErrorCode.NOT_FOUND) {
    return {
      title: 'This invitation link is not valid',
      body: 'Check that you copied the whole link from the message you were sent. If it still does not work, ask the person who invited you for a new link.',
    };
  }
  if (problem?.code === ErrorCode.CONFLICT) {
    switch (problem.reason) {
      case 'EXPIRED':
        return {
          title: 'This invitation has expired',
          body: `Invitation links work for ${INVITATION_TTL_DAYS} days. Ask the workspace lead who invited you to send a new one.`,
        };
      case 'USED':
        return {
          title: 'This invitation has already been used',
          body: 'Each invitation link works once. If you accepted it, sign in to reach the workspace. If not, ask the workspace lead for a new link.',
          signIn: true,
        };
      case 'REVOKED':
        return {
          title: 'This invitation was withdrawn',
          body: 'A lead of the workspace revoked this invitation. If you think that was a mistake, ask them for a new link.',
        };
    }
  }
  return { title: 'This invitation cannot be opened', body: problem?.message ?? 'Something went wrong. Please try again.' };
}

/** Why an invitation link does not work, in words, and what to do about it. */
export function InvitationProblem({ error }: { error: unknown }) {
  const { title, body, signIn } = explain(error);
  return (
    <>
      <PageHeader title={title} />
      <Stack>
        <Alert color="danger" variant="light" role="alert">
          <Text>{body}</Text>
        </Alert>
        <Text>
          {signIn ? 'Already have an account? ' : 'Already a member of Concord? '}
          <Anchor component={Link} to="/sign-in">
            Sign in
          </Anchor>
        </Text>
      </Stack>
    </>
  );
}
