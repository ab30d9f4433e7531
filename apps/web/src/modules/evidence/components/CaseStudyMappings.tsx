// The latest case study of each model and the guidance sections it is mapped to; members who manage
// the evidence map and unmap them by the heading's stable id.
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Modal, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { CoverageDocument, EvidenceCaseStudiesDocument, MapCaseStudyDocument, type EvidenceCaseStudiesQuery } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';
import { STATUS_LABELS } from '../../models/labels';
import { MapSectionsForm } from './FindingForm';
import type { GuidanceDocument } from './SectionPicker';

type Submission = NonNullable<EvidenceCaseStudiesQuery['workspace']>['caseStudies'][number];

export function CaseStudyMappings({ workspaceId, documents, canManage }: { workspaceId: string; documents: GuidanceDocument[]; canManage: boolean }) {
  const { data, error, refetch } = useQuery(EvidenceCaseStudiesDocument, { variables: { workspaceId } });
  const [open, setOpen] = useState<Submission | null>(null);
  const [map, mapping] = useMutation(MapCaseStudyDocument, { refetchQueries: [EvidenceCaseStudiesDocument, CoverageDocument] });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading case studies…" />;
  const list = data.workspace?.caseStudies ?? [];
  if (list.length === 0) return <Text>No case study yet.</Text>;
  return (
    <>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {list.map((cs) => (
          <Paper component="li" key={cs.id} withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2}>
                <Anchor component={Link} to={`/w/${workspaceId}/case-studies/${cs.modelId}`} fw={600} size="sm">
                  {cs.model.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {STATUS_LABELS[cs.status]} · {cs.sections.length ? `mapped to ${cs.sections.map((m) => (m.present ? m.title : `${m.title} (heading removed)`)).join(', ')}` : 'not mapped to a section'}
                </Text>
              </Stack>
              {canManage && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    mapping.reset();
                    setOpen(cs);
                  }}
                >
                  Map to sections
                  <VisuallyHidden>{` — the case study of ${cs.model.name}`}</VisuallyHidden>
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      <Modal opened={!!open} onClose={() => setOpen(null)} title={open ? `Map the case study of ${open.model.name}` : ''} size="lg">
        {open && (
          <MapSectionsForm
            documents={documents}
            known={open.sections}
            saveLabel="Save mapping"
            error={mapping.error}
            loading={mapping.loading}
            onDone={() => setOpen(null)}
            onSave={(sections) => map({ variables: { input: { submissionId: open.id, sections } } })}
          />
        )}
      </Modal>
    </>
  );
}
