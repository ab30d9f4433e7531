// New document and Rename: a title and an optional word budget for the whole document.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { splitFieldErrors } from '../../../app/errors';
import { problems, requiredText } from '../../../app/validation';
import { CreateDocumentDocument, UpdateDocumentDocument, WorkspaceDocumentsDocument, type DocumentSummaryFragment } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { DOCUMENT_LIMITS } from '../documents';

const FIELDS = ['title', 'wordBudget'] as const;
type Field = (typeof FIELDS)[number];

interface DocumentFormModalProps {
  opened: boolean;
  onClose: () => void;
  workspaceId: string;
  /** The document to rename; without it, the form creates one. */
  document?: DocumentSummaryFragment;
  onCreated?: (created: DocumentSummaryFragment) => void;
}

export function DocumentFormModal({ opened, onClose, workspaceId, document, onCreated }: DocumentFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={document ? `Rename “${document.title}”` : 'New document'}>
      {/* Mounted only while open, so each opening starts from the document as it is. */}
      {opened && <DocumentForm workspaceId={workspaceId} document={document} onDone={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

/** Empty, or a whole number of words; "4,000" and "4 000" are read as 4000. */
function parseBudget(value: string): number | null {
  const digits = value.replace(/[\s,]/g, '');
  return digits === '' ? null : /^\d+$/.test(digits) ? Number(digits) : NaN;
}

function budgetProblem(value: string): string | undefined {
  const n = parseBudget(value);
  if (n === null) return undefined;
  if (!Number.isInteger(n) || n < 1) return 'Enter the word budget as a whole number of words, or leave it empty';
  if (n > DOCUMENT_LIMITS.wordBudgetMax) return `Enter a word budget of ${DOCUMENT_LIMITS.wordBudgetMax.toLocaleString('en-GB')} words or fewer`;
  return undefined;
}

function DocumentForm({
  workspaceId,
  document,
  onDone,
  onCreated,
}: {
  workspaceId: string;
  document?: DocumentSummaryFragment;
  onDone: () => void;
  onCreated?: (created: DocumentSummaryFragment) => void;
}) {
  const [title, setTitle] = useState(document?.title ?? '');
  const [budget, setBudget] = useState(document?.wordBudget ? String(document.wordBudget) : '');
  const [checked, setChecked] = useState<Partial<Record<Field, string>>>({});
  const [create, creating] = useMutation(CreateDocumentDocument, { refetchQueries: [WorkspaceDocumentsDocument] });
  const [update, updating] = useMutation(UpdateDocumentDocument);
  const { loading, error } = document ? updating : creating;
  const server = splitFieldErrors(error, FIELDS);
  const fieldErrors = { ...server.fieldErrors, ...checked };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problems({ title: requiredText(title, 'a title'), wordBudget: budgetProblem(budget) });
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    const wordBudget = parseBudget(budget);
    if (document) {
      const result = await update({ variables: { input: { id: document.id, title: title.trim(), wordBudget } } }).catch(() => undefined);
      if (result?.data) onDone();
      return;
    }
    const result = await create({ variables: { input: { workspaceId, title: title.trim(), wordBudget } } }).catch(() => undefined);
    const created = result?.data?.createDocument;
    if (!created) return;
    onDone();
    onCreated?.(created);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={server.formError} title={document ? 'The document was not renamed' : 'The document was not created'} />
        <TextInput
          label="Title"
          description={document ? undefined : 'For example, “Guidance on joint working (draft)”.'}
          maxLength={DOCUMENT_LIMITS.titleMax}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldErrors.title}
          data-autofocus
        />
        <TextInput
          label="Word budget (optional)"
          description="The most words the whole document should have, for example 4000. Each section shows its share."
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          value={budget}
          onChange={(e) => setBudget(e.currentTarget.value)}
          error={fieldErrors.wordBudget}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={loading}>
            {document ? (loading ? 'Saving…' : 'Save') : loading ? 'Creating…' : 'Create document'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
