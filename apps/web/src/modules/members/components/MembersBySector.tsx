// Members grouped by sector (sector drives the cross-sector consensus rule), one table per sector.
import { Badge, Group, Table, Text } from '@mantine/core';
import { ROLE_LABELS, SECTOR_LABELS, SECTORS } from '@concord/shared';
import type { MemberRowFragment } from '../../../generated/graphql';
import { MemberRoleSelect } from './MemberRoleSelect';
import { RemoveMemberButton } from './RemoveMemberButton';

interface Props {
  members: MemberRowFragment[];
  myMemberId: string;
  canManage: boolean;
  workspaceName: string;
}

export function MembersBySector({ members, myMemberId, canManage, workspaceName }: Props) {
  const groups = SECTORS.map((sector) => ({
    sector,
    members: members
      .filter((m) => m.sector === sector)
      .sort((a, b) => a.user.name.localeCompare(b.user.name, 'en-GB')),
  })).filter((group) => group.members.length > 0);

  return (
    <>
      {groups.map(({ sector, members: rows }) => {
        const headingId = `sector-${sector.toLowerCase()}`;
        return (
          <section key={sector} aria-labelledby={headingId}>
            <Text component="h3" id={headingId} fw={700} fz="lg" mt="lg" mb="xs">
              {SECTOR_LABELS[sector]}{' '}
              <Text component="span" c="dimmed" fw={400}>
                ({rows.length})
              </Text>
            </Text>
            <Table.ScrollContainer minWidth={canManage ? 820 : 640}>
              <Table
                aria-labelledby={headingId}
                withTableBorder
                striped
                verticalSpacing="sm"
                bg="white"
                layout="fixed"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w="24%">Name</Table.Th>
                    <Table.Th scope="col" w="28%">Email</Table.Th>
                    <Table.Th scope="col">Organisation</Table.Th>
                    <Table.Th scope="col" w={canManage ? 170 : 120}>Role</Table.Th>
                    {canManage && (
                      <Table.Th scope="col" w={110}>
                        Actions
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((member) => {
                    const isMe = member.id === myMemberId;
                    return (
                      <Table.Tr key={member.id}>
                        <Table.Th scope="row" fw={600}>
                          <Group gap={6} wrap="nowrap">
                            <span>{member.user.name}</span>
                            {isMe && (
                              <Badge size="sm" variant="light" color="concordBlue" style={{ flexShrink: 0 }}>
                                You
                              </Badge>
                            )}
                          </Group>
                        </Table.Th>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{member.user.email}</Table.Td>
                        <Table.Td>{member.organisation}</Table.Td>
                        <Table.Td>
                          {canManage ? <MemberRoleSelect member={member} isMe={isMe} /> : ROLE_LABELS[member.role]}
                        </Table.Td>
                        {canManage && (
                          <Table.Td>
                            {!isMe && <RemoveMemberButton member={member} workspaceName={workspaceName} />}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </section>
        );
      })}
    </>
  );
}
