import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { LIMITS, Role, ROLE_DESCRIPTIONS, Sector } from '@concord/shared';
import { splitFieldErrors } from '../../../app/errors';
import { emailProblem, problems, requiredText } from '../../../app/validation';
import { InviteMemberDocument, WorkspaceInvitationsDocument, type InviteMemberMutation } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { isRole, isSector, ROLE_OPTIONS, SECTOR_OPTIONS } from '../../members/options';
import { InvitationLinkResult } from './InvitationLinkResult';

const FIELDS = ['email', 'role', 'organisation', 'sector'] as const;
type Field = (typeof FIELDS)[number];

/** A lead invites someone: the server returns a single-use link, shown here once. */
export function InviteMemberForm({ workspaceId }: { workspaceId: string }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(Role.MEMBER);
  const [organisation, setOrganisation] = useState('');
  const [sector, setSector] = useState<Sector>(Sector.HE);
  const [checked, setChecked] = useState<Partial<Record<Field, string>>>({});
  const [created, setCreated] = useState<InviteMemberMutation['inviteMember']>();
  const [invite, { loading, error, reset }] = useMutation(InviteMemberDocument, {
    refetchQueries: [WorkspaceInvitationsDocument],
  });
  const server = splitFieldErrors(error, FIELDS);
  const fieldErrors = { ...server.fieldErrors, ...checked };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problems({
      email: emailProblem(email),
      organisation: requiredText(organisation, 'their organisation'),
    });
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    const result = await invite({
      variables: { input: { workspaceId, email: email.trim(), role, organisation: organisation.trim(), sector } },
    }).catch(() => undefined);
    if (result?.data) setCreated(result.data.inviteMember);
  };

  const again = () => {
    reset();
    setCreated(undefined);
    setEmail('');
    setOrganisation('');
    setRole(Role.MEMBER);
  };

  if (created) return <InvitationLinkResult created={created} onInviteAnother={again} />;

  return (
    <form onSubmit={submit} noValidate aria-label="Invite a member">
      <Stack>
        <FormError message={server.formError} title="The invitation was not created" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} verticalSpacing="lg">
          <TextInput
            label="Email address"
            type="email"
            autoComplete="off"
            spellCheck={false}
            maxLength={LIMITS.emailMax}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
          />
          <NativeSelect
            label="Role"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data={ROLE_OPTIONS}
            value={role}
            onChange={(e) => isRole(e.currentTarget.value) && setRole(e.currentTarget.value)}
            description={ROLE_DESCRIPTIONS[role]}
            error={fieldErrors.role}
          />
          <TextInput
            label="Organisation"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description="For example, University of Manchester or an NHS trust."
            maxLength={LIMITS.organisationMax}
            value={organisation}
            onChange={(e) => setOrganisation(e.currentTarget.value)}
            error={fieldErrors.organisation}
          />
          <NativeSelect
            label="Sector"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description="Used for the cross-sector consensus rule and every breakdown."
            data={SECTOR_OPTIONS}
            value={sector}
            onChange={(e) => isSector(e.currentTarget.value) && setSector(e.currentTarget.value)}
            error={fieldErrors.sector}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" disabled={loading}>
            {loading ? 'Creating invitation…' : 'Create invitation link'}
          </Button>
          <Text size="sm" c="dimmed">
            Concord does not send email: you send the link yourself.
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
