// The draft's threads beside the text: filters (applied on the server), then each thread with its quote,
// kind, status, author and sector, replies and actions, a page at a time with "Show more comments".
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { SECTOR_LABELS, SECTORS, type Sector } from '@concord/shared';
import { toProblem } from '../../../app/errors';
import { formatDateTime, plural } from '../../../app/format';
import {
  AcceptSuggestionDocument,
  AnnotationChoicesDocument,
  AnnotationThreadDocument,
  DeleteAnnotationDocument,
  EditAnnotationDocument,
  EditReplyDocument,
  RejectSuggestionDocument,
  ReopenAnnotationDocument,
  ReplyToAnnotationDocument,
  ResolveAnnotationDocument,
  type AnnotationThreadFragment,
} from '../../../generated/graphql';
import { useViewer } from '../../auth/hooks/useViewer';
import { FormError } from '../../layout/components/FormError';
import { ANNOTATION_LIMITS, KIND_LABELS, KIND_OPTIONS, STATUS_LABELS, STATUS_OPTIONS } from '../annotations';
import { NO_SECTION, THREADS_PER_PAGE, type PanelFilters } from '../hooks/useAnnotationPage';

const SECTOR_OPTIONS = SECTORS.map((value) => ({ value, label: SECTOR_LABELS[value] }));

export function AnnotationsPanel({
  workspaceId,
  threads,
  totalCount,
  hasMore,
  onLoadMore,
  loadingMore,
  filters,
  onFiltersChange,
  sections,
  selectedId,
  onSelect,
  canAct,
  canDecide,
  commentAction,
  onChanged,
  mayDelete,
}: {
  workspaceId: string;
  /** The threads loaded so far (pages joined), or null while the first page loads. */
  threads: AnnotationThreadFragment[] | null;
  /** How many threads match the filters on the server. */
  totalCount: number | null;
  hasMore: boolean;
  onLoadMore: () => Promise<void>;
  loadingMore: boolean;
  filters: PanelFilters;
  onFiltersChange: (filters: PanelFilters) => void;
  /** The draft's headings, for the section filter (null until the text has arrived). */
  sections: { id: string; title: string }[] | null;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  canAct: boolean;
  canDecide: boolean;
  commentAction?: ReactNode;
  /** A thread changed through this panel: refresh it (and the list). */
  onChanged: (id: string) => void;
  /** Whether the viewer may delete this thread (its author, or a lead). */
  mayDelete: (thread: AnnotationThreadFragment) => boolean;
}) {
  const choices = useQuery(AnnotationChoicesDocument, { variables: { workspaceId } }).data?.workspace;
  // The server filtered the list; a thread changed since (resolved, deleted) leaves it at once.
  const shown = (threads ?? []).filter((t) => !t.deleted && (!filters.status || t.status === filters.status));
  const set = (key: keyof PanelFilters) => (value: string | null) => onFiltersChange({ ...filters, [key]: value });
  const sectionOptions = [
    { value: NO_SECTION, label: 'Before the first heading' },
    ...[...new Map((sections ?? []).map((s) => [s.id, s.title || 'Untitled heading'])).entries()].filter(([id]) => id !== NO_SECTION).map(([value, label]) => ({ value, label })),
  ];
  const authors = (choices?.members ?? []).map((m) => ({ value: m.id, label: m.user.name }));
  const tags = (choices?.challengeTags ?? []).map((t) => ({ value: t.label, label: t.label }));
  const list = useRef<HTMLDivElement>(null); // the <ul> (Stack types its ref as a div)
  // After "Show more", focus goes to the first thread added (once it is rendered), so keyboard and
  // screen reader users carry on from there rather than from the top of the page.
  const focusAt = useRef<number | null>(null);
  const showMore = async () => {
    focusAt.current = list.current?.querySelectorAll('[data-thread-id]').length ?? null;
    try {
      await onLoadMore();
    } catch {
      focusAt.current = null;
    }
  };
  useEffect(() => {
    const at = focusAt.current;
    if (at === null || shown.length <= at) return;
    focusAt.current = null;
    list.current?.querySelectorAll<HTMLElement>('[data-thread-id]')[at]?.focus();
  }, [shown.length]);

  return (
    <Paper component="section" aria-labelledby="threads-heading" withBorder p="md" radius="md">
      <Group justify="space-between" align="center" mb="xs">
        <Title order={2} size="h4" id="threads-heading">
          Comments
        </Title>
        {commentAction}
      </Group>
      <SimpleGrid cols={2} spacing="xs" mb="sm">
        <Select size="xs" label="Status" data={STATUS_OPTIONS} value={filters.status} onChange={set('status')} clearable placeholder="Any status" />
        <Select size="xs" label="Kind" data={KIND_OPTIONS} value={filters.kind} onChange={set('kind')} clearable placeholder="Any kind" />
        <Select size="xs" label="Section" data={sectionOptions} value={filters.section} onChange={set('section')} clearable placeholder="Any section" />
        <Select size="xs" label="Author" data={authors} value={filters.author} onChange={set('author')} clearable searchable placeholder="Anyone" />
        <Select size="xs" label="Sector" data={SECTOR_OPTIONS} value={filters.sector} onChange={set('sector')} clearable placeholder="Any sector" />
        <Select size="xs" label="Tag" data={tags} value={filters.tag} onChange={set('tag')} clearable placeholder="Any tag" />
      </SimpleGrid>
      <Text size="sm" aria-live="polite" mb="xs" data-testid="thread-count" id="thread-count">
        {threads === null || totalCount === null ? 'Loading comments…' : `Showing ${shown.length} of ${plural(totalCount, 'thread')}.`}
      </Text>
      <Stack ref={list} gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Threads">
        {shown.map((thread) => (
          <Thread
            key={thread.id}
            thread={thread}
            selected={thread.id === selectedId}
            onSelect={() => onSelect(thread.id === selectedId ? null : thread.id)}
            canAct={canAct}
            canDecide={canDecide}
            canDelete={mayDelete(thread)}
            onChanged={() => onChanged(thread.id)}
          />
        ))}
      </Stack>
      {hasMore && (
        <Button mt="sm" size="xs" variant="default" fullWidth loading={loadingMore} onClick={() => void showMore()} aria-describedby="thread-count">
          Show {totalCount === null || !threads ? 'more comments' : plural(Math.max(1, Math.min(THREADS_PER_PAGE, totalCount - threads.length)), 'more comment')}
        </Button>
      )}
    </Paper>
  );
}

