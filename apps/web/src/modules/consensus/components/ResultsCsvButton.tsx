// Downloads a round's results as CSV (one row per item and per sector; never a voter).
import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { Button, Stack } from '@mantine/core';
import { toProblem } from '../../../app/errors';
import { RoundResultsCsvDocument } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { download } from '../../reviews/reviews';
import { csvFileName } from '../consensus';

export function ResultsCsvButton({ roundId, title, size = 'sm' }: { roundId: string; title: string; size?: 'xs' | 'sm' }) {
  const client = useApolloClient();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const { data } = await client.query({ query: RoundResultsCsvDocument, variables: { roundId }, fetchPolicy: 'network-only' });
      const csv = data?.roundResultsCsv ?? '';
      if (!csv) setError('There are no results to download yet: they appear when the round closes.');
      else download(csv, csvFileName(title), 'text/csv');
    } catch (e) {
      setError(toProblem(e)?.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" size={size} loading={busy} onClick={() => void onClick()}>
        Download the results (CSV)
      </Button>
      <FormError message={error} title="The results could not be downloaded" />
    </Stack>
  );
}
