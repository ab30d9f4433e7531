// Proposes a decision, or replaces an agreed one: a lead's replacement is agreed at once and supersedes it;
// an editor's is proposed, and agreeing it later supersedes the old one.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { splitFieldErrors } from '../../../app/errors';
import {
  DecisionLogDocument,
  ProposeDecisionDocument,
  SupersedeDecisionDocument,
  type DecisionFieldsFragment,
  type DecisionOptionsQuery,
  type ProposeDecisionInput,
} from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { focusFirstInvalid } from '../../plan/focus';
import { VERDICT_LABELS } from '../../consensus/consensus';
import { formatCalendarDate } from '../../plan/plan';
import { DECISION_LIMITS } from '../decisions';
import { AgreementFields, agreementVariables, type Agreement } from './AgreementFields';

const FIELDS = ['title', 'statement', 'rationale', 'milestoneId'] as const;
type Field = (typeof FIELDS)[number];

export type DecisionOptions = NonNullable<DecisionOptionsQuery['workspace']>;

interface Props {
  workspaceId: string;
  options: DecisionOptions | undefined;
  /** The agreed decision being replaced, if any. */
  replacing?: DecisionFieldsFragment;
  /** A lead's replacement is agreed at once (supersedeDecision); otherwise it is proposed. */
  agreeNow?: boolean;
  onDone: (decision: DecisionFieldsFragment) => void;
  onCancel?: () => void;
}

function linkedIds(decision: DecisionFieldsFragment | undefined, kind: string): string[] {
  return decision ? decision.links.filter((l) => l.kind === kind).map((l) => (kind === 'SECTION' ? `${l.documentId}::${l.id}` : l.id)) : [];
}

