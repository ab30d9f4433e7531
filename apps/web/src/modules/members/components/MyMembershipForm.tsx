import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { LIMITS, type Sector } from '@concord/shared';
import { splitFieldErrors } from '../../../app/errors';
import { requiredText } from '../../../app/validation';
import { UpdateMyMembershipDocument, type MemberRowFragment } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { isSector, SECTOR_OPTIONS } from '../options';

const FIELDS = ['organisation', 'sector'] as const;

/** My organisation and sector in this workspace: they label my contributions and place my votes by sector. */
export function MyMembershipForm({ workspaceId, me }: { workspaceId: string; me: MemberRowFragment }) {
  const [organisation, setOrganisation] = useState(me.organisation);
  const [sector, setSector] = useState<Sector>(me.sector);
  const [checked, setChecked] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [update, { loading, error }] = useMutation(UpdateMyMembershipDocument);
  const server = splitFieldErrors(error, FIELDS);
  const unchanged = organisation.trim() === me.organisation && sector === me.sector;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problem = requiredText(organisation, 'your organisation');
    setChecked(problem);
    if (problem) return;
    const result = await update({
      variables: { input: { workspaceId, organisation: organisation.trim(), sector } },
    }).catch(() => undefined);
    if (result?.data) setSaved(true);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Your membership">
      <FormError message={server.formError} />
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput
          label="Your organisation"
          maxLength={LIMITS.organisationMax}
          value={organisation}
          onChange={(e) => {
            setOrganisation(e.currentTarget.value);
            setSaved(false);
          }}
          error={checked ?? server.fieldErrors.organisation}
          w={320}
        />
        <NativeSelect
          label="Your sector"
          data={SECTOR_OPTIONS}
          value={sector}
          onChange={(e) => {
            if (isSector(e.currentTarget.value)) setSector(e.currentTarget.value);
            setSaved(false);
          }}
          error={server.fieldErrors.sector}
          w={220}
        />
        <Button type="submit" mt={25} disabled={loading || unchanged}>
          {loading ? 'Saving…' : 'Save'}
        </Button>
      </Group>
      <Text role="status" size="sm" mt="xs" c="success.7">
        {saved ? 'Saved.' : ''}
      </Text>
    </form>
  );
}