function Thread({
  thread,
  selected,
  onSelect,
  canAct,
  canDecide,
  canDelete,
  onChanged,
}: {
  thread: AnnotationThreadFragment;
  selected: boolean;
  onSelect: () => void;
  canAct: boolean;
  canDecide: boolean;
  canDelete: boolean;
  onChanged: () => void;
}) {
  const [remove, removing] = useMutation(DeleteAnnotationDocument);
  const [confirming, setConfirming] = useState(false);
  const [resolve, resolving] = useMutation(ResolveAnnotationDocument);
  const [reopen, reopening] = useMutation(ReopenAnnotationDocument);
  const [accept, accepting] = useMutation(AcceptSuggestionDocument);
  const [reject, rejecting] = useMutation(RejectSuggestionDocument);
  const [error, setError] = useState<string | undefined>();
  const [editing, setEditing, editButton] = useInlineEdit();
  const viewer = useViewer();
  // Only the author changes their own text (the server refuses anyone else).
  const mine = canAct && thread.author.user.id === viewer.id;
  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      onChanged();
    } catch (e) {
      const problem = toProblem(e);
      if (problem?.reason === 'STALE_QUOTE') setError('The text has changed since the suggestion was made; it cannot be applied as it is.');
      else if (problem?.reason === 'SPANS_BLOCKS') setError('The suggestion spans more than one paragraph; make the change by hand.');
      else setError(problem?.message);
    }
  };
  const sector = SECTOR_LABELS[thread.author.sector as Sector] ?? thread.author.sector;
  const open = thread.status === 'OPEN';
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="sm"
      data-thread-id={thread.id}
      tabIndex={-1}
      data-kind={thread.kind.toLowerCase()}
      data-selected={selected ? 'true' : undefined}
      className="concord-thread"
      aria-label={`${KIND_LABELS[thread.kind]} by ${thread.author.user.name}`}
    >
      <Stack gap={6}>
        <Group gap="xs" justify="space-between">
          <Group gap={6}>
            <Badge variant="outline" color="dark" data-kind-label>
              {KIND_LABELS[thread.kind]}
            </Badge>
            <Badge variant={open ? 'filled' : 'light'} color={open ? 'concordBlue' : 'gray'}>
              {STATUS_LABELS[thread.status]}
            </Badge>
          </Group>
          <Button size="compact-xs" variant="subtle" onClick={onSelect} aria-pressed={selected}>
            {selected ? 'Hide in text' : 'Show in text'}
          </Button>
        </Group>
        <Text size="sm" fs="italic" className="concord-thread-quote" lineClamp={3}>
          “{thread.quote}”
        </Text>
        <Text size="xs" c="dimmed">
          {thread.author.user.name} · {thread.author.organisation} ({sector}) · {formatDateTime(thread.createdAt)}
          {thread.sectionTitle ? ` · ${thread.sectionTitle}` : ''}
        </Text>
        {editing ? (
          <EditTextForm
            kind="annotation"
            id={thread.id}
            initial={thread.body}
            label="Edit your text"
            onDone={(saved) => {
              setEditing(false);
              if (saved) onChanged();
            }}
          />
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="annotation-body">
            {thread.body}
            {thread.edited && <EditedMark />}
          </Text>
        )}
        {thread.suggestion !== null && thread.kind === 'SUGGESTION' && (
          <Text size="sm">
            <strong>Replace with:</strong> “{thread.suggestion}”
          </Text>
        )}
        {thread.evidenceUrl && (
          <Anchor href={thread.evidenceUrl} target="_blank" rel="noreferrer" size="sm">
            Evidence link (opens in a new tab)
          </Anchor>
        )}
        {thread.tags.length > 0 && (
          <Group gap={4}>
            {thread.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="light" color="gray">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        {thread.replyCount > thread.replies.length && <EarlierReplies annotationId={thread.id} hidden={thread.replyCount - thread.replies.length} />}
        {thread.replies.length > 0 && (
          <Stack gap={4} pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-4)' }} component="ol" aria-label="Replies">
            {thread.replies.map((reply) => (
              <ReplyItem key={reply.id} reply={reply} mine={canAct && reply.author.user.id === viewer.id} onChanged={onChanged} />
            ))}
          </Stack>
        )}
        <FormError message={error} />
        {canAct && (
          <>
            <ReplyForm annotationId={thread.id} onSent={onChanged} />
            <Group gap="xs">
              {open ? (
                <Button size="xs" variant="default" loading={resolving.loading} onClick={() => void run(() => resolve({ variables: { id: thread.id } }))}>
                  Resolve
                </Button>
              ) : (
                <Button size="xs" variant="default" loading={reopening.loading} onClick={() => void run(() => reopen({ variables: { id: thread.id } }))}>
                  Reopen
                </Button>
              )}
              {open && canDecide && thread.kind === 'SUGGESTION' && (
                <>
                  <Button size="xs" loading={accepting.loading} onClick={() => void run(() => accept({ variables: { id: thread.id } }))}>
                    Accept suggestion
                  </Button>
                  <Button size="xs" variant="default" loading={rejecting.loading} onClick={() => void run(() => reject({ variables: { id: thread.id } }))}>
                    Reject suggestion
                  </Button>
                </>
              )}
              {mine && !editing && (
                <Button ref={editButton} size="xs" variant="subtle" onClick={() => setEditing(true)}>
                  Edit
                </Button>
              )}
              {canDelete &&
                (confirming ? (
                  <>
                    <Button size="xs" color="danger" loading={removing.loading} onClick={() => void run(() => remove({ variables: { id: thread.id } }))}>
                      Yes, delete this thread
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => setConfirming(false)}>
                      Keep it
                    </Button>
                  </>
                ) : (
                  <Button size="xs" variant="subtle" color="danger" onClick={() => setConfirming(true)}>
                    Delete
                  </Button>
                ))}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** A long thread comes with its latest replies only; this fetches the whole thread. */
function EarlierReplies({ annotationId, hidden }: { annotationId: string; hidden: number }) {
  const client = useApolloClient();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const load = async () => {
    setLoading(true);
    setError(undefined);
    try {
      await client.query({ query: AnnotationThreadDocument, variables: { id: annotationId }, fetchPolicy: 'network-only' });
    } catch (e) {
      setError(toProblem(e)?.message ?? 'The earlier replies could not be loaded.');
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Button size="compact-xs" variant="subtle" loading={loading} onClick={() => void load()} style={{ alignSelf: 'flex-start' }}>
        Show {plural(hidden, 'earlier reply', 'earlier replies')}
      </Button>
      <FormError message={error} />
    </>
  );
}

function ReplyForm({ annotationId, onSent }: { annotationId: string; onSent: () => void }) {
  const [body, setBody] = useState('');
  const [reply, { loading, error }] = useMutation(ReplyToAnnotationDocument);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    try {
      await reply({ variables: { annotationId, body: body.trim() } });
      setBody('');
      onSent();
    } catch {
      // Shown below from `error`.
    }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Textarea size="xs" label="Reply" value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={1} style={{ flex: 1 }} error={error ? toProblem(error)?.message : undefined} />
        <Button size="xs" type="submit" variant="light" loading={loading} disabled={!body.trim()}>
          Send
        </Button>
      </Group>
    </form>
  );
}

/** Whether the inline edit form is open; focus goes back to the Edit button when it closes. */
function useInlineEdit() {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (editing) wasEditing.current = true;
    else if (wasEditing.current) {
      wasEditing.current = false;
      editButton.current?.focus();
    }
  }, [editing]);
  return [editing, setEditing, editButton] as const;
}

function EditedMark() {
  return (
    <Text component="span" size="xs" c="dimmed" data-testid="edited">
      {' '}
      (edited)
    </Text>
  );
}

type ReplyFragment = AnnotationThreadFragment['replies'][number];

function ReplyItem({ reply, mine, onChanged }: { reply: ReplyFragment; mine: boolean; onChanged: () => void }) {
  const [editing, setEditing, editButton] = useInlineEdit();
  return (
    <li style={{ listStyle: 'none' }} data-reply-id={reply.id}>
      <Text size="xs" c="dimmed">
        {reply.author.user.name} · {formatDateTime(reply.createdAt)}
      </Text>
      {editing ? (
        <EditTextForm
          kind="reply"
          id={reply.id}
          initial={reply.body}
          label="Edit your reply"
          onDone={(saved) => {
            setEditing(false);
            if (saved) onChanged();
          }}
        />
      ) : (
        <Group gap="xs" justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {reply.body}
            {reply.edited && <EditedMark />}
          </Text>
          {mine && (
            <Button ref={editButton} size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
        </Group>
      )}
    </li>
  );
}

/** The author's own annotation or reply text, changed in place; server errors show beside the field. */
function EditTextForm({ kind, id, initial, label, onDone }: { kind: 'annotation' | 'reply'; id: string; initial: string; label: string; onDone: (saved: boolean) => void }) {
  const [body, setBody] = useState(initial);
  const [editAnnotation, annotationState] = useMutation(EditAnnotationDocument);
  const [editReply, replyState] = useMutation(EditReplyDocument);
  const { loading, error } = kind === 'annotation' ? annotationState : replyState;
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const trimmed = body.trim();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed) return;
    if (trimmed === initial) {
      onDone(false);
      return;
    }
    try {
      const input = { id, body: trimmed };
      if (kind === 'annotation') await editAnnotation({ variables: { input } });
      else await editReply({ variables: { input } });
      onDone(true);
    } catch {
      // Shown beside the field from `error`.
    }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <Stack gap={4}>
        <Textarea
          ref={field}
          size="xs"
          label={label}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              onDone(false);
            }
          }}
          autosize
          minRows={2}
          maxLength={ANNOTATION_LIMITS.bodyMax}
          error={error ? toProblem(error)?.message : undefined}
        />
        <Group gap="xs">
          <Button size="xs" type="submit" loading={loading} disabled={!trimmed}>
            Save
          </Button>
          <Button size="xs" variant="default" onClick={() => onDone(false)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
