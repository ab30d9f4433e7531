// Declares an interest in a criterion: the member is recused from it (in this round and any other), and a
// score already given in an open round is withdrawn. The server records the statement.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { splitFieldErrors } from '../../../app/errors';
import { DeclareInterestDocument } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';

export interface InterestTarget {
  criterionId: string;
  statement: string;
  position: number;
}

export function DeclareInterestModal({ target, onClose, onDeclared }: { target: InterestTarget | null; onClose: () => void; onDeclared: (target: InterestTarget) => void }) {
  const [text, setText] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const [declare, { loading, error, reset }] = useMutation(DeclareInterestDocument);
  const { fieldErrors, formError } = splitFieldErrors(error, ['statement'] as const);

  const close = () => {
    setText('');
    setLocal(undefined);
    reset();
    onClose();
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    if (!text.trim()) {
      setLocal('Say what the interest is, for the record.');
      return;
    }
    setLocal(undefined);
    try {
      await declare({ variables: { criterionId: target.criterionId, statement: text.trim() } });
      setText('');
      onDeclared(target);
    } catch {
      // Shown from `error`.
    }
  }

  return (
    <Modal opened={target !== null} onClose={close} title={target ? `Declare an interest in item ${target.position}` : 'Declare an interest'} size="lg">
      {target && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack gap="sm">
            <Text fw={600}>{target.statement}</Text>
            <Text size="sm">
              A declared interest recuses you from this criterion in this round and in any later round: you will not be able to score it, and a score you
              have already given in an open round is withdrawn. The group sees results without names either way.
            </Text>
            <FormError message={formError} />
            <Textarea
              label="What is your interest?"
              description="For example: “I lead one of the services that would be assessed against this criterion.”"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={local ?? fieldErrors.statement}
              required
              autosize
              minRows={3}
              maxLength={2000}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={loading}>
                Declare the interest
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
