// Invites a model's contact to fill in that model's case study, and nothing else of the workspace.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, CopyButton, Group, Select, Stack, TextInput } from '@mantine/core';
import type { Sector } from '@concord/shared';
import { splitFieldErrors } from '../../../app/errors';
import { CaseStudyListDocument, InviteModelContactDocument, type InviteModelContactMutation } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { SECTOR_OPTIONS } from '../../members/options';

const FIELDS = ['email', 'organisation', 'sector'] as const;

export function InviteContactForm({ modelId }: { modelId: string }) {
  const [email, setEmail] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [sector, setSector] = useState<string | null>(null);
  const [result, setResult] = useState<InviteModelContactMutation['inviteModelContact'] | null>(null);
  const [invite, { loading, error }] = useMutation(InviteModelContactDocument, { refetchQueries: [CaseStudyListDocument] });
  const { fieldErrors, formError } = splitFieldErrors(error, FIELDS);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!sector) return;
    try {
      const r = await invite({ variables: { input: { modelId, email: email.trim(), organisation: organisation.trim(), sector: sector as Sector } } });
      if (r.data) setResult(r.data.inviteModelContact);
    } catch {
      // Shown from `error`.
    }
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="sm">
        {result &&
          (result.link ? (
            <Alert color="success" variant="light" title="Invitation created" role="status">
              <Stack gap="xs">
                {`Send ${result.email} this link yourself. It is shown only once. They will see this model's case study and nothing else.`}
                <Group align="flex-end" wrap="nowrap">
                  <TextInput label="Invitation link" value={result.link} readOnly onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} />
                  <CopyButton value={result.link}>{({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Alert color="success" variant="light" title="Contact added" role="status">
              {result.email} already has an account here and can now fill in this case study.
            </Alert>
          ))}
        <FormError message={formError} />
        <TextInput label="Contact's email address" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldErrors.email} />
        <TextInput label="Organisation" required value={organisation} onChange={(e) => setOrganisation(e.currentTarget.value)} error={fieldErrors.organisation} />
        <Select label="Sector" required data={SECTOR_OPTIONS} value={sector} onChange={setSector} error={fieldErrors.sector} />
        <Group>
          <Button type="submit" loading={loading} disabled={!sector}>
            Invite contact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
