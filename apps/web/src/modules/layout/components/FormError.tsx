import { Alert } from '@mantine/core';

/** A message for a whole form, announced when it appears. */
export function FormError({ message, title = 'There is a problem' }: { message?: string; title?: string }) {
  if (!message) return null;
  return (
    <Alert color="danger" variant="light" title={title} role="alert">
      {message}
    </Alert>
  );
}
