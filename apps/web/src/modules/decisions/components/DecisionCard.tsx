// One entry of the decision log: number, status, statement, rationale, what it rests on, where it was agreed,
// and what a lead or editor can do next.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { splitFieldErrors } from '../../../app/errors';
import { AgreeDecisionDocument, DecisionLogDocument, type DecisionFieldsFragment } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { draftHref } from '../../documents/documents';
import { milestoneAnchor, milestonesHref } from '../../plan/plan';
import { DECISION_STATUS_LABELS, DECISION_STATUS_STYLE, decisionAnchor } from '../decisions';
import { AgreementFields, agreementVariables, type Agreement, type AgreementOptions } from './AgreementFields';
import { DecisionForm, type DecisionOptions } from './DecisionForm';

const LINK_KIND_LABELS: Record<string, string> = {
  MILESTONE: 'Milestone',
  ROUND_RESULT: 'Result',
  SECTION: 'Section',
  ANNOTATION: 'Annotation',
  SOURCE: 'Source',
};

interface Props {
  workspaceId: string;
  decision: DecisionFieldsFragment;
  whereAgreed: (d: DecisionFieldsFragment) => string;
  options: DecisionOptions | undefined;
  canPropose: boolean;
  canAgree: boolean;
  onChanged: (message: string) => void;
}

export function DecisionStatusBadge({ status }: { status: DecisionFieldsFragment['status'] }) {
  const style = DECISION_STATUS_STYLE[status];
  return (
    <Badge color={style.color} variant="light" leftSection={<span aria-hidden="true">{style.symbol}</span>} styles={{ root: { textTransform: 'none', color: `var(--mantine-color-${style.color}-9)` } }}>
      {DECISION_STATUS_LABELS[status]}
    </Badge>
  );
}

