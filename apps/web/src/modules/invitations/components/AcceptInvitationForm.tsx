// Accepting an invitation: the existing account's password, or a name and a new password for a new account.
import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { LIMITS } from '@concord/shared';
import { useNavigate } from 'react-router';
import { splitFieldErrors } from '../../../app/errors';
import { newPasswordProblem, problems, requiredText } from '../../../app/validation';
import {
  AcceptInvitationDocument,
  MeDocument,
  WorkspacesDocument,
  type InvitationPreviewQuery,
} from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { sectionHref } from '../../workspaces/sections';

const FIELDS = ['name', 'password', 'confirmation'] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  token: string;
  preview: InvitationPreviewQuery['invitation'];
}

export function AcceptInvitationForm({ token, preview }: Props) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const newAccount = !preview.accountExists;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checked, setChecked] = useState<Partial<Record<Field, string>>>({});
  const [accept, { loading, error }] = useMutation(AcceptInvitationDocument);
  const server = splitFieldErrors(error, FIELDS);
  const fieldErrors = { ...server.fieldErrors, ...checked };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = newAccount
      ? problems({
          name: requiredText(name, 'your full name'),
          password: newPasswordProblem(password),
          confirmation: confirmation !== password ? 'The passwords do not match' : undefined,
        })
      : problems({ password: password === '' ? 'Enter your password' : undefined });
    setChecked(found);
    if (Object.keys(found).length > 0) return;

    const result = await accept({
      variables: { input: { token, password, name: newAccount ? name.trim() : null } },
    }).catch(() => undefined);
    const joinedId = result?.data?.acceptInvitation.workspaceId;
    const user = result?.data?.acceptInvitation.user;
    if (!user) return;
    // Now signed in as the invited account: nothing cached from before belongs to it.
    await client.clearStore();
    client.writeQuery({ query: MeDocument, data: { me: user } });
    await client.query({ query: WorkspacesDocument, fetchPolicy: 'network-only' }).catch(() => undefined);
    await navigate(joinedId ? sectionHref(joinedId, 'dashboard') : '/', { replace: true });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={newAccount ? 'Create your account' : 'Sign in to join'}>
      <Stack>
        <FormError message={server.formError} title="You have not joined yet" />
        {newAccount ? (
          <>
            <Text>
              Create your Concord account for <strong>{preview.email}</strong>.
            </Text>
            <TextInput
              label="Full name"
              description="Shown to the other members."
              autoComplete="name"
              maxLength={LIMITS.nameMax}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldErrors.name}
            />
            <PasswordInput
              label="Create a password"
              description={`${LIMITS.passwordMin} to ${LIMITS.passwordMax} characters. A few unrelated words make a good one.`}
              autoComplete="new-password"
              maxLength={LIMITS.passwordMax}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrors.password}
            />
            <PasswordInput
              label="Confirm your password"
              autoComplete="new-password"
              maxLength={LIMITS.passwordMax}
              value={confirmation}
              onChange={(e) => setConfirmation(e.currentTarget.value)}
              error={fieldErrors.confirmation}
            />
          </>
        ) : (
          <>
            <Text>
              You already have a Concord account as <strong>{preview.email}</strong>. Enter its password to join.
            </Text>
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              maxLength={LIMITS.passwordMax}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrors.password}
            />
          </>
        )}
        <Button type="submit" size="md" disabled={loading}>
          {loading ? 'Joining…' : newAccount ? 'Create account and join' : 'Sign in and join'}
        </Button>
      </Stack>
    </form>
  );
}
