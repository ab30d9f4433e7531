// /w/:workspaceId/votes/:roundId/results: a round's results, after close (or live when the round says so):
// an overview table of verdicts, then per item its chart, statistics, sector breakdown and change.
import { Alert, Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatNumber, percent, describeRule, resultsHref, VERDICT_LABELS } from '../modules/consensus/consensus';
import { ItemResultCard } from '../modules/consensus/components/ItemResultCard';
import { ResultsCsvButton } from '../modules/consensus/components/ResultsCsvButton';
import { RoundFrame, RoundNotFound } from '../modules/consensus/components/RoundFrame';
import { useAgreedOn } from '../modules/consensus/hooks/useAgreedOn';
import { useRoundDecisions } from '../modules/consensus/hooks/useRoundDecisions';
import { useRoundDetail, type RoundDetail } from '../modules/consensus/hooks/useRoundDetail';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { QueryError } from '../modules/layout/components/QueryError';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function RoundResultsPage() {
  const { roundId = '' } = useParams();
  const { round, loaded, error, reload } = useRoundDetail(roundId);
  useWorkspacePageTitle(round ? `Results: ${round.title}` : 'Results');
  if (error && !loaded) return <QueryError error={error} onRetry={() => void reload()} />;
  if (!loaded) return <InlineLoader label="Loading the results…" />;
  if (!round) return <RoundNotFound />;
  return (
    <RoundFrame round={round} page="results">
      <Results round={round} />
    </RoundFrame>
  );
}

function Results({ round }: { round: RoundDetail }) {
  const workspace = useCurrentWorkspace();
  const agreedOn = useAgreedOn(workspace.id, round.documentVersionId);
  const decisions = useRoundDecisions(workspace.id, round.status === 'CLOSED');
  const items = [...round.items].sort((a, b) => a.position - b.position);
  const visible = items.some((i) => i.result !== null);
  const likert = round.scale === 'LIKERT_9';
  if (!visible) {
    return (
      <Alert color="concordBlue" variant="light" title={round.status === 'DRAFT' ? 'This round has not opened yet' : 'Results appear when the round closes'}>
        {round.status === 'OPEN'
          ? `So far ${round.votedCount} of ${round.eligibleCount} eligible voters have voted. Nobody, the lead included, sees the results before the round closes.`
          : 'Its items and rule are fixed when it opens.'}
      </Alert>
    );
  }
  const response = round.eligibleCount === 0 ? null : round.votedCount / round.eligibleCount;
  return (
    <Stack gap="lg">
      {round.status === 'OPEN' && (
        <Alert color="warning" variant="light" title="Live results">
          This round is still open: these results change as ballots arrive, and the verdicts are not final until it closes.
        </Alert>
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="results-summary-heading">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <Title order={2} size="h4" id="results-summary-heading">
              Summary
            </Title>
            <ResultsCsvButton roundId={round.id} title={round.title} />
          </Group>
          <Text>
            {round.votedCount} of {round.eligibleCount} eligible voters took part{response === null ? '' : ` (a response rate of ${percent(response)})`}.
            {round.anonymous ? ' A secret ballot: results are aggregates, reasons are shown without names, and a sector with fewer than 3 voters is hidden.' : ''}
          </Text>
          <Text>
            <strong>The rule, fixed when the round opened:</strong> {describeRule(round.rule)}
          </Text>
          {round.previousRoundId && (
            <Text size="sm">
              This round carried forward the items without consensus from{' '}
              <Anchor component={Link} to={resultsHref(workspace.id, round.previousRoundId)}>
                round {round.number - 1}
              </Anchor>
              .
            </Text>
          )}
          {agreedOn ? (
            <Text size="sm">
              Run against the named version “{agreedOn.versionName}” of {agreedOn.documentTitle}
              {agreedOn.newerVersions > 0 ? `; ${agreedOn.newerVersions} newer named ${agreedOn.newerVersions === 1 ? 'version has' : 'versions have'} been saved since.` : '.'}
            </Text>
          ) : round.status !== 'DRAFT' && !round.documentVersionId ? (
            <Text size="sm">No named version of the draft existed when this round opened.</Text>
          ) : null}
          <Table withTableBorder striped aria-label="Verdicts by item">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Item</Table.Th>
                <Table.Th scope="col">Verdict</Table.Th>
                <Table.Th scope="col">Voters</Table.Th>
                {likert && <Table.Th scope="col">Median</Table.Th>}
                {likert && <Table.Th scope="col">IQR</Table.Th>}
                {likert && <Table.Th scope="col">Rated 7–9</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) =>
                item.result ? (
                  <Table.Tr key={item.id}>
                    <Table.Th scope="row" fw={400}>
                      {item.position}. {item.criterion.statement}
                    </Table.Th>
                    <Table.Td fw={700}>{VERDICT_LABELS[item.result.verdict]}</Table.Td>
                    <Table.Td>{item.result.n}</Table.Td>
                    {likert && <Table.Td>{formatNumber(item.result.median)}</Table.Td>}
                    {likert && <Table.Td>{formatNumber(item.result.iqr)}</Table.Td>}
                    {likert && <Table.Td>{percent(item.result.highShare)}</Table.Td>}
                  </Table.Tr>
                ) : null,
              )}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
      {items.map((item) => (item.result ? <ItemResultCard key={item.id} round={round} item={item} result={item.result} agreedOn={agreedOn} decision={decisions.get(item.id)} /> : null))}
    </Stack>
  );
}
