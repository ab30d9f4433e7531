// A member proposes a criterion; it waits for an editor to accept it before it can go to a round.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { splitFieldErrors } from '../../../app/errors';
import { ProposeCriterionDocument, WorkspaceCriteriaDocument } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';

const FIELDS = ['statement', 'rationale'] as const;

export function ProposeCriterionForm({ workspaceId }: { workspaceId: string }) {
  const [statement, setStatement] = useState('');
  const [rationale, setRationale] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const [done, setDone] = useState('');
  const [propose, { loading, error }] = useMutation(ProposeCriterionDocument, { refetchQueries: [WorkspaceCriteriaDocument] });
  const { fieldErrors, formError } = splitFieldErrors(error, FIELDS);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone('');
    if (!statement.trim()) {
      setLocal('Write the criterion as a statement a model could meet.');
      return;
    }
    setLocal(undefined);
    try {
      await propose({ variables: { input: { workspaceId, statement: statement.trim(), rationale: rationale.trim() || null } } });
      setDone(`Proposed: “${statement.trim()}”. An editor will consider it for the next round.`);
      setStatement('');
      setRationale('');
    } catch {
      // Shown from `error`.
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={(e: FormEvent) => void onSubmit(e)} noValidate aria-labelledby="propose-criterion-heading" maw={760}>
      <Stack gap="sm">
        <Title order={3} size="h4" id="propose-criterion-heading">
          Propose a criterion
        </Title>
        <FormError message={formError} />
        <Textarea label="Criterion" description="A statement that models of good practice could meet." value={statement} onChange={(e) => setStatement(e.currentTarget.value)} error={local ?? fieldErrors.statement} required autosize minRows={2} maxLength={1000} />
        <Textarea label="Why it matters (optional)" value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} error={fieldErrors.rationale} autosize minRows={2} maxLength={2000} />
        <Group>
          <Button type="submit" loading={loading}>
            Propose the criterion
          </Button>
        </Group>
        <Text size="sm" role="status" aria-live="polite">
          {done}
        </Text>
      </Stack>
    </Paper>
  );
}
