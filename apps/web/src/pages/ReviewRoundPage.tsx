// /w/:workspaceId/reviews/:roundId: one review round. Reviewers read the shared version and comment on it
// (select text, then Comment or Ctrl+Alt+M); editors invite, close, read the summary and triage.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { EditorContent } from '@tiptap/react';
import { Link, useParams } from 'react-router';
import { toProblem } from '../app/errors';
import { formatDateTime, plural } from '../app/format';
import { anchorSelection, selectedRange } from '../editor/annotation-anchors';
import { showHighlights } from '../editor/annotation-highlights';
import { useVersionEditor } from '../editor/ReadOnlyVersion';
import { COMMENT_SHORTCUT, type AnnotationHooks } from '../editor/useLiveEditor';
import { AddReviewAnnotationDocument, CloseReviewRoundDocument, ReviewRoundDetailDocument, type ReviewRoundDetailQuery } from '../generated/graphql';
import { KIND_OPTIONS } from '../modules/annotations/annotations';
import { AnnotationFormModal, type AnnotationDraft, type AnnotationTarget } from '../modules/annotations/components/AnnotationFormModal';
import { readsDrafts } from '../modules/documents/documents';
import { FormError } from '../modules/layout/components/FormError';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { QueryError } from '../modules/layout/components/QueryError';
import { InviteReviewerForm } from '../modules/reviews/components/InviteReviewerForm';
import { ReviewComments } from '../modules/reviews/components/ReviewComments';
import { ReviewSummary } from '../modules/reviews/components/ReviewSummary';
import { reviewsHref, runsReviews } from '../modules/reviews/reviews';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';
import { sectionHref } from '../modules/workspaces/sections';
import { Role } from '@concord/shared';

type Round = NonNullable<ReviewRoundDetailQuery['reviewRound']>;

