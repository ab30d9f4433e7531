import { Paper, SimpleGrid, Text } from '@mantine/core';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, SECTOR_LABELS } from '@concord/shared';
import { formatDate } from '../../../app/format';
import type { InvitationPreviewQuery } from '../../../generated/graphql';

type Preview = InvitationPreviewQuery['invitation'];

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" fw={700} size="sm">
        {term}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** What the invitation offers, as a description list. */
export function InvitationSummary({ preview }: { preview: Preview }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} m={0} spacing="md">
        <Item term="Workspace">{preview.workspaceName}</Item>
        <Item term="Your role">
          {ROLE_LABELS[preview.role]}
          <Text size="sm" c="dimmed">
            {ROLE_DESCRIPTIONS[preview.role]}
          </Text>
        </Item>
        <Item term="Organisation">
          {preview.organisation}
          <Text size="sm" c="dimmed">
            {SECTOR_LABELS[preview.sector]}
          </Text>
        </Item>
        <Item term="Invitation for">
          {preview.email}
          <Text size="sm" c="dimmed">
            Expires {formatDate(preview.expiresAt)}
          </Text>
        </Item>
      </SimpleGrid>
    </Paper>
  );
}