export function DecisionCard({ workspaceId, decision: d, whereAgreed, options, canPropose, canAgree, onChanged }: Props) {
  const [mode, setMode] = useState<'idle' | 'agree' | 'replace'>('idle');
  const headingId = `${decisionAnchor(d.id)}-heading`;
  const closedRounds = (options?.rounds ?? []).filter((r) => r.status === 'CLOSED');
  const agreementOptions: AgreementOptions = { meetings: options?.meetings ?? [], closedRounds };

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="article"
      aria-labelledby={headingId}
      id={decisionAnchor(d.id)}
      // Focused (not tabbed to) when "Show more" brings it in first.
      tabIndex={-1}
      data-testid="decision"
      data-status={d.status}
      style={d.status === 'SUPERSEDED' ? { background: 'var(--mantine-color-neutral-0)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={headingId}>
            <Text span inherit c="concordBlue.7">
              {d.ref}
            </Text>{' '}
            {d.title}
          </Title>
          <DecisionStatusBadge status={d.status} />
        </Group>
        <Text fw={600} style={d.status === 'SUPERSEDED' ? { textDecoration: 'line-through' } : undefined}>
          {d.statement}
        </Text>
        {d.rationale && (
          <Text size="sm">
            <strong>Why:</strong> {d.rationale}
          </Text>
        )}
        {d.resultSummary && (
          <Text size="sm" c="dimmed">
            {d.resultSummary}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {d.status === 'PROPOSED' ? `Proposed ${formatDateTime(d.createdAt)}; awaiting agreement.` : `${whereAgreed(d)}${d.agreedAt ? `, ${formatDateTime(d.agreedAt)}` : ''}.`}
        </Text>
        {d.supersedesId && (
          <Text size="sm">
            Replaces <Anchor href={`#${decisionAnchor(d.supersedesId)}`}>{d.supersedes?.ref ?? 'an earlier decision'}</Anchor>
            {d.status === 'PROPOSED' ? ' once agreed' : ''}.
          </Text>
        )}
        {d.supersededById && (
          <Text size="sm" fw={700}>
            Superseded by <Anchor href={`#${decisionAnchor(d.supersededById)}`}>{d.supersededBy?.ref ?? 'a later decision'}</Anchor>.
          </Text>
        )}
        {d.links.length > 0 && (
          <div>
            <Text size="sm" fw={600} id={`${headingId}-links`}>
              Rests on
            </Text>
            <List size="sm" spacing={2} aria-labelledby={`${headingId}-links`}>
              {d.links.map((l) => (
                <List.Item key={`${l.kind}-${l.documentId ?? ''}-${l.id}`}>
                  {LINK_KIND_LABELS[l.kind] ?? l.kind}: <LinkTarget workspaceId={workspaceId} link={l} />
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {mode === 'idle' && (
          <Group gap="sm">
            {d.status === 'PROPOSED' && canAgree && (
              <Button size="sm" onClick={() => setMode('agree')} aria-label={`Agree ${d.ref}`}>
                Agree…
              </Button>
            )}
            {d.status === 'AGREED' && (canAgree || canPropose) && (
              <Button size="sm" variant="default" onClick={() => setMode('replace')} aria-label={`${canAgree ? 'Supersede' : 'Propose a replacement for'} ${d.ref}`}>
                {canAgree ? 'Supersede…' : 'Propose a replacement…'}
              </Button>
            )}
          </Group>
        )}
        {d.status === 'AGREED' && mode === 'idle' && (canAgree || canPropose) && (
          <Text size="xs" c="dimmed">
            An agreed decision is never edited; a change is a new decision that supersedes it.
          </Text>
        )}
        {mode === 'agree' && (
          <AgreeForm
            decision={d}
            options={agreementOptions}
            onCancel={() => setMode('idle')}
            onDone={() => {
              setMode('idle');
              onChanged(`${d.ref} agreed.`);
            }}
          />
        )}
        {mode === 'replace' && (
          <DecisionForm
            workspaceId={workspaceId}
            options={options}
            replacing={d}
            agreeNow={canAgree}
            onCancel={() => setMode('idle')}
            onDone={(created) => {
              setMode('idle');
              onChanged(canAgree ? `${created.ref} agreed; ${d.ref} is superseded.` : `${created.ref} proposed to replace ${d.ref}.`);
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}

function LinkTarget({ workspaceId, link }: { workspaceId: string; link: DecisionFieldsFragment['links'][number] }) {
  if (link.kind === 'MILESTONE') {
    return (
      <Anchor component={Link} to={`${milestonesHref(workspaceId)}#${milestoneAnchor(link.id)}`}>
        {link.label}
      </Anchor>
    );
  }
  if (link.kind === 'SECTION' && link.documentId) {
    return (
      <Anchor component={Link} to={draftHref(workspaceId, link.documentId)}>
        {link.label}
      </Anchor>
    );
  }
  if (link.kind === 'SOURCE') {
    return (
      <Anchor component={Link} to={`/w/${encodeURIComponent(workspaceId)}/evidence`}>
        {link.label}
      </Anchor>
    );
  }
  return <>{link.label}</>;
}

function AgreeForm({ decision, options, onCancel, onDone }: { decision: DecisionFieldsFragment; options: AgreementOptions; onCancel: () => void; onDone: () => void }) {
  const [agreement, setAgreement] = useState<Agreement>(options.meetings.length ? { via: 'MEETING', meetingId: options.meetings[0].id } : { via: 'LEAD' });
  const [agree, { loading, error }] = useMutation(AgreeDecisionDocument, { refetchQueries: [DecisionLogDocument], awaitRefetchQueries: true });
  const { formError } = splitFieldErrors(error, []);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await agree({ variables: { id: decision.id, ...agreementVariables(agreement) } });
      onDone();
    } catch {
      // Shown from `error`.
    }
  }
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={(e: FormEvent) => void onSubmit(e)} aria-label={`Agree ${decision.ref}`}>
      <Stack gap="sm">
        <FormError message={formError} />
        <AgreementFields idPrefix={`agree-${decision.id}`} value={agreement} onChange={setAgreement} options={options} />
        <Text size="sm" c="dimmed">
          Once agreed, {decision.ref} is never edited: a change is a new decision that supersedes it.
        </Text>
        <Group>
          <Button type="submit" loading={loading}>
            Agree {decision.ref}
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