export function ReviewRoundPage() {
  const workspace = useCurrentWorkspace();
  const { roundId = '' } = useParams();
  const { data, error, refetch } = useQuery(ReviewRoundDetailDocument, { variables: { id: roundId, names: readsDrafts(workspace.myRole) }, fetchPolicy: 'cache-and-network', errorPolicy: 'all' });
  const round = data?.reviewRound;
  useWorkspacePageTitle(round ? round.title : 'Review round');
  const back = readsDrafts(workspace.myRole) ? (
    <Anchor component={Link} to={reviewsHref(workspace.id)} size="sm">
      All review rounds
    </Anchor>
  ) : (
    <Anchor component={Link} to={sectionHref(workspace.id, 'drafts')} size="sm">
      Drafts shared with you
    </Anchor>
  );
  if (error && !data) {
    return (
      <>
        {back}
        <QueryError error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data) return <InlineLoader label="Loading the review round…" />;
  if (!round) {
    return (
      <>
        {back}
        <PageHeader title="Review round not available" intro="This round does not exist, or it has closed and is no longer shared with you." />
      </>
    );
  }
  return (
    <>
      {back}
      {error && <FormError message={toProblem(error)?.message} title="Part of this round could not be loaded" />}
      <Round round={round} onChanged={() => void refetch().catch(() => undefined)} />
    </>
  );
}

function Round({ round, onChanged }: { round: Round; onChanged: () => void }) {
  const workspace = useCurrentWorkspace();
  const manages = runsReviews(workspace.myRole);
  const open = round.status === 'OPEN';
  const annotates = open && workspace.myRole !== Role.OBSERVER;
  const [close, closing] = useMutation(CloseReviewRoundDocument);
  const [closeError, setCloseError] = useState<string | undefined>();
  return (
    <>
      <PageHeader
        title={round.title}
        intro={`${open ? `Open until ${formatDateTime(round.closesAt)}` : `Closed on ${formatDateTime(round.closedAt ?? round.closesAt)}`} · ${plural(round.reviewerCount, 'reviewer')}.${annotates && !manages ? ' Select text in the version below to comment on it.' : ''}`}
      />
      <Stack gap="lg">
        {manages && open && (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <InviteReviewerForm roundId={round.id} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Paper withBorder p="md" radius="md">
                <Title order={2} size="h4" mb="xs">
                  Close the round
                </Title>
                <Text size="sm" mb="sm">
                  Reviewers lose access, their comments are summarised and carried onto the live draft for triage.
                </Text>
                <FormError message={closeError} />
                <Button
                  variant="default"
                  loading={closing.loading}
                  onClick={() => {
                    setCloseError(undefined);
                    close({ variables: { id: round.id } })
                      .then(onChanged)
                      .catch((e: unknown) => setCloseError(toProblem(e)?.message));
                  }}
                >
                  Close the round now
                </Button>
              </Paper>
            </Grid.Col>
          </Grid>
        )}
        {round.summary && <ReviewSummary roundId={round.id} title={round.title} summary={round.summary} />}
        <SharedVersion round={round} annotates={annotates} triage={manages && !open} onChanged={onChanged} />
      </Stack>
    </>
  );
}

const REVIEW_KINDS = KIND_OPTIONS.filter((k) => k.value !== 'EVIDENCE');

function SharedVersion({ round, annotates, triage, onChanged }: { round: Round; annotates: boolean; triage: boolean; onChanged: () => void }) {
  const hooks = useRef<AnnotationHooks>({ onSelect: { current: null }, onComment: { current: null } }).current;
  const { editor, doc } = useVersionEditor(round.versionState, `Text of ${round.title}`, hooks);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [target, setTarget] = useState<AnnotationTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [addReview] = useMutation(AddReviewAnnotationDocument);

  const openComment = useCallback(() => {
    if (!annotates) return;
    const range = selectedRange(editor.view);
    const found = range ? anchorSelection(doc, editor.state.doc, range.from, range.to) : null;
    if (!found) {
      setAnnouncement('Select some text in the version first, then choose Comment.');
      return;
    }
    setAnnouncement('');
    setTarget(found);
  }, [annotates, editor, doc]);
  hooks.onComment.current = openComment;
  hooks.onSelect.current = setSelectedId;

  const threads = useMemo(() => round.annotations.filter((a) => !a.deleted).map((a) => ({ id: a.id, anchor: a.anchor, kind: a.kind })), [round.annotations]);
  useEffect(() => {
    const t = setTimeout(() => showHighlights(editor, threads, selectedId), 0);
    return () => clearTimeout(t);
  }, [editor, threads, selectedId]);

  const submit = async (t: AnnotationTarget, draft: AnnotationDraft): Promise<string> => {
    const result = await addReview({
      variables: { input: { roundId: round.id, kind: draft.kind, anchor: t.anchor, quote: t.quote, body: draft.body, suggestion: draft.suggestion } },
          });
    return result.data?.addReviewAnnotation.id ?? '';
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Title order={2} size="h4" mb="xs">
          The shared version (read-only)
        </Title>
        <EditorContent editor={editor} className="concord-editor-surface" />
        {annotates && (
          <Text size="sm" c="dimmed" mt={4} id="review-comment-hint">
            To comment, select text and press {COMMENT_SHORTCUT.label} or choose Comment.
          </Text>
        )}
        <VisuallyHidden aria-live="polite" role="status">
          {announcement}
        </VisuallyHidden>
        {announcement && (
          <Text size="sm" mt={4} aria-hidden="true">
            {announcement}
          </Text>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper component="section" aria-labelledby="review-comments-heading" withBorder p="md" radius="md">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="review-comments-heading">
              Comments ({round.annotations.length})
            </Title>
            {annotates && (
              <Button size="xs" onClick={openComment} aria-keyshortcuts="Control+Alt+M" aria-describedby="review-comment-hint">
                Comment
              </Button>
            )}
          </Group>
          {!annotates && round.status === 'OPEN' ? null : round.status === 'CLOSED' && triage ? (
            <Alert color="concordBlue" variant="light" mb="sm">
              Give each comment a response and a reason; they make the “you said, we did” table.
            </Alert>
          ) : null}
          <ReviewComments comments={round.annotations} triage={triage} selectedId={selectedId} onSelect={setSelectedId} />
        </Paper>
      </Grid.Col>
      <AnnotationFormModal
        target={target}
        onClose={() => setTarget(null)}
        submit={submit}
        kinds={REVIEW_KINDS}
        onCreated={(id) => {
          setSelectedId(id);
          setAnnouncement('Your comment was added.');
          onChanged();
        }}
      />
    </Grid>
  );
}
