// The form that annotates a selection: kind, text, and for a suggested edit the replacement, for evidence
// a link; optional challenge tags and people to mention. The quote is fixed when the form opens.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Blockquote, Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { splitFieldErrors } from '../../../app/errors';
import { AddAnnotationDocument, AnnotationChoicesDocument, type AnnotationKind } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { ANNOTATION_LIMITS, KIND_OPTIONS } from '../annotations';

export interface AnnotationTarget {
  anchor: string;
  quote: string;
}

const FIELDS = ['kind', 'body', 'suggestion', 'evidenceUrl', 'tags', 'quote', 'anchor'] as const;

/** What the form sends; the caller decides where (the live draft or a review round). */
export interface AnnotationDraft {
  kind: AnnotationKind;
  body: string;
  suggestion?: string;
  evidenceUrl?: string;
  tags: string[];
  mentions: string[];
}

export function AnnotationFormModal({
  target,
  onClose,
  workspaceId,
  documentId,
  onCreated,
  submit,
  kinds = KIND_OPTIONS,
}: {
  target: AnnotationTarget | null;
  onClose: () => void;
  /** For tags and mentions; omitted where the viewer may not list them (reviewers). */
  workspaceId?: string;
  documentId?: string;
  onCreated: (id: string) => void;
  /** Overrides addAnnotation (review rounds); resolves with the new annotation's id. */
  submit?: (target: AnnotationTarget, draft: AnnotationDraft) => Promise<string>;
  kinds?: typeof KIND_OPTIONS;
}) {
  return (
    <Modal opened={target !== null} onClose={onClose} title="Comment on the selected text" size="lg">
      {target && (
        <AnnotationForm target={target} onClose={onClose} workspaceId={workspaceId} documentId={documentId} onCreated={onCreated} submit={submit} kinds={kinds} />
      )}
    </Modal>
  );
}

function AnnotationForm({
  target,
  onClose,
  workspaceId,
  documentId,
  onCreated,
  submit,
  kinds,
}: {
  target: AnnotationTarget;
  onClose: () => void;
  workspaceId?: string;
  documentId?: string;
  onCreated: (id: string) => void;
  submit?: (target: AnnotationTarget, draft: AnnotationDraft) => Promise<string>;
  kinds: typeof KIND_OPTIONS;
}) {
  const [kind, setKind] = useState<AnnotationKind>('COMMENT');
  const [body, setBody] = useState('');
  const [suggestion, setSuggestion] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [mentions, setMentions] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [local, setLocal] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const choices = useQuery(AnnotationChoicesDocument, { variables: { workspaceId: workspaceId ?? '' }, skip: !workspaceId });
  const [add] = useMutation(AddAnnotationDocument);

  const tagOptions = choices.data?.workspace?.challengeTags.map((t) => ({ value: t.label, label: t.label })) ?? [];
  const memberOptions = choices.data?.workspace?.members.map((m) => ({ value: m.id, label: m.user.name })) ?? [];
  const { fieldErrors, formError } = splitFieldErrors(error, FIELDS);
  const errors = { ...fieldErrors, ...local };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: typeof local = {};
    if (!body.trim()) problems.body = 'Write your comment.';
    if (kind === 'SUGGESTION' && !suggestion.trim()) problems.suggestion = 'Write the replacement text.';
    if (kind === 'EVIDENCE' && !/^https?:\/\/\S+$/.test(evidenceUrl.trim())) problems.evidenceUrl = 'Give a web address starting with https://';
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const draft: AnnotationDraft = {
      kind,
      body: body.trim(),
      suggestion: kind === 'SUGGESTION' ? suggestion : undefined,
      evidenceUrl: kind === 'EVIDENCE' ? evidenceUrl.trim() : undefined,
      tags,
      mentions,
    };
    setBusy(true);
    setError(null);
    try {
      let id: string;
      if (submit) id = await submit(target, draft);
      else {
        const result = await add({ variables: { input: { documentId: documentId ?? '', anchor: target.anchor, quote: target.quote, ...draft } } });
        id = result.data?.addAnnotation.id ?? '';
      }
      onCreated(id);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={600}>
            Selected text
          </Text>
          <Blockquote p="xs" mt={4} data-testid="annotation-quote" style={{ whiteSpace: 'pre-wrap' }}>
            {target.quote}
          </Blockquote>
          {errors.quote && (
            <Text size="sm" c="danger.7" role="alert">
              {errors.quote} The text may have changed; select it again.
            </Text>
          )}
        </div>
        <FormError message={formError} />
        <Select label="Kind" data={kinds} value={kind} onChange={(v) => v && setKind(v as AnnotationKind)} allowDeselect={false} error={errors.kind} />
        <Textarea
          label={kind === 'QUESTION' ? 'Your question' : kind === 'SUGGESTION' ? 'Why this change' : 'Your comment'}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={ANNOTATION_LIMITS.bodyMax}
          required
          error={errors.body}
          data-autofocus
        />
        {kind === 'SUGGESTION' && (
          <Textarea
            label="Replacement text"
            description="Replaces the selected text if the suggestion is accepted."
            value={suggestion}
            onChange={(e) => setSuggestion(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={ANNOTATION_LIMITS.suggestionMax}
            required
            error={errors.suggestion}
          />
        )}
        {kind === 'EVIDENCE' && (
          <TextInput
            label="Link to the evidence"
            description="A source finding, case study or report."
            type="url"
            value={evidenceUrl}
            onChange={(e) => setEvidenceUrl(e.currentTarget.value)}
            required
            error={errors.evidenceUrl}
          />
        )}
        {workspaceId && (
          <>
            <MultiSelect label="Challenge tags (optional)" data={tagOptions} value={tags} onChange={setTags} searchable clearable error={errors.tags} />
            <MultiSelect label="Mention people (optional)" description="They get a notification." data={memberOptions} value={mentions} onChange={setMentions} searchable clearable />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Add {kinds.find((k) => k.value === kind)?.label.toLowerCase() ?? 'comment'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
