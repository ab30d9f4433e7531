import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { LIMITS } from '@concord/shared';
import { splitFieldErrors } from '../../../app/errors';
import { problems, requiredText } from '../../../app/validation';
import { LoginDocument, MeDocument } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Email and password. On success the signed-in user replaces whatever the cache held, then `onSignedIn`. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const client = useApolloClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState<Partial<Record<Field, string>>>({});
  const [login, { loading, error }] = useMutation(LoginDocument);
  const server = splitFieldErrors(error, FIELDS);
  const fieldErrors = { ...server.fieldErrors, ...checked };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problems({
      email: requiredText(email, 'your email address'),
      password: password === '' ? 'Enter your password' : undefined,
    });
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    const result = await login({ variables: { input: { email: email.trim(), password } } }).catch(() => undefined);
    const user = result?.data?.login.user;
    if (!user) return;
    // Whatever an earlier session left in the cache is not this user's to see. clearStore also drops the
    // cache watches of the mounted page, so the caller moves on by navigating, not by watching `me`.
    await client.clearStore();
    client.writeQuery({ query: MeDocument, data: { me: user } });
    onSignedIn();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack>
        <FormError message={server.formError} title="Sign-in failed" />
        <TextInput
          label="Email address"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          maxLength={LIMITS.emailMax}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldErrors.email}
          size="md"
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          maxLength={LIMITS.passwordMax}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldErrors.password}
          size="md"
        />
        <Button type="submit" size="md" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </Button>
      </Stack>
    </form>
  );
}
