// /w/:workspaceId/votes/:roundId/ballot: the viewer's ballot. Works with the keyboard alone: Tab from item
// to item, arrow keys or 1–9 to score, Tab to the reasons, Save; it can be changed until the round closes.
import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ROLE_LABELS } from '@concord/shared';
import { formatDateTime, withArticle } from '../app/format';
import { BallotForm } from '../modules/consensus/components/BallotForm';
import { RoundFrame, RoundNotFound } from '../modules/consensus/components/RoundFrame';
import { CHOICE_LABELS, describeEligibility, describeRule, mayVote, resultsHref } from '../modules/consensus/consensus';
import { useRoundDetail, type RoundDetail } from '../modules/consensus/hooks/useRoundDetail';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { QueryError } from '../modules/layout/components/QueryError';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function BallotPage() {
  const { roundId = '' } = useParams();
  const { round, loaded, error, reload } = useRoundDetail(roundId);
  useWorkspacePageTitle(round ? `Your ballot: ${round.title}` : 'Your ballot');
  if (error && !loaded) return <QueryError error={error} onRetry={() => void reload()} />;
  if (!loaded) return <InlineLoader label="Loading your ballot…" />;
  if (!round) return <RoundNotFound />;
  return (
    <RoundFrame round={round} page="ballot">
      <Ballot round={round} onSaved={() => void reload()} />
    </RoundFrame>
  );
}

function Ballot({ round, onSaved }: { round: RoundDetail; onSaved: () => void }) {
  const workspace = useCurrentWorkspace();
  const likert = round.scale === 'LIKERT_9';
  if (!mayVote(workspace.myRole)) {
    return <Alert color="concordBlue" variant="light" title="Observers do not vote">As {withArticle(ROLE_LABELS[workspace.myRole].toLowerCase())}, you can follow the round and read its results.</Alert>;
  }
  if (round.status === 'DRAFT') {
    return (
      <Alert color="concordBlue" variant="light" title="This round has not opened yet">
        {round.opensAt ? `It opens on ${formatDateTime(round.opensAt)}.` : 'A lead or editor will open it.'} Its items and rule are fixed when it opens.
      </Alert>
    );
  }
  if (round.status === 'CLOSED') {
    const mine = round.myBallot ?? [];
    return (
      <Stack gap="md">
        <Alert color="concordBlue" variant="light" title="This round has closed">
          <Stack gap="xs" align="flex-start">
            <Text>Ballots can no longer be changed.</Text>
            <Button component={Link} to={resultsHref(workspace.id, round.id)}>
              See the results
            </Button>
          </Stack>
        </Alert>
        <section aria-labelledby="closed-ballot-heading">
          <Text fw={700} id="closed-ballot-heading" mb="xs">
            What you gave
          </Text>
          {mine.length === 0 ? (
            <Text>You did not vote in this round.</Text>
          ) : (
            <List>
              {[...round.items]
                .sort((a, b) => a.position - b.position)
                .map((item) => {
                  const score = mine.find((s) => s.itemId === item.id);
                  const given = score ? (likert ? String(score.rating) : score.choice ? CHOICE_LABELS[score.choice] : '–') : 'not scored';
                  return (
                    <List.Item key={item.id}>
                      Item {item.position}, {item.criterion.statement}: <strong>{given}</strong>
                    </List.Item>
                  );
                })}
            </List>
          )}
        </section>
      </Stack>
    );
  }
  if (!round.canVote) {
    return (
      <Alert color="concordBlue" variant="light" title="You are not among this round's voters">
        {describeEligibility(round.eligibleRoles, round.eligibleSectors)} may vote in it. You can follow it and read its results.
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <Text maw={760}>
        {likert
          ? 'Rate how important each statement is as a criterion for models of good practice, from 1 (not important) to 9 (critical). Score the items you want to, '
          : 'Choose an option for each item you want to vote on, '}
        add your reasons if you like, then save. You can come back and change your ballot until the round closes.
        {round.anonymous ? ' This is a secret ballot: nobody, the lead included, can see how you voted.' : ''}
      </Text>
      <Text size="sm" maw={760}>
        <strong>With the keyboard:</strong>{' '}
        {likert ? 'Tab to an item’s scale and press a number from 1 to 9 (or use the arrow keys)' : 'Tab to an item’s options and choose with the arrow keys'}, Tab on to your
        reasons, and press Enter on “Save your ballot” when you are done.
      </Text>
      <Text size="sm" maw={760}>
        <strong>The rule:</strong> {describeRule(round.rule)}
        {likert ? ' To abstain on an item, leave it unscored.' : ''}{' '}
        <Anchor component={Link} to={resultsHref(workspace.id, round.id)} size="sm">
          {round.liveResults ? 'Live results' : 'Results'}
        </Anchor>
        {round.liveResults ? ' are visible while the round is open.' : ' appear when the round closes.'}
      </Text>
      <BallotForm key={round.id} round={round} onSaved={onSaved} />
    </Stack>
  );
}
