// The deliverables I own, open ones first, each with a done checkbox.
import { useState } from 'react';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Role } from '@concord/shared';
import type { MilestoneFieldsFragment } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { dueWords, formatShortDate, mayTick } from '../plan';
import { DeliverableDoneCheckbox } from './DeliverableDoneCheckbox';

interface Props {
  milestones: readonly MilestoneFieldsFragment[];
  myMemberId: string;
  role: Role;
  today: string;
}

export function MyDeliverables({ milestones, myMemberId, role, today }: Props) {
  const [error, setError] = useState<string>();
  const mine = milestones
    .flatMap((m) => m.deliverables.map((d) => ({ ...d, milestoneTitle: m.title })))
    .filter((d) => d.ownerId === myMemberId)
    .sort((a, b) => Number(a.done) - Number(b.done) || a.dueDate.localeCompare(b.dueDate));
  return (
    <Paper withBorder p="lg" radius="md" h="100%" component="section" aria-labelledby="my-deliverables-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="my-deliverables-heading">
          My deliverables
        </Title>
        <FormError message={error} />
        {mine.length === 0 ? (
          <Text>You own no deliverables.</Text>
        ) : (
          <Table verticalSpacing={6} data-testid="my-deliverables">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={56}>
                  Done
                </Table.Th>
                <Table.Th scope="col">Deliverable</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <DeliverableDoneCheckbox deliverable={d} allowed={mayTick(role, myMemberId, d)} onError={setError} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} td={d.done ? 'line-through' : undefined}>
                      {d.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {d.milestoneTitle}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatShortDate(d.dueDate)}</Text>
                    <Text size="xs" c={d.overdue && !d.done ? 'danger.6' : 'dimmed'} fw={d.overdue && !d.done ? 700 : undefined}>
                      {dueWords(today, d.dueDate, d.done)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
