// /w/:workspaceId/votes/:roundId: a round's overview. Everyone sees its settings, items and turnout; voters
// find their ballot; editors and leads open, close, export and start the next round; leads see who voted.
import { Alert, Anchor, Button, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../app/format';
import { Participation } from '../modules/consensus/components/Participation';
import { RoundControls } from '../modules/consensus/components/RoundControls';
import { RoundFrame, RoundNotFound } from '../modules/consensus/components/RoundFrame';
import { ballotHref, describeEligibility, describeRule, resultsHref, roundHref, runsRounds, SCALE_LABELS, seesParticipation } from '../modules/consensus/consensus';
import { useAgreedOn } from '../modules/consensus/hooks/useAgreedOn';
import { useRoundDetail, type RoundDetail } from '../modules/consensus/hooks/useRoundDetail';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { QueryError } from '../modules/layout/components/QueryError';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function RoundPage() {
  const { roundId = '' } = useParams();
  const { round, loaded, error, reload } = useRoundDetail(roundId);
  useWorkspacePageTitle(round ? round.title : 'Round');
  if (error && !loaded) return <QueryError error={error} onRetry={() => void reload()} />;
  if (!loaded) return <InlineLoader label="Loading the round…" />;
  if (!round) return <RoundNotFound />;
  return (
    <RoundFrame round={round} page="overview">
      <Overview round={round} onChanged={() => void reload()} />
    </RoundFrame>
  );
}

function Overview({ round, onChanged }: { round: RoundDetail; onChanged: () => void }) {
  const workspace = useCurrentWorkspace();
  const manages = runsRounds(workspace.myRole);
  const resultsVisible = round.items.some((i) => i.result !== null);
  const agreedOn = useAgreedOn(workspace.id, round.documentVersionId);
  const items = [...round.items].sort((a, b) => a.position - b.position);
  return (
    <Stack gap="lg">
      {round.status === 'OPEN' && round.canVote && (
        <Alert color="concordBlue" variant="light" title="This round is open for your vote">
          <Stack gap="xs" align="flex-start">
            <Text>{(round.myBallot?.length ?? 0) > 0 ? `You have scored ${round.myBallot?.length} of ${round.items.length} items. You can change your ballot until the round closes.` : 'You have not voted yet.'}</Text>
            <Button component={Link} to={ballotHref(workspace.id, round.id)}>
              {(round.myBallot?.length ?? 0) > 0 ? 'Change your ballot' : 'Vote now'}
            </Button>
          </Stack>
        </Alert>
      )}
      {resultsVisible && (
        <Alert color="success" variant="light" title={round.status === 'CLOSED' ? 'The results are in' : 'Live results are on'}>
          <Button component={Link} to={resultsHref(workspace.id, round.id)} variant="default">
            See the results
          </Button>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: manages ? 7 : 12 }}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="round-settings-heading">
            <Title order={2} size="h4" id="round-settings-heading" mb="sm">
              How this round works
            </Title>
            <dl className="concord-facts">
              <dt>Scale</dt>
              <dd>{SCALE_LABELS[round.scale]}</dd>
              <dt>Rule</dt>
              <dd>
                {describeRule(round.rule)}
                {round.status === 'DRAFT' ? ' It is fixed when the round opens.' : ' Fixed when the round opened.'}
              </dd>
              <dt>Ballot</dt>
              <dd>{round.anonymous ? 'Secret: nobody, the lead included, can see who gave which score; sector cells with fewer than 3 voters are hidden.' : 'Not secret: results are still shown as aggregates.'}</dd>
              <dt>Who may vote</dt>
              <dd>
                {describeEligibility(round.eligibleRoles, round.eligibleSectors)} ({round.eligibleCount} {round.eligibleCount === 1 ? 'person' : 'people'})
              </dd>
              <dt>Results</dt>
              <dd>{round.liveResults ? 'Visible while the round is open (live)' : 'Visible once the round closes'}</dd>
              <dt>Opens</dt>
              <dd>{round.openedAt ? `Opened on ${formatDateTime(round.openedAt)}` : round.opensAt ? formatDateTime(round.opensAt) : 'When a lead or editor opens it'}</dd>
              <dt>Closes</dt>
              <dd>{round.closedAt ? `Closed on ${formatDateTime(round.closedAt)}` : round.closesAt ? formatDateTime(round.closesAt) : 'When a lead or editor closes it'}</dd>
              {round.status !== 'DRAFT' && (
                <>
                  <dt>Draft version</dt>
                  <dd>{agreedOn ? `“${agreedOn.versionName}” of ${agreedOn.documentTitle}` : round.documentVersionId ? 'A named version of the draft' : 'No named version existed when it opened'}</dd>
                </>
              )}
              {round.previousRoundId && (
                <>
                  <dt>Previous round</dt>
                  <dd>
                    <Anchor component={Link} to={roundHref(workspace.id, round.previousRoundId)}>
                      Round {round.number - 1}
                    </Anchor>
                    : its items without consensus are carried into this one.
                  </dd>
                </>
              )}
            </dl>
          </Paper>
        </Grid.Col>
        {manages && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <RoundControls round={round} onChanged={onChanged} />
          </Grid.Col>
        )}
      </Grid>
      {seesParticipation(workspace.myRole) && round.status !== 'DRAFT' && <Participation round={round} workspaceId={workspace.id} />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="round-items-heading">
        <Title order={2} size="h4" id="round-items-heading" mb="sm">
          Items ({items.length})
        </Title>
        <List type="ordered" spacing="xs">
          {items.map((item) => (
            <List.Item key={item.id}>
              <Group gap="xs" wrap="nowrap" align="baseline">
                <Text>{item.criterion.statement}</Text>
                {item.recused && (
                  <Text span size="sm" fw={700}>
                    (you are recused)
                  </Text>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      </Paper>
    </Stack>
  );
}
