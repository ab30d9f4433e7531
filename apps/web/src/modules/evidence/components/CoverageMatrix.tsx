// Guidance sections × challenges: how many findings, case studies and evidence annotations each cell
// has; empty cells are gaps. A cell opens what is in it; a section opens "why does this say this?".
import { useState } from 'react';
import { useLazyQuery, useQuery } from '@apollo/client/react';
import { Anchor, Badge, List, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { CoverageCellContentsDocument, CoverageDocument, SectionEvidenceDocument, type EvidenceListPartsFragment } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';
import { FINDING_KIND_LABELS } from './SourceList';
import '../../models/components/assessment.css';

const words = (c: { findings: number; caseStudies: number; annotations: number }) =>
  [`${c.findings} finding${c.findings === 1 ? '' : 's'}`, `${c.caseStudies} case stud${c.caseStudies === 1 ? 'y' : 'ies'}`, `${c.annotations} annotation${c.annotations === 1 ? '' : 's'}`].join(', ');

export function CoverageMatrix({ workspaceId, documentId }: { workspaceId: string; documentId: string }) {
  const { data, error, refetch } = useQuery(CoverageDocument, { variables: { documentId }, fetchPolicy: 'cache-and-network' });
  const [loadCells, cells] = useLazyQuery(CoverageCellContentsDocument, { fetchPolicy: 'network-only' });
  const [open, setOpen] = useState<{ title: string; sectionId: string | null; challenge: string } | null>(null);
  const [why, setWhy] = useState<{ title: string; sectionId: string } | null>(null);
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading the coverage matrix…" />;
  const m = data.coverage;
  const contents = open
    ? cells.data?.coverage.rows.find((r) => r.sectionId === open.sectionId)?.cells.find((c) => c.challenge === open.challenge)?.contents
    : undefined;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {m.gapCount} gap{m.gapCount === 1 ? '' : 's'}: cells with no finding, case study or evidence annotation are marked “Gap”. Each number reads findings / case studies / annotations.
      </Text>
      <div className="concord-heatmap-scroll">
        <Table className="concord-coverage" withTableBorder withColumnBorders>
          <caption>
            <VisuallyHidden>Coverage of the guidance: sections by challenges</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Section</Table.Th>
              {m.challenges.map((c) => (
                <Table.Th scope="col" key={c} style={{ minWidth: '7rem', fontSize: '0.8rem' }}>
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.rows.map((row) => (
              <Table.Tr key={row.sectionId ?? 'unmapped'}>
                <Table.Th scope="row">
                  {row.sectionId ? (
                    <Anchor component="button" type="button" size="sm" onClick={() => row.sectionId && setWhy({ title: row.title, sectionId: row.sectionId })} style={{ textAlign: 'left', paddingLeft: row.level > 1 ? '0.75rem' : 0 }}>
                      {row.title}
                      <VisuallyHidden>: why does this say this?</VisuallyHidden>
                    </Anchor>
                  ) : (
                    <Text size="sm" fs="italic">
                      {row.title}
                    </Text>
                  )}
                </Table.Th>
                {row.cells.map((c) => (
                  <Table.Td key={c.challenge} className="concord-coverage-cell" data-gap={c.gap} data-level={c.gap ? undefined : Math.min(3, c.total)}>
                    <button
                      type="button"
                      className="concord-heat-button"
                      style={{ alignItems: 'center' }}
                      onClick={() => {
                        setOpen({ title: `${row.title} — ${c.challenge}`, sectionId: row.sectionId ?? null, challenge: c.challenge });
                        void loadCells({ variables: { documentId } });
                      }}
                    >
                      <VisuallyHidden>{`${row.title}, ${c.challenge}: `}</VisuallyHidden>
                      {c.gap ? (
                        <span className="concord-heat-main" style={{ color: '#a51d1d' }}>Gap</span>
                      ) : (
                        <>
                          <span className="concord-heat-main">{c.total}</span>
                          <span className="concord-heat-sub">
                            {c.findings} / {c.caseStudies} / {c.annotations}
                          </span>
                        </>
                      )}
                      <VisuallyHidden>{` (${words(c)})`}</VisuallyHidden>
                    </button>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Modal opened={!!open} onClose={() => setOpen(null)} title={open?.title ?? ''} size="lg">
        {!contents ? <InlineLoader label="Loading…" /> : <EvidenceListView list={contents} workspaceId={workspaceId} />}
      </Modal>
      <Modal opened={!!why} onClose={() => setWhy(null)} title={why ? `Why does “${why.title}” say this?` : ''} size="lg">
        {why && <SectionEvidence workspaceId={workspaceId} documentId={documentId} sectionId={why.sectionId} />}
      </Modal>
    </Stack>
  );
}

/** "Why does this say this?": the findings, case studies and evidence annotations behind one section. */
export function SectionEvidence({ workspaceId, documentId, sectionId }: { workspaceId: string; documentId: string; sectionId: string }) {
  const { data, error, refetch } = useQuery(SectionEvidenceDocument, { variables: { documentId, sectionId }, fetchPolicy: 'cache-and-network' });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Loading…" />;
  return <EvidenceListView list={data.sectionEvidence} workspaceId={workspaceId} />;
}

export function EvidenceListView({ list, workspaceId }: { list: EvidenceListPartsFragment; workspaceId: string }) {
  if (!list.findings.length && !list.caseStudies.length && !list.annotations.length) return <Text>Nothing here yet: this is a gap.</Text>;
  const caseName = (id: string | null | undefined) => list.caseStudies.find((c) => c.id === id)?.model.name;
  const findingText = (id: string | null | undefined) => list.findings.find((f) => f.id === id)?.text;
  return (
    <Stack gap="md">
      {list.findings.length > 0 && (
        <div>
          <Text fw={700}>Findings</Text>
          <List size="sm" spacing="xs">
            {list.findings.map((f) => (
              <List.Item key={f.id}>
                <Badge size="xs" variant="light" mr={6}>
                  {FINDING_KIND_LABELS[f.kind]}
                </Badge>
                {f.text} <Text span c="dimmed" size="xs">— {f.source.title}{f.reference ? `, ${f.reference}` : ''}</Text>
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {list.caseStudies.length > 0 && (
        <div>
          <Text fw={700}>Case studies</Text>
          <List size="sm" spacing="xs">
            {list.caseStudies.map((c) => (
              <List.Item key={c.id}>
                <Anchor component={Link} to={`/w/${workspaceId}/case-studies/${c.model.id}`}>
                  {c.model.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {list.annotations.length > 0 && (
        <div>
          <Text fw={700}>Evidence annotations</Text>
          <List size="sm" spacing="xs">
            {list.annotations.map((a) => (
              <List.Item key={a.id}>
                “{a.quote}”: {a.body}
                {a.findingId && findingText(a.findingId) ? ` — cites the finding “${findingText(a.findingId)}”` : a.findingId ? ' — cites a finding' : ''}
                {a.caseStudyId ? ` — cites the case study of ${caseName(a.caseStudyId) ?? 'a model'}` : ''}
                {a.evidenceUrl ? ` — ${a.evidenceUrl}` : ''}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
