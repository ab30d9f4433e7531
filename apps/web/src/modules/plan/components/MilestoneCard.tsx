// One milestone: status and reason, dates, deliverables with owner, due date, done and the event that proved it.
import { useState } from 'react';
import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Role } from '@concord/shared';
import { Link } from 'react-router';
import type { DeliverableFieldsFragment, DeliverableTieKind, MilestoneFieldsFragment } from '../../../generated/graphql';
import { formatDateTime } from '../../../app/format';
import { FormError } from '../../layout/components/FormError';
import { reviewRoundHref } from '../../reviews/reviews';
import { dueWords, formatCalendarDate, formatShortDate, mayTick, milestoneAnchor } from '../plan';
import { DeliverableDoneCheckbox } from './DeliverableDoneCheckbox';
import { MilestoneStatusBadge } from './MilestoneStatusBadge';

const TIE_WORDS: Record<DeliverableTieKind, string> = {
  ROUND_CLOSED: 'a consensus round closes',
  VERSION_CREATED: 'a named version is saved',
  REVIEW_ROUND_OPENED: 'a stakeholder review round opens',
  REVIEW_ROUND_CLOSED: 'a stakeholder review round closes',
  DECISION_AGREED: 'a decision is agreed',
};

interface Props {
  workspaceId: string;
  milestone: MilestoneFieldsFragment;
  role: Role;
  myMemberId: string;
  today: string;
  children?: React.ReactNode;
}

function proofHref(workspaceId: string, proof: NonNullable<DeliverableFieldsFragment['proof']>): string | null {
  const ws = `/w/${encodeURIComponent(workspaceId)}`;
  switch (proof.kind) {
    case 'ROUND_CLOSED':
      return `${ws}/votes/${encodeURIComponent(proof.id)}/results`;
    case 'REVIEW_ROUND_OPENED':
    case 'REVIEW_ROUND_CLOSED':
      return reviewRoundHref(workspaceId, proof.id);
    case 'DECISION_AGREED':
      return `${ws}/decisions`;
    default:
      return null;
  }
}

export function MilestoneCard({ workspaceId, milestone, role, myMemberId, today, children }: Props) {
  const [error, setError] = useState<string>();
  const headingId = `${milestoneAnchor(milestone.id)}-heading`;
  const open = milestone.deliverables.filter((d) => !d.done).length;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId} id={milestoneAnchor(milestone.id)} data-testid="milestone" tabIndex={-1}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2} size="h3" id={headingId}>
              {milestone.title}
            </Title>
            <Text c="dimmed" size="sm">
              {formatCalendarDate(milestone.startsOn)} to {formatCalendarDate(milestone.dueDate)} · at risk from {milestone.riskWindowDays} days before it is due
            </Text>
          </div>
          <Stack gap={2} align="flex-end">
            <MilestoneStatusBadge status={milestone.status} size="lg" />
          </Stack>
        </Group>
        <Text fw={600} data-testid="status-reason">
          {milestone.statusReason}
        </Text>
        <FormError message={error} />
        {milestone.deliverables.length === 0 ? (
          <Text>No deliverables yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={8} aria-label={`Deliverables of ${milestone.title}: ${open} open`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={60}>
                    Done
                  </Table.Th>
                  <Table.Th scope="col">Deliverable</Table.Th>
                  <Table.Th scope="col">Owner</Table.Th>
                  <Table.Th scope="col">Due</Table.Th>
                  <Table.Th scope="col">Proof</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {milestone.deliverables.map((d) => {
                  const late = d.overdue && !d.done;
                  const href = d.proof ? proofHref(workspaceId, d.proof) : null;
                  return (
                    <Table.Tr key={d.id} data-testid="deliverable">
                      <Table.Td>
                        <DeliverableDoneCheckbox deliverable={d} allowed={mayTick(role, myMemberId, d)} onError={setError} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600} td={d.done ? 'line-through' : undefined}>
                          {d.title}
                        </Text>
                        {d.done && d.doneAt && (
                          <Text size="xs" c="dimmed">
                            Done {formatDateTime(d.doneAt)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.ownerName ?? 'No owner'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatShortDate(d.dueDate)}</Text>
                        <Text size="xs" c={late ? 'danger.6' : 'dimmed'} fw={late ? 700 : undefined}>
                          {late ? '■ ' : ''}
                          {dueWords(today, d.dueDate, d.done)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {d.proof ? (
                          <Text size="sm">
                            Ticked itself:{' '}
                            {href ? (
                              <Anchor component={Link} to={href}>
                                {d.proof.label}
                              </Anchor>
                            ) : (
                              d.proof.label
                            )}
                          </Text>
                        ) : d.tieKind && !d.done ? (
                          <Text size="sm" c="dimmed">
                            Ticks itself when {TIE_WORDS[d.tieKind]}
                          </Text>
                        ) : d.done ? (
                          <Text size="sm" c="dimmed">
                            Ticked by hand
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
