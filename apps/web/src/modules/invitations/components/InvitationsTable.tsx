import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Table, Text } from '@mantine/core';
import { ROLE_LABELS, SECTOR_LABELS } from '@concord/shared';
import { toProblem } from '../../../app/errors';
import { formatDate } from '../../../app/format';
import {
  RevokeInvitationDocument,
  WorkspaceInvitationsDocument,
  type InvitationRowFragment,
  type InvitationStatus,
} from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';

const STATUS: Record<InvitationStatus, { label: string; color: string }> = {
  PENDING: { label: 'Pending', color: 'concordBlue' },
  ACCEPTED: { label: 'Accepted', color: 'success' },
  EXPIRED: { label: 'Expired', color: 'neutral' },
  REVOKED: { label: 'Revoked', color: 'warning' },
};

/** A pending invitation past its expiry is expired, whatever the stored status says. */
function statusOf(invitation: InvitationRowFragment, now: number): InvitationStatus {
  return invitation.status === 'PENDING' && Date.parse(invitation.expiresAt) < now ? 'EXPIRED' : invitation.status;
}

export function InvitationsTable({ workspaceId }: { workspaceId: string }) {
  const { data, error, refetch } = useQuery(WorkspaceInvitationsDocument, { variables: { workspaceId } });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading invitations…" />;
  const now = Date.now();
  const rows = [...(data.workspace?.invitations ?? [])]
    .map((invitation) => ({ invitation, status: statusOf(invitation, now) }))
    .sort((a, b) => Number(b.status === 'PENDING') - Number(a.status === 'PENDING') || b.invitation.createdAt.localeCompare(a.invitation.createdAt));
  if (rows.length === 0) return <Text>No invitations yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table withTableBorder striped verticalSpacing="sm" bg="white" aria-labelledby="invitations-heading">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Organisation</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">Invited by</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ invitation, status }) => (
            <Table.Tr key={invitation.id}>
              <Table.Th scope="row" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {invitation.email}
              </Table.Th>
              <Table.Td>{ROLE_LABELS[invitation.role]}</Table.Td>
              <Table.Td>
                {invitation.organisation}
                <Text size="sm" c="dimmed">
                  {SECTOR_LABELS[invitation.sector]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS[status].color}>
                  {STATUS[status].label}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDate(invitation.expiresAt)}</Table.Td>
              <Table.Td>{invitation.invitedBy?.user.name ?? '—'}</Table.Td>
              <Table.Td>{status === 'PENDING' && <RevokeButton invitation={invitation} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RevokeButton({ invitation }: { invitation: InvitationRowFragment }) {
  const [revoke, { loading, error }] = useMutation(RevokeInvitationDocument);
  const problem = toProblem(error);
  return (
    <>
      <Button
        variant="outline"
        color="danger"
        size="xs"
        disabled={loading}
        aria-label={`Revoke the invitation for ${invitation.email}`}
        onClick={() => void revoke({ variables: { id: invitation.id } }).catch(() => undefined)}
      >
        {loading ? 'Revoking…' : 'Revoke'}
      </Button>
      {problem && (
        <Text size="sm" c="danger.6" role="alert" mt={4}>
          {problem.message}
        </Text>
      )}
    </>
  );
}
