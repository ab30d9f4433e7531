import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, List, Modal, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Role } from '@concord/shared';
import { CoverageDocument, UpdateFindingDocument, WorkspaceSourcesDocument, type FindingKind, type SourceType, type WorkspaceSourcesQuery } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';
import { FindingForm, MapSectionsForm } from './FindingForm';
import { SourceForm } from './SourceForm';
import type { GuidanceDocument } from './SectionPicker';

type Source = NonNullable<WorkspaceSourcesQuery['workspace']>['sources'][number];
type Finding = Source['findings'][number];
type Dialog =
  | { kind: 'newSource' }
  | { kind: 'editSource'; source: Source }
  | { kind: 'newFinding'; source: Source }
  | { kind: 'editFinding'; source: Source; finding: Finding }
  | { kind: 'mapFinding'; finding: Finding };

/** Who may add and edit the literature (the API's evidence.manage). */
export const EVIDENCE_MANAGERS: readonly string[] = [Role.LEAD, Role.EDITOR, Role.MEMBER];

const dialogTitle = (d: Dialog) =>
  ({ newSource: 'Add a source', editSource: 'Edit the source', newFinding: 'Add a finding', editFinding: 'Edit the finding', mapFinding: 'Map the finding to guidance sections' })[d.kind];

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = { REPORT: 'Report', CASE_STUDIES: 'Case studies', GUIDANCE: 'Guidance', ARTICLE: 'Article', WEBSITE: 'Website', OTHER: 'Other' };
export const FINDING_KIND_LABELS: Record<FindingKind, string> = { RECOMMENDATION: 'Recommendation', CHALLENGE: 'Challenge', SOLUTION: 'Solution', GOOD_PRACTICE: 'Good practice' };

export function SourceList({ workspaceId }: { workspaceId: string }) {
  const { data, error, refetch } = useQuery(WorkspaceSourcesDocument, { variables: { workspaceId } });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading sources…" />;
  const sources = data.workspace?.sources ?? [];
  const documents: GuidanceDocument[] = data.workspace?.documents ?? [];
  const challengeTags = (data.workspace?.challengeTags ?? []).map((t) => t.label);
  const canManage = EVIDENCE_MANAGERS.includes(data.workspace?.myRole ?? '');
  const close = () => setDialog(null);
  return (
    <Stack gap="sm">
      {canManage && (
        <Group>
          <Button onClick={() => setDialog({ kind: 'newSource' })}>Add a source</Button>
        </Group>
      )}
      {sources.length === 0 ? (
        <Text>No sources yet.</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {sources.map((source) => (
            <Paper component="li" key={source.id} withBorder p="md" radius="md">
              <Title order={3} size="h4">
                {source.title}
              </Title>
              <Text mt={4}>{[source.authors, source.publisher, source.year?.toString()].filter(Boolean).join(' · ')}</Text>
              <Text size="sm" c="dimmed">
                {SOURCE_TYPE_LABELS[source.type]}
              </Text>
              {source.url && (
                <Anchor href={source.url} target="_blank" rel="noopener noreferrer" size="sm">
                  Open “{source.title}” (opens in a new tab)
                </Anchor>
              )}
              {canManage && (
                <Group gap="xs" mt="xs">
                  <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'editSource', source })}>
                    Edit source
                    <VisuallyHidden>{` ${source.title}`}</VisuallyHidden>
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'newFinding', source })}>
                    Add a finding
                    <VisuallyHidden>{` from ${source.title}`}</VisuallyHidden>
                  </Button>
                </Group>
              )}
              {source.findings.length > 0 && (
                <List mt="sm" spacing="xs" size="sm" aria-label={`Findings from ${source.title}`}>
                  {source.findings.map((f) => (
                    <List.Item key={f.id}>
                      <Group gap={6} wrap="wrap">
                        <Badge size="sm" variant="light" color="concordBlue">
                          {FINDING_KIND_LABELS[f.kind]}
                        </Badge>
                        {f.illustrative && (
                          <Badge size="sm" variant="light" color="warning">
                            Illustrative
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm">
                        {f.text}
                        {f.reference ? ` (${f.reference})` : ''}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {[f.tags.join(', ') || 'No challenge tags', f.sections.length ? `mapped to ${f.sections.map((m) => (m.present ? m.title : `${m.title} (heading removed)`)).join(', ')}` : 'not mapped to a section'].join(' · ')}
                      </Text>
                      {canManage && (
                        <Group gap="xs" mt={4}>
                          <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'editFinding', source, finding: f })}>
                            Edit
                            <VisuallyHidden>{` finding: ${f.text.slice(0, 60)}`}</VisuallyHidden>
                          </Button>
                          <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'mapFinding', finding: f })}>
                            Map to sections
                            <VisuallyHidden>{`: ${f.text.slice(0, 60)}`}</VisuallyHidden>
                          </Button>
                        </Group>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      <Modal opened={!!dialog} onClose={close} title={dialog ? dialogTitle(dialog) : ''} size="lg">
        {dialog?.kind === 'newSource' && <SourceForm workspaceId={workspaceId} onDone={close} />}
        {dialog?.kind === 'editSource' && <SourceForm workspaceId={workspaceId} source={dialog.source} onDone={close} />}
        {dialog?.kind === 'newFinding' && <FindingForm sourceId={dialog.source.id} documents={documents} challengeTags={challengeTags} onDone={close} />}
        {dialog?.kind === 'editFinding' && <FindingForm sourceId={dialog.source.id} finding={dialog.finding} documents={documents} challengeTags={challengeTags} onDone={close} />}
        {dialog?.kind === 'mapFinding' && <MapFinding finding={dialog.finding} documents={documents} onDone={close} />}
      </Modal>
    </Stack>
  );
}

function MapFinding({ finding, documents, onDone }: { finding: Finding; documents: GuidanceDocument[]; onDone: () => void }) {
  const [update, { loading, error }] = useMutation(UpdateFindingDocument, { refetchQueries: [WorkspaceSourcesDocument, CoverageDocument] });
  return (
    <Stack gap="sm">
      <Text size="sm">
        <Text span fw={600} size="sm">
          {FINDING_KIND_LABELS[finding.kind]}:
        </Text>{' '}
        {finding.text}
      </Text>
      <MapSectionsForm
        documents={documents}
        known={finding.sections}
        saveLabel="Save mapping"
        error={error}
        loading={loading}
        onDone={onDone}
        onSave={(sections) => update({ variables: { input: { id: finding.id, kind: finding.kind, text: finding.text, reference: finding.reference, tags: finding.tags, sections } } })}
      />
    </Stack>
  );
}
