import { Alert, Button, Stack, Text } from '@mantine/core';
import { ErrorCode } from '@concord/shared';
import { toProblem } from '../../../app/errors';
import { PageHeader } from './PageHeader';
import { PublicLayout } from './PublicLayout';

function explain(error: unknown): { title: string; message: string } {
  const problem = toProblem(error);
  switch (problem?.code) {
    case ErrorCode.FORBIDDEN:
      return { title: 'Not available to your role', message: 'Your role in this workspace does not give access to this.' };
    case ErrorCode.NOT_FOUND:
      return { title: 'Not found', message: 'This does not exist, or you do not have access to it.' };
    case ErrorCode.UNAUTHENTICATED:
      return { title: 'Signed out', message: 'Your session has ended. Please sign in again.' };
    default:
      return { title: 'This could not be loaded', message: problem?.message ?? 'Something went wrong.' };
  }
}

/** An error from a query, in words; `standalone` when it is the whole page (it then brings the h1). */
export function QueryError({ error, onRetry, standalone }: { error: unknown; onRetry?: () => void; standalone?: boolean }) {
  const { title, message } = explain(error);
  const alert = (
    <Alert color="danger" variant="light" title={standalone ? undefined : title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text>{message}</Text>
        {onRetry && (
          <Button variant="default" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
  if (!standalone) return alert;
  return (
    <PublicLayout>
      <PageHeader title={title} />
      {alert}
    </PublicLayout>
  );
}
