// Invites a stakeholder to a review round; the link is shown once, with Copy. Someone already in the
// workspace is added directly and gets no link.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, CopyButton, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import type { Sector } from '@concord/shared';
import { splitFieldErrors } from '../../../app/errors';
import { InviteReviewerDocument, ReviewRoundDetailDocument, type InviteReviewerMutation } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { SECTOR_OPTIONS } from '../../members/options';

const FIELDS = ['email', 'organisation', 'sector'] as const;

export function InviteReviewerForm({ roundId }: { roundId: string }) {
  const [email, setEmail] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [sector, setSector] = useState<string | null>(null);
  const [result, setResult] = useState<InviteReviewerMutation['inviteReviewer'] | null>(null);
  const [local, setLocal] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [invite, { loading, error }] = useMutation(InviteReviewerDocument, { refetchQueries: [ReviewRoundDetailDocument] });
  const { fieldErrors, formError } = splitFieldErrors(error, FIELDS);
  const errors = { ...fieldErrors, ...local };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: typeof local = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) problems.email = 'Enter an email address like name@example.org.';
    if (!organisation.trim()) problems.organisation = 'Enter their organisation.';
    if (!sector) problems.sector = 'Choose their sector.';
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !sector) return;
    try {
      const r = await invite({ variables: { input: { roundId, email: email.trim(), organisation: organisation.trim(), sector: sector as Sector } } });
      if (r.data) {
        setResult(r.data.inviteReviewer);
        setEmail('');
        setOrganisation('');
        setSector(null);
      }
    } catch {
      // Shown from `error`.
    }
  }

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="invite-reviewer-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="invite-reviewer-heading">
            Invite a reviewer
          </Title>
          {result &&
            (result.link ? (
              <Alert color="success" variant="light" title="Invitation created" role="status">
                <Stack gap="xs">
                  {`Send ${result.email} this link yourself. It is shown only once.`}
                  <Group align="flex-end" wrap="nowrap">
                    <TextInput label="Invitation link" value={result.link} readOnly onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} />
                    <CopyButton value={result.link}>
                      {({ copied, copy }) => (
                        <Button variant="default" onClick={copy}>
                          {copied ? 'Copied' : 'Copy'}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </Stack>
              </Alert>
            ) : (
              <Alert color="success" variant="light" title="Reviewer added" role="status">
                {result.email} already has an account here and was added to the round directly.
              </Alert>
            ))}
          <FormError message={formError} />
          <TextInput label="Email address" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} required error={errors.email} />
          <TextInput label="Organisation" value={organisation} onChange={(e) => setOrganisation(e.currentTarget.value)} required error={errors.organisation} />
          <Select label="Sector" data={SECTOR_OPTIONS} value={sector} onChange={setSector} required error={errors.sector} />
          <Group>
            <Button type="submit" loading={loading}>
              Invite
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
