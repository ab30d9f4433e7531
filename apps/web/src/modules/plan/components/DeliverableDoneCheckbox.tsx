// Ticks a deliverable done or open again; disabled (with the reason) for someone who may not.
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Checkbox } from '@mantine/core';
import { toProblem } from '../../../app/errors';
import { SetDeliverableDoneDocument, WorkspacePlanDocument } from '../../../generated/graphql';

interface Props {
  deliverable: { id: string; title: string; done: boolean };
  allowed: boolean;
  onError?: (message: string | undefined) => void;
}

export function DeliverableDoneCheckbox({ deliverable, allowed, onError }: Props) {
  const [setDone] = useMutation(SetDeliverableDoneDocument, {
    // The milestone's status and reason are computed on the server: read them again.
    refetchQueries: [WorkspacePlanDocument],
    awaitRefetchQueries: true,
  });
  // Ticks at once; the server's answer (and the milestone's new status) follows, or the tick goes back.
  const [pending, setPending] = useState<boolean | null>(null);
  async function toggle(done: boolean) {
    onError?.(undefined);
    setPending(done);
    try {
      await setDone({ variables: { id: deliverable.id, done } });
    } catch (error) {
      onError?.(toProblem(error)?.message ?? 'The deliverable could not be changed.');
    } finally {
      setPending(null);
    }
  }
  return (
    <Checkbox
      checked={pending ?? deliverable.done}
      disabled={!allowed}
      onChange={(e) => void toggle(e.currentTarget.checked)}
      aria-label={`Done: ${deliverable.title}`}
      title={allowed ? undefined : 'Only its owner or a lead can tick this deliverable'}
    />
  );
}
