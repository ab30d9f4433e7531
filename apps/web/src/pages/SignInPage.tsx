import { useQuery } from '@apollo/client/react';
import { Paper, Stack, Text } from '@mantine/core';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { MeDocument } from '../generated/graphql';
import { SignInForm } from '../modules/auth/components/SignInForm';
import { FullPageLoader } from '../modules/layout/components/FullPageLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { PublicLayout } from '../modules/layout/components/PublicLayout';
import { usePageTitle } from '../modules/layout/hooks/usePageTitle';

/** Only paths inside this app: an open redirect through ?next= would be a phishing aid. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export function SignInPage() {
  usePageTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const { data, error } = useQuery(MeDocument);

  if (data?.me) return <Navigate to={next} replace />;
  if (!data && !error) return <FullPageLoader />;
  return (
    <PublicLayout>
      <PageHeader title="Sign in to Concord" />
      <Paper withBorder p="xl" radius="md">
        <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
      </Paper>
      <Stack gap="xs" mt="lg">
        <Text>New to a workspace? Open the invitation link you were sent to join it.</Text>
        <Text size="sm" c="dimmed">
          Local demo? See the README for the demo accounts.
        </Text>
      </Stack>
    </PublicLayout>
  );
}
