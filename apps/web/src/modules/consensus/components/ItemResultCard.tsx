// One item's result: the verdict and why, the distribution as bars (and a table), n, median, IQR, the share
// per band, the change since the previous round, the sector breakdown with small cells suppressed, and the
// rationales without names.
import { Anchor, Badge, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { SECTOR_LABELS, type Sector } from '@concord/shared';
import type { ItemResultFieldsFragment } from '../../../generated/graphql';
import { describeChange, distributionLabels, explainVerdict, formatNumber, percent, VERDICT_LABELS, verdictColour, type RuleLike } from '../consensus';
import type { RoundDetail, RoundDetailItem } from '../hooks/useRoundDetail';
import { useCurrentWorkspace } from '../../workspaces/hooks/useCurrentWorkspace';
import { sectionHref } from '../../workspaces/sections';
import type { DraftedDecision } from '../hooks/useRoundDecisions';
import { DistributionChart } from './DistributionChart';

export interface AgreedOn {
  versionName: string;
  documentTitle: string;
  newerVersions: number;
}

const DECISION_STATUS: Record<DraftedDecision['status'], string> = { PROPOSED: 'proposed', AGREED: 'agreed', SUPERSEDED: 'superseded' };

export function ItemResultCard({
  round,
  item,
  result,
  agreedOn,
  decision,
}: {
  round: RoundDetail;
  item: RoundDetailItem;
  result: ItemResultFieldsFragment;
  agreedOn: AgreedOn | null;
  decision?: DraftedDecision;
}) {
  const workspace = useCurrentWorkspace();
  const likert = round.scale === 'LIKERT_9';
  const titleId = `result-item-${item.id}`;
  const reached = result.verdict === 'INCLUDE' || result.verdict === 'EXCLUDE' || result.verdict === 'PASSED';
  const change = describeChange(result.changeSincePrevious);
  return (
    <Paper component="section" aria-labelledby={titleId} withBorder p="md" radius="md" data-testid="item-result">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Title order={2} size="h4" id={titleId}>
            Item {item.position}: {item.criterion.statement}
          </Title>
          <Badge size="lg" color={verdictColour(result.verdict)} variant="filled" style={{ flexShrink: 0 }} data-testid="verdict">
            {VERDICT_LABELS[result.verdict]}
          </Badge>
        </Group>
        <Text>{explainVerdict(result, round.rule as RuleLike)}</Text>
        {reached && agreedOn && (
          <Text size="sm">
            Agreed on “{agreedOn.versionName}” of {agreedOn.documentTitle}
            {agreedOn.newerVersions > 0
              ? `; the draft has changed since (${agreedOn.newerVersions} newer named ${agreedOn.newerVersions === 1 ? 'version' : 'versions'}).`
              : '; no newer named version of the draft since.'}
          </Text>
        )}
        {decision && (
          <Text size="sm">
            Decision{' '}
            <Anchor component={Link} to={sectionHref(workspace.id, 'decisions')}>
              {decision.ref}
            </Anchor>{' '}
            ({DECISION_STATUS[decision.status]}) was drafted from this result when the round closed.
          </Text>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <DistributionChart counts={result.distribution} labels={distributionLabels(round.scale)} caption={`${likert ? 'Ratings' : 'Choices'} of item ${item.position} (${result.n} ${result.n === 1 ? 'voter' : 'voters'})`} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="sm">
              <dl className="concord-facts">
                <dt>Voters</dt>
                <dd>{result.n}</dd>
                {likert && (
                  <>
                    <dt>Median</dt>
                    <dd>{formatNumber(result.median)}</dd>
                    <dt>Interquartile range</dt>
                    <dd>
                      {formatNumber(result.iqr)}
                      {result.q1 !== null && result.q3 !== null ? ` (${formatNumber(result.q1)} to ${formatNumber(result.q3)})` : ''}
                    </dd>
                    <dt>Rated 1–3 / 4–6 / 7–9</dt>
                    <dd>
                      {percent(result.lowShare)} / {percent(result.middleShare)} / {percent(result.highShare)}
                    </dd>
                  </>
                )}
                {change !== null && (
                  <>
                    <dt>Since round {round.number - 1}</dt>
                    <dd data-testid="change-since-previous">
                      {change} in the share rating 7–9
                      {result.changeSincePrevious !== null ? ` (${percent(result.highShare - result.changeSincePrevious / 100)} to ${percent(result.highShare)})` : ''}
                      {result.stable === null ? '' : result.stable ? '; stable (under 15 points)' : '; not yet stable (15 points or more)'}
                    </dd>
                  </>
                )}
              </dl>
              <SectorTable result={result} likert={likert} position={item.position} anonymous={round.anonymous} />
            </Stack>
          </Grid.Col>
        </Grid>
        <details>
          <summary>
            <Text span size="sm" c="var(--mantine-color-anchor)" td="underline" style={{ cursor: 'pointer' }}>
              Reasons given ({result.rationales.length}), without names
            </Text>
          </summary>
          {result.rationales.length === 0 ? (
            <Text size="sm" mt={4}>
              Nobody gave reasons for this item.
            </Text>
          ) : (
            <Stack component="ul" gap={4} mt={4} pl="md">
              {result.rationales.map((r, i) => (
                <Text component="li" size="sm" key={`${i}-${r}`}>
                  {r}
                </Text>
              ))}
            </Stack>
          )}
        </details>
      </Stack>
    </Paper>
  );
}

function SectorTable({ result, likert, position, anonymous }: { result: ItemResultFieldsFragment; likert: boolean; position: number; anonymous: boolean }) {
  if (result.bySector.length === 0) return <Text size="sm">No sector breakdown: nobody has voted on this item.</Text>;
  return (
    <Table withTableBorder aria-label={`Item ${position} by sector`}>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700, color: '#212b32' }}>By sector</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Sector</Table.Th>
          <Table.Th scope="col">Voters</Table.Th>
          {likert && <Table.Th scope="col">Median</Table.Th>}
          <Table.Th scope="col">{likert ? 'Rated 7–9' : 'Agreeing'}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {result.bySector.map((cell) => (
          <Table.Tr key={cell.sector} data-suppressed={cell.suppressed || undefined}>
            <Table.Th scope="row" fw={400}>
              {SECTOR_LABELS[cell.sector as Sector] ?? cell.sector}
            </Table.Th>
            {cell.suppressed ? (
              <Table.Td colSpan={likert ? 3 : 2}>
                <Text size="sm" fs="italic">
                  Hidden: fewer than 3 voters{anonymous ? ', to keep the ballot secret' : ''}
                </Text>
              </Table.Td>
            ) : (
              <>
                <Table.Td>{cell.n ?? '–'}</Table.Td>
                {likert && <Table.Td>{formatNumber(cell.median)}</Table.Td>}
                <Table.Td>{percent(cell.agreeShare)}</Table.Td>
              </>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
