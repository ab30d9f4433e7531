// Fills in a model's case study against the current template: save as draft any time, submit when
// every required field is answered. Field-level errors from the server sit beside their fields.
import { useMemo, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { toProblem } from '../../../app/errors';
import { CaseStudyListDocument, ModelCaseStudyDocument, SaveCaseStudyDocument, SubmitCaseStudyDocument, type CaseStudyAnswerInput, type SubmissionPartsFragment, type TemplatePartsFragment } from '../../../generated/graphql';
import { AssessmentMatrixDocument, CoverageDocument } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { fieldProblems } from '../errors';

type Field = TemplatePartsFragment['sections'][number]['fields'][number];
type Value = { value: string; choices: string[] };

export function CaseStudyForm({ modelId, template, submission }: { modelId: string; template: TemplatePartsFragment; submission: SubmissionPartsFragment | null }) {
  const initial = useMemo(() => {
    const v: Record<string, Value> = {};
    for (const a of submission?.answers ?? []) v[a.fieldId] = { value: a.value ?? '', choices: a.choices };
    return v;
  }, [submission]);
  const [values, setValues] = useState<Record<string, Value>>(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const refetchQueries = [ModelCaseStudyDocument, CaseStudyListDocument, AssessmentMatrixDocument, CoverageDocument];
  const [save, saving] = useMutation(SaveCaseStudyDocument, { refetchQueries });
  const [submit, submitting] = useMutation(SubmitCaseStudyDocument, { refetchQueries });
  const error = submitting.error ?? saving.error;
  const problems = fieldProblems(error);
  const errorOf = (id: string) => {
    const m = problems.find((p) => p.key === id)?.message.replace(/^[^:]*: /, '');
    return m && m.charAt(0).toUpperCase() + m.slice(1);
  };
  const set = (id: string, v: Partial<Value>) => setValues((s) => ({ ...s, [id]: { ...(s[id] ?? { value: '', choices: [] }), ...v } }));

  const answers = (): CaseStudyAnswerInput[] =>
    template.sections.flatMap((s) =>
      s.fields.flatMap((f): CaseStudyAnswerInput[] => {
        const v = values[f.id];
        if (!v) return [];
        return f.type === 'SINGLE_CHOICE' || f.type === 'MULTIPLE_CHOICE' ? [{ fieldId: f.id, choices: v.choices }] : [{ fieldId: f.id, value: v.value }];
      }),
    );

  async function onSave(andSubmit: boolean) {
    setSaved(null);
    saving.reset();
    submitting.reset();
    try {
      const r = await save({ variables: { input: { modelId, answers: answers() } } });
      if (!r.data) return;
      if (andSubmit) {
        await submit({ variables: { id: r.data.saveCaseStudy.id } });
        setSaved('Submitted. Thank you: the working group can now read your case study.');
      } else setSaved('Draft saved.');
    } catch {
      // Shown from the mutations' errors.
    }
  }

  const summary = problems.length > 0 ? `${problems.length === 1 ? 'One answer needs' : `${problems.length} answers need`} attention before this can be ${submitting.error ? 'submitted' : 'saved'}.` : toProblem(error)?.message;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void onSave(true); }} noValidate aria-label="Case study">
      <Stack gap="lg">
        {submission?.status === 'RETURNED' && submission.returnComment && (
          <Alert color="warning" variant="light" title="Returned for changes">
            {submission.returnComment}
          </Alert>
        )}
        {saved && (
          <Alert color="success" variant="light" role="status">
            {saved}
          </Alert>
        )}
        <FormError message={summary} />
        {template.sections.map((section) => (
          <Paper key={section.id} withBorder p="md" radius="md" component="fieldset" style={{ border: undefined }}>
            <Title order={2} size="h4" component="legend" mb="sm">
              {section.title}
            </Title>
            <Stack gap="sm">
              {section.fields.map((f) => (
                <FieldInput key={f.id} field={f} value={values[f.id] ?? { value: '', choices: [] }} onChange={(v) => set(f.id, v)} error={errorOf(f.id)} />
              ))}
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button variant="default" onClick={() => void onSave(false)} loading={saving.loading && !submitting.loading}>
            Save draft
          </Button>
          <Button type="submit" loading={submitting.loading}>
            Submit case study
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Fields marked * are required to submit. A draft can be saved at any time.
        </Text>
      </Stack>
    </form>
  );
}

function FieldInput({ field, value, onChange, error }: { field: Field; value: Value; onChange: (v: Partial<Value>) => void; error?: string }) {
  const common = { label: field.label, description: field.help || undefined, required: field.required, error };
  switch (field.type) {
    case 'LONG_TEXT':
      return <Textarea {...common} autosize minRows={3} value={value.value} onChange={(e) => onChange({ value: e.currentTarget.value })} />;
    case 'NUMBER':
      return <NumberInput {...common} value={value.value} onChange={(v) => onChange({ value: String(v) })} thousandSeparator="," allowDecimal />;
    case 'DATE':
      return <TextInput {...common} type="date" value={value.value} onChange={(e) => onChange({ value: e.currentTarget.value })} />;
    case 'URL':
      return <TextInput {...common} type="url" placeholder="https://" value={value.value} onChange={(e) => onChange({ value: e.currentTarget.value })} />;
    case 'SINGLE_CHOICE':
      return (
        <Radio.Group {...common} value={value.choices[0] ?? ''} onChange={(v) => onChange({ choices: v ? [v] : [] })}>
          <Stack gap={6} mt="xs">
            {field.options.map((o) => (
              <Radio key={o} value={o} label={o} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'MULTIPLE_CHOICE':
      return (
        <Checkbox.Group {...common} value={value.choices} onChange={(v) => onChange({ choices: v })}>
          <Stack gap={6} mt="xs">
            {field.options.map((o) => (
              <Checkbox key={o} value={o} label={o} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    default:
      return <TextInput {...common} value={value.value} onChange={(e) => onChange({ value: e.currentTarget.value })} />;
  }
}

/** A submission read against the template version it was made with. */
export function CaseStudyAnswers({ submission }: { submission: SubmissionPartsFragment }) {
  const byId = new Map(submission.answers.map((a) => [a.fieldId, a]));
  return (
    <Stack gap="md">
      {submission.template.sections.map((s) => (
        <Paper key={s.id} withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {s.title}
          </Title>
          <Stack gap="xs" component="dl" m={0}>
            {s.fields.map((f) => {
              const a = byId.get(f.id);
              const text = a ? (a.choices.length ? a.choices.join(', ') : (a.value ?? '')) : '';
              return (
                <div key={f.id}>
                  <Text component="dt" fw={600} size="sm">
                    {f.label}
                  </Text>
                  <Text component="dd" m={0} size="sm" style={{ whiteSpace: 'pre-wrap' }} c={text ? undefined : 'dimmed'}>
                    {text || 'Not answered'}
                  </Text>
                </div>
              );
            })}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