export function DecisionForm({ workspaceId, options, replacing, agreeNow = false, onDone, onCancel }: Props) {
  const idPrefix = replacing ? `replace-${replacing.id}` : 'propose';
  const [title, setTitle] = useState(replacing?.title ?? '');
  const [statement, setStatement] = useState(replacing?.statement ?? '');
  const [rationale, setRationale] = useState('');
  const [milestoneId, setMilestoneId] = useState(replacing?.milestoneId ?? '');
  const [sourceIds, setSourceIds] = useState<string[]>(linkedIds(replacing, 'SOURCE'));
  const [sections, setSections] = useState<string[]>(linkedIds(replacing, 'SECTION'));
  const [roundItemIds, setRoundItemIds] = useState<string[]>(linkedIds(replacing, 'ROUND_RESULT'));
  const [agreement, setAgreement] = useState<Agreement>({ via: 'LEAD' });
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [propose, proposing] = useMutation(ProposeDecisionDocument, { refetchQueries: [DecisionLogDocument] });
  const [supersede, superseding] = useMutation(SupersedeDecisionDocument, { refetchQueries: [DecisionLogDocument] });
  const error = proposing.error ?? superseding.error;
  const { fieldErrors, formError } = splitFieldErrors(error, FIELDS);
  const errors = { ...fieldErrors, ...local };

  const closedRounds = (options?.rounds ?? []).filter((r) => r.status === 'CLOSED');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    if (!title.trim()) problems.title = 'Give the decision a short title.';
    if (!statement.trim()) problems.statement = 'Say what is decided: a decision needs a statement.';
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(event.currentTarget as HTMLFormElement);
      return;
    }
    const input: ProposeDecisionInput = {
      workspaceId,
      title: title.trim(),
      statement: statement.trim(),
      rationale: rationale.trim(),
      milestoneId: milestoneId || undefined,
      sourceIds: sourceIds.length ? sourceIds : undefined,
      roundItemIds: roundItemIds.length ? roundItemIds : undefined,
      sections: sections.length
        ? sections.map((s) => {
            const [documentId, sectionId] = s.split('::');
            return { documentId, sectionId };
          })
        : undefined,
    };
    try {
      if (replacing && agreeNow) {
        const result = await supersede({ variables: { id: replacing.id, input, ...agreementVariables(agreement) } });
        if (result.data) onDone(result.data.supersedeDecision);
      } else {
        const result = await propose({ variables: { input: { ...input, supersedesId: replacing?.id } } });
        if (result.data) onDone(result.data.proposeDecision);
      }
    } catch {
      // Shown from `error`.
    }
  }

  const heading = replacing ? (agreeNow ? `Supersede ${replacing.ref}` : `Propose a replacement for ${replacing.ref}`) : 'Propose a decision';
  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={(e: FormEvent) => void onSubmit(e)} noValidate aria-labelledby={`${idPrefix}-heading`}>
      <Stack gap="sm">
        <Title order={replacing ? 4 : 2} size="h4" id={`${idPrefix}-heading`}>
          {heading}
        </Title>
        {replacing && (
          <Alert color="concordBlue" variant="light">
            An agreed decision is never edited, so that the log always shows what was decided and when. A change is a new decision:{' '}
            {agreeNow
              ? `it is agreed now, and ${replacing.ref} is marked superseded by it.`
              : `once the lead agrees it, ${replacing.ref} is marked superseded by it.`}
          </Alert>
        )}
        <FormError message={formError} />
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={errors.title} maxLength={DECISION_LIMITS.titleMax} />
        <Textarea
          label="Statement"
          description="What is decided, in one or two sentences."
          value={statement}
          onChange={(e) => setStatement(e.currentTarget.value)}
          required
          error={errors.statement}
          autosize
          minRows={2}
          maxLength={DECISION_LIMITS.statementMax}
        />
        <Textarea
          label="Rationale"
          description={replacing ? 'Why it changes.' : 'Why: the evidence, results or discussion behind it.'}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          error={errors.rationale}
          autosize
          minRows={2}
          maxLength={DECISION_LIMITS.rationaleMax}
        />
        <NativeSelect
          label="Milestone"
          data={[{ value: '', label: 'None' }, ...(options?.milestones ?? []).map((m) => ({ value: m.id, label: `${m.title} (due ${formatCalendarDate(m.dueDate)})` }))]}
          value={milestoneId}
          onChange={(e) => setMilestoneId(e.currentTarget.value)}
          error={errors.milestoneId}
        />
        {options && (
          <Fieldset legend="What it rests on (optional)" variant="filled">
            <Stack gap="md">
              {closedRounds.some((r) => r.items.length > 0) && (
                <Checkbox.Group label="Consensus results" value={roundItemIds} onChange={setRoundItemIds}>
                  <Stack gap={6} mt={4}>
                    {closedRounds.flatMap((r) =>
                      r.items.map((i) => (
                        <Checkbox
                          key={i.id}
                          value={i.id}
                          label={`${r.title}: ${i.criterion.statement}${i.result ? ` (${VERDICT_LABELS[i.result.verdict]})` : ''}`}
                        />
                      )),
                    )}
                  </Stack>
                </Checkbox.Group>
              )}
              {options.documents.some((d) => d.sections.length > 0) && (
                <Checkbox.Group label="Sections of the guidance" value={sections} onChange={setSections}>
                  <Stack gap={6} mt={4}>
                    {options.documents.flatMap((d) =>
                      d.sections
                        .filter((s) => s.title)
                        .map((s) => (
                          <Checkbox
                            key={`${d.id}::${s.id}`}
                            value={`${d.id}::${s.id}`}
                            label={options.documents.length > 1 ? `${d.title}: ${s.title}` : s.title}
                            ml={Math.max(0, s.level - 1) * 16}
                          />
                        )),
                    )}
                  </Stack>
                </Checkbox.Group>
              )}
              {options.sources.length > 0 && (
                <Checkbox.Group label="Sources" value={sourceIds} onChange={setSourceIds}>
                  <Stack gap={6} mt={4}>
                    {options.sources.map((s) => (
                      <Checkbox key={s.id} value={s.id} label={s.year ? `${s.title} (${s.year})` : s.title} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            </Stack>
          </Fieldset>
        )}
        {replacing && agreeNow && options && (
          <AgreementFields idPrefix={idPrefix} value={agreement} onChange={setAgreement} options={{ meetings: options.meetings, closedRounds }} />
        )}
        {!replacing && (
          <Text size="sm" c="dimmed">
            It is numbered when proposed and stays proposed until the lead agrees it.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={proposing.loading || superseding.loading}>
            {replacing ? (agreeNow ? `Agree and supersede ${replacing.ref}` : 'Propose the replacement') : 'Propose'}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
