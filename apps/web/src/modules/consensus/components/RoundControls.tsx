// Running a round (editors and leads): edit or open a draft, close an open round, start the next round from a closed
// one, download its results. Closing is confirmed first: it cannot be undone.
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { toProblem } from '../../../app/errors';
import { CloseRoundDocument, NextRoundDocument, OpenRoundDocument, WorkspaceRoundsDocument } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { useCurrentWorkspace } from '../../workspaces/hooks/useCurrentWorkspace';
import { roundHref } from '../consensus';
import type { RoundDetail } from '../hooks/useRoundDetail';
import { NewRoundForm } from './NewRoundForm';
import { ResultsCsvButton } from './ResultsCsvButton';

export function RoundControls({ round, onChanged }: { round: RoundDetail; onChanged: () => void }) {
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const [error, setError] = useState<string | undefined>();
  const [confirmClose, setConfirmClose] = useState(false);
  const [editing, setEditing] = useState(false);
  const refetchQueries = [WorkspaceRoundsDocument];
  const [open, opening] = useMutation(OpenRoundDocument, { refetchQueries });
  const [close, closing] = useMutation(CloseRoundDocument, { refetchQueries });
  const [next, starting] = useMutation(NextRoundDocument, { refetchQueries });
  const carried = round.items.filter((i) => i.result && (i.result.verdict === 'NO_CONSENSUS' || i.result.verdict === 'FAILED')).length;

  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(toProblem(e)?.message);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="round-controls-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="round-controls-heading">
          Run this round
        </Title>
        <FormError message={error} title="That did not work" />
        {round.status === 'DRAFT' && (
          <>
            <Text size="sm">Opening the round fixes its items and rule, records the current named version of the draft, and lets eligible members vote.</Text>
            {round.closesAt && new Date(round.closesAt).getTime() <= Date.now() && (
              <Text size="sm" fw={600}>
                Its closing time has passed: edit the draft to set a new one before opening it.
              </Text>
            )}
            <Group>
              <Button loading={opening.loading} onClick={() => void run(() => open({ variables: { id: round.id } }))}>
                Open the round now
              </Button>
              <Button variant="default" onClick={() => setEditing(true)}>
                Edit the draft
              </Button>
            </Group>
          </>
        )}
        {round.status === 'OPEN' && (
          <>
            <Text size="sm">
              {round.closesAt ? 'It closes by itself at its closing time, or you can close it now.' : 'It stays open until you close it.'} Closing fixes the verdicts and
              drafts a proposed decision for each item that reached consensus.
            </Text>
            <Group>
              <Button variant="default" onClick={() => setConfirmClose(true)}>
                Close the round now
              </Button>
            </Group>
          </>
        )}
        {round.status === 'CLOSED' && (
          <>
            <Text size="sm">
              {carried === 0
                ? 'Every item reached a verdict: there is nothing to carry into another round.'
                : `${carried} ${carried === 1 ? 'item has' : 'items have'} no consensus. A next round carries ${carried === 1 ? 'it' : 'them'} forward as a draft, and shows each voter the group's distribution and their own score from this round.`}
            </Text>
            <Group align="flex-start">
              {carried > 0 && (
                <Button
                  loading={starting.loading}
                  onClick={() =>
                    void run(async () => {
                      const result = await next({ variables: { id: round.id } });
                      const id = result.data?.nextRound.id;
                      if (id) void navigate(roundHref(workspace.id, id));
                    })
                  }
                >
                  Start round {round.number + 1}
                </Button>
              )}
              <ResultsCsvButton roundId={round.id} title={round.title} />
            </Group>
          </>
        )}
      </Stack>
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit the draft round" size="xl">
        {editing && (
          <NewRoundForm
            workspaceId={workspace.id}
            round={round}
            onCancel={() => setEditing(false)}
            onCreated={() => {
              setEditing(false);
              setError(undefined);
              onChanged();
            }}
          />
        )}
      </Modal>
      <Modal opened={confirmClose} onClose={() => setConfirmClose(false)} title="Close the round now?">
        <Stack gap="sm">
          <Text>
            Ballots can no longer be given or changed, results become visible to the group, and a proposed decision is drafted for each item that reached
            consensus. This cannot be undone.
          </Text>
          <Text size="sm">
            {round.votedCount} of {round.eligibleCount} eligible voters have voted.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmClose(false)} data-autofocus>
              Keep it open
            </Button>
            <Button
              color="danger"
              loading={closing.loading}
              onClick={() =>
                void run(async () => {
                  try {
                    await close({ variables: { id: round.id } });
                  } finally {
                    setConfirmClose(false);
                  }
                })
              }
            >
              Close the round
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
