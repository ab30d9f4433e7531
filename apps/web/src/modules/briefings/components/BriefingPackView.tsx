// A meeting's briefing pack rendered in the app, section by section as in the PDF.
import type { ReactNode } from 'react';
import { Badge, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { SECTOR_LABELS, type Sector } from '@concord/shared';
import type { BriefingDecisionFieldsFragment, BriefingDeliverableFieldsFragment, BriefingPackQuery } from '../../../generated/graphql';
import { formatDateTime } from '../../../app/format';
import { KIND_LABELS } from '../../annotations/annotations';
import { SCALE_LABELS, VERDICT_LABELS } from '../../consensus/consensus';
import { MilestoneStatusBadge } from '../../plan/components/MilestoneStatusBadge';
import { formatCalendarDate, STATUS_LABELS } from '../../plan/plan';
import { BRIEFING_SECTIONS, capital, count, percent, periodText } from '../briefings';

type Pack = BriefingPackQuery['briefingPack'];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={`briefing-${id}`}>
      <Title order={2} size="h3" id={`briefing-${id}`} mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

const Note = ({ children }: { children: ReactNode }) => (
  <Text c="dimmed" fs="italic">
    {children}
  </Text>
);

function sectorName(key: string): string {
  return SECTOR_LABELS[key as Sector] ?? key;
}

export function BriefingPackView({ pack }: { pack: Pack }) {
  const since = periodText(pack.previousMeeting, formatCalendarDate);
  const served = pack.milestones.find((m) => m.servedByMeeting);
  const unresolved = pack.unresolvedAnnotations.reduce((n, s) => n + s.annotations.length, 0);
  const deliverables = [...pack.lateDeliverables, ...pack.atRiskDeliverables];
  const documents = new Set(pack.unresolvedAnnotations.map((s) => s.documentId));

  return (
    <Stack gap="lg">
      <Section id="summary" title={BRIEFING_SECTIONS.summary}>
        <List spacing={4}>
          {served && (
            <List.Item>
              Milestone: <strong>{served.title}</strong> — {STATUS_LABELS[served.status]}: {served.statusReason}.
            </List.Item>
          )}
          <List.Item>{capital(`${count(pack.decisionsAgreed.length, 'decision')} agreed ${since}; ${count(pack.decisionsProposed.length, 'decision')} proposed and awaiting agreement.`)}</List.Item>
          <List.Item>{capital(`${count(pack.roundResults.length, 'consensus round')} closed ${since}; ${count(pack.openRounds.length, 'vote')} still open.`)}</List.Item>
          <List.Item>{capital(`${count(pack.lateDeliverables.length, 'deliverable')} late; ${pack.atRiskDeliverables.length || 'none'} at risk of being late.`)}</List.Item>
          <List.Item>{capital(`${count(unresolved, 'unresolved annotation')} on the draft; ${count(pack.reviewRounds.length, 'review round')} to report.`)}</List.Item>
        </List>
      </Section>

      <Section id="agenda" title={BRIEFING_SECTIONS.agenda}>
        {pack.meeting.agenda.length === 0 ? (
          <Note>No agenda items yet.</Note>
        ) : (
          <List type="ordered" spacing={4}>
            {pack.meeting.agenda.map((item, i) => (
              <List.Item key={i}>{item}</List.Item>
            ))}
          </List>
        )}
      </Section>

      <Section id="milestones" title={BRIEFING_SECTIONS.milestones}>
        {pack.milestones.length === 0 ? (
          <Note>No milestones in the plan.</Note>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Milestone</Table.Th>
                  <Table.Th scope="col">Due</Table.Th>
                  <Table.Th scope="col" miw={110}>
                    Status
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Done
                  </Table.Th>
                  <Table.Th scope="col">Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pack.milestones.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      {m.servedByMeeting ? <strong>{m.title}</strong> : m.title}
                      {m.servedByMeeting && <em> (this meeting)</em>}
                    </Table.Td>
                    <Table.Td>{formatCalendarDate(m.dueDate)}</Table.Td>
                    <Table.Td>
                      <MilestoneStatusBadge status={m.status} size="sm" />
                    </Table.Td>
                    <Table.Td ta="right">
                      {m.deliverablesDone} of {m.deliverablesTotal}
                    </Table.Td>
                    <Table.Td>{m.statusReason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <Section id="deliverables" title={BRIEFING_SECTIONS.deliverables}>
        {deliverables.length === 0 ? (
          <Note>None: on {formatCalendarDate(pack.asOf)} no open deliverable is overdue or due within its milestone’s risk window.</Note>
        ) : (
          <DeliverableTable late={pack.lateDeliverables} atRisk={pack.atRiskDeliverables} />
        )}
      </Section>

      <Section id="decisions" title={BRIEFING_SECTIONS.decisions}>
        <Title order={3} size="h4">
          Agreed {since}
        </Title>
        {pack.decisionsAgreed.length === 0 ? <Note>No decisions were agreed {since}.</Note> : <DecisionTable decisions={pack.decisionsAgreed} agreed />}
        <Title order={3} size="h4">
          Proposed, awaiting agreement
        </Title>
        {pack.decisionsProposed.length === 0 ? <Note>No decisions are waiting to be agreed.</Note> : <DecisionTable decisions={pack.decisionsProposed} agreed={false} />}
      </Section>

      <Section id="results" title={BRIEFING_SECTIONS.results}>
        {pack.roundResults.length === 0 && <Note>No consensus round closed {since}.</Note>}
        {pack.roundResults.map((r) => {
          const likert = r.scale === 'LIKERT_9';
          return (
            <div key={r.id}>
              <Title order={3} size="h4">
                {r.title} (closed {formatCalendarDate(r.closedAt.slice(0, 10))})
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                Round {r.number} · {SCALE_LABELS[r.scale]} · {r.anonymous ? 'anonymous: aggregates only, sector cells of fewer than 3 voters not shown' : 'not anonymous'}.
              </Text>
              <Table.ScrollContainer minWidth={720}>
                <Table withTableBorder striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">#</Table.Th>
                      <Table.Th scope="col">Criterion</Table.Th>
                      <Table.Th scope="col">Verdict</Table.Th>
                      <Table.Th scope="col">n</Table.Th>
                      <Table.Th scope="col">Median</Table.Th>
                      <Table.Th scope="col">{likert ? 'Rated 7–9' : 'Agreeing'}</Table.Th>
                      <Table.Th scope="col">By sector</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.items.map((i) => (
                      <Table.Tr key={i.itemId}>
                        <Table.Td>{i.position}</Table.Td>
                        <Table.Td>{i.criterion}</Table.Td>
                        <Table.Td fw={700}>{VERDICT_LABELS[i.verdict]}</Table.Td>
                        <Table.Td>{i.n}</Table.Td>
                        <Table.Td>{likert && i.median !== null ? i.median : '–'}</Table.Td>
                        <Table.Td>{percent(i.agreeShare)}</Table.Td>
                        <Table.Td>
                          {i.bySector.length === 0
                            ? '–'
                            : i.bySector.every((c) => c.suppressed)
                              ? 'Not shown: no sector has 3 voters'
                              : i.bySector.map((c) => `${sectorName(c.sector)}: ${c.suppressed ? 'fewer than 3 voters' : percent(c.agreeShare)}`).join('; ')}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </div>
          );
        })}
      </Section>

      <Section id="open-rounds" title={BRIEFING_SECTIONS.openRounds}>
        {pack.openRounds.length === 0 ? (
          <Note>No vote is open.</Note>
        ) : (
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Round</Table.Th>
                <Table.Th scope="col">Items</Table.Th>
                <Table.Th scope="col">Voted</Table.Th>
                <Table.Th scope="col">Closes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pack.openRounds.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.title}</Table.Td>
                  <Table.Td>{r.itemCount}</Table.Td>
                  <Table.Td>
                    {r.votedCount} of {r.eligibleCount}
                  </Table.Td>
                  <Table.Td>{r.closesAt ? formatDateTime(r.closesAt) : 'No closing time set'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section id="annotations" title={BRIEFING_SECTIONS.annotations}>
        {pack.unresolvedAnnotations.length === 0 ? (
          <Note>Every annotation on the draft is resolved.</Note>
        ) : (
          <Note>{capital(`${count(unresolved, 'annotation')} open on the live draft, by section in the order of the document.`)}</Note>
        )}
        {pack.unresolvedAnnotations.map((s) => (
          <div key={`${s.documentId}-${s.sectionId ?? 'orphaned'}`}>
            <Title order={3} size="h4" mb="xs">
              {documents.size > 1 ? `${s.documentTitle}: ` : ''}
              {s.sectionTitle || 'Before the first heading'} ({s.annotations.length})
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table withTableBorder striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Kind</Table.Th>
                    <Table.Th scope="col">Passage</Table.Th>
                    <Table.Th scope="col">Annotation</Table.Th>
                    <Table.Th scope="col">By</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.annotations.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{KIND_LABELS[a.kind]}</Table.Td>
                      <Table.Td>
                        <em>“{a.quote}”</em>
                      </Table.Td>
                      <Table.Td>
                        {a.body}
                        {a.replyCount ? ` (${count(a.replyCount, 'reply', 'replies')})` : ''}
                        {a.tags.length ? ` [${a.tags.join(', ')}]` : ''}
                      </Table.Td>
                      <Table.Td>
                        {a.authorName}
                        <Text size="xs" c="dimmed">
                          {formatDateTime(a.createdAt)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        ))}
      </Section>

      <Section id="reviews" title={BRIEFING_SECTIONS.reviews}>
        {pack.reviewRounds.length === 0 && <Note>No review round is open or closed {since}.</Note>}
        {pack.reviewRounds.map((r) => (
          <div key={r.id}>
            <Title order={3} size="h4">
              {r.title} ({r.status === 'OPEN' ? `open until ${formatDateTime(r.closesAt)}` : `closed ${formatDateTime(r.closedAt ?? r.closesAt)}`})
            </Title>
            <Text>
              {[r.versionName ? `Version “${r.versionName}”` : null, count(r.reviewerCount, 'reviewer'), count(r.commentCount, 'comment'), r.status === 'CLOSED' ? `${r.respondedCount} of ${r.commentCount} answered in triage` : null]
                .filter(Boolean)
                .join(' · ')}
              .
            </Text>
            {r.status === 'CLOSED' && r.commentCount > 0 ? (
              <>
                <Table withTableBorder striped mt="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Section</Table.Th>
                      <Table.Th scope="col">Comments</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.bySection.map((c) => (
                      <Table.Tr key={c.key}>
                        <Table.Td>{c.key}</Table.Td>
                        <Table.Td>{c.n}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Text mt="xs">
                  <strong>By kind:</strong> {r.byKind.map((c) => `${KIND_LABELS[c.key as keyof typeof KIND_LABELS] ?? c.key} ${c.n}`).join(', ')}.{' '}
                  <strong>By sector:</strong> {r.bySector.map((c) => `${sectorName(c.key)} ${c.n}`).join(', ')}.
                </Text>
              </>
            ) : r.status === 'OPEN' ? (
              <Note>The summary by section, kind and sector follows when the round closes.</Note>
            ) : null}
          </div>
        ))}
      </Section>
    </Stack>
  );
}

function DeliverableTable({ late, atRisk }: { late: readonly BriefingDeliverableFieldsFragment[]; atRisk: readonly BriefingDeliverableFieldsFragment[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Deliverable</Table.Th>
            <Table.Th scope="col">Milestone</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Due</Table.Th>
            <Table.Th scope="col">State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...late.map((d) => ({ d, late: true })), ...atRisk.map((d) => ({ d, late: false }))].map(({ d, late: isLate }) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>{d.milestoneTitle}</Table.Td>
              <Table.Td>{d.ownerName ?? 'No owner'}</Table.Td>
              <Table.Td>{formatCalendarDate(d.dueDate)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={isLate ? 'danger' : 'warning'} styles={{ root: { textTransform: 'none', color: `var(--mantine-color-${isLate ? 'danger' : 'warning'}-9)` } }}>
                  {isLate ? '■ Late' : '▲ At risk'}
                </Badge>{' '}
                {d.when}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DecisionTable({ decisions, agreed }: { decisions: readonly BriefingDecisionFieldsFragment[]; agreed: boolean }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ref</Table.Th>
            <Table.Th scope="col">Decision</Table.Th>
            <Table.Th scope="col">Rationale</Table.Th>
            {agreed && <Table.Th scope="col">Agreed</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decisions.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td fw={700}>{d.ref}</Table.Td>
              <Table.Td>
                <Text fw={600} size="sm">
                  {d.title}
                </Text>
                <Text size="sm">{d.statement}</Text>
                {d.resultSummary && (
                  <Text size="xs" c="dimmed">
                    {d.resultSummary}
                  </Text>
                )}
                {d.supersededByRef && (
                  <Text size="xs" fw={700}>
                    Superseded by {d.supersededByRef}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.rationale || '–'}</Text>
              </Table.Td>
              {agreed && (
                <Table.Td>
                  <Text size="sm">
                    {d.agreedAt ? formatDateTime(d.agreedAt) : ''}
                    {d.agreedWhere ? ` ${d.agreedWhere}` : ''}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
