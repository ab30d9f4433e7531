// A closed round's counts (by section, kind, sector, status, and how comments were carried onto the live
// draft), and the "you said, we did" exports.
import { useApolloClient } from '@apollo/client/react';
import { Button, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { SECTOR_LABELS, type Sector } from '@concord/shared';
import { useState } from 'react';
import { toProblem } from '../../../app/errors';
import { ReviewTriageExportDocument, type ExportFormat, type ReviewRoundDetailQuery } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { KIND_LABELS, STATUS_LABELS } from '../../annotations/annotations';
import { download } from '../reviews';

type Summary = NonNullable<NonNullable<ReviewRoundDetailQuery['reviewRound']>['summary']>;

const label = (table: Record<string, string>) => (key: string) => table[key] ?? key;

function Counts({ title, column, rows, name }: { title: string; column: string; rows: { key: string; n: number }[]; name: (key: string) => string }) {
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm">None.</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{column}</Table.Th>
              <Table.Th scope="col">Comments</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{name(row.key)}</Table.Td>
                <Table.Td>{row.n}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}

export function ReviewSummary({ roundId, title, summary }: { roundId: string; title: string; summary: Summary }) {
  const client = useApolloClient();
  const [error, setError] = useState<string | undefined>();
  const exportAs = async (format: ExportFormat) => {
    setError(undefined);
    try {
      const { data } = await client.query({ query: ReviewTriageExportDocument, variables: { roundId, format }, fetchPolicy: 'network-only' });
      const text = data?.reviewTriageExport ?? '';
      const base = title.replace(/[^\w-]+/g, '-').toLowerCase();
      if (format === 'CSV') download(text, `${base}-you-said-we-did.csv`, 'text/csv');
      else download(text, `${base}-you-said-we-did.md`, 'text/markdown');
    } catch (e) {
      setError(toProblem(e)?.message);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="summary-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="summary-heading">
          Summary: {summary.total} reviewer {summary.total === 1 ? 'comment' : 'comments'}
        </Title>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => void exportAs('CSV')}>
            Download “you said, we did” (CSV)
          </Button>
          <Button variant="default" size="xs" onClick={() => void exportAs('MARKDOWN')}>
            Download “you said, we did” (Markdown)
          </Button>
        </Group>
      </Group>
      <FormError message={error} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Counts title="By section" column="Section" rows={summary.bySection} name={(k) => k || 'Before the first heading'} />
        <Counts title="By kind" column="Kind" rows={summary.byKind} name={label(KIND_LABELS)} />
        <Counts title="By sector" column="Sector" rows={summary.bySector} name={(k) => SECTOR_LABELS[k as Sector] ?? k} />
        <Counts title="By status" column="Status" rows={summary.byStatus} name={label(STATUS_LABELS)} />
        <Counts title="Carried onto the live draft" column="Match" rows={summary.carried} name={label({ EXACT: 'Exact match', FUZZY: 'Close match', UNMATCHED: 'Not found' })} />
      </SimpleGrid>
    </Paper>
  );
}
