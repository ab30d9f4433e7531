import { useEffect, useRef } from 'react';
import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { ROLE_LABELS } from '@concord/shared';
import { formatDate, withArticle } from '../../../app/format';
import type { InviteMemberMutation } from '../../../generated/graphql';

/** The one time a link is shown: the server keeps only its hash. */
export function InvitationLinkResult({
  created,
  onInviteAnother,
}: {
  created: InviteMemberMutation['inviteMember'];
  onInviteAnother: () => void;
}) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  const { invitation, link } = created;
  return (
    <Stack>
      <Alert color="success" variant="light" title="Invitation created" role="status">
        {invitation.email} is invited as {withArticle(ROLE_LABELS[invitation.role].toLowerCase())}. Send them this link yourself, by email
        or chat.
      </Alert>
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          ref={field}
          label="Invitation link"
          value={link}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1 }}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button onClick={copy} variant={copied ? 'filled' : 'outline'} color={copied ? 'success' : undefined} miw={110}>
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">
        The link works once and expires on {formatDate(invitation.expiresAt)}. It will not be shown again: if it is lost,
        revoke this invitation and create a new one.
      </Text>
      <Group>
        <Button variant="default" onClick={onInviteAnother}>
          Invite someone else
        </Button>
      </Group>
    </Stack>
  );
}
