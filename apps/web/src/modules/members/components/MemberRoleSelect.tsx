import { useMutation } from '@apollo/client/react';
import { Select } from '@mantine/core';
import type { Role } from '@concord/shared';
import { toProblem } from '../../../app/errors';
import { ChangeMemberRoleDocument, WorkspacesDocument, type MemberRowFragment } from '../../../generated/graphql';
import { ROLE_OPTIONS } from '../options';

/**
 * A lead's role picker for one member; the choice is saved as soon as it is made. A combobox, not a native
 * select: on Windows a closed native select changes value with the arrow keys, which would save every role
 * passed on the way.
 */
export function MemberRoleSelect({ member, isMe }: { member: MemberRowFragment; isMe: boolean }) {
  const [changeRole, { loading, error }] = useMutation(ChangeMemberRoleDocument, {
    // My own role decides what the nav shows: fetch it again when I change it.
    refetchQueries: isMe ? [WorkspacesDocument] : [],
  });
  return (
    <Select<Role>
      aria-label={`Role of ${member.user.name}`}
      data={ROLE_OPTIONS}
      value={member.role}
      allowDeselect={false}
      disabled={loading}
      error={toProblem(error)?.message}
      onChange={(role) => {
        if (role && role !== member.role) {
          void changeRole({ variables: { memberId: member.id, role } }).catch(() => undefined);
        }
      }}
      miw={140}
    />
  );
}
