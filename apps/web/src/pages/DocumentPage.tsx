// /w/:workspaceId/drafts/:documentId: the live draft. Loaded lazily, so the editor (Tiptap, Yjs) is not
// in the first bundle.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { Role } from '@concord/shared';
import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import type { CollabSession } from '../editor/collab-session';
import { CLOSE, type ConnectionState } from '../editor/connection';
import { ConnectionStatus } from '../editor/ConnectionStatus';
import { LiveDraftEditor } from '../editor/LiveDraftEditor';
import { goToHeading } from '../editor/navigation';
import { PresenceList } from '../editor/PresenceList';
import { useCollabSession, useConnectionState } from '../editor/useCollabSession';
import { anchorSelection } from '../editor/annotation-anchors';
import { showHighlights } from '../editor/annotation-highlights';
import { COMMENT_SHORTCUT, useLiveEditor, type AnnotationHooks, type CaretIdentity } from '../editor/useLiveEditor';
import { useSections } from '../editor/useSections';
import { colourFor } from '../editor/user-colour';
import { AnnotationChangedDocument, DocumentAnnotationOverviewDocument, MeDocument } from '../generated/graphql';
import { canAnnotate, canDecideSuggestions } from '../modules/annotations/annotations';
import { AnnotationFormModal, type AnnotationTarget } from '../modules/annotations/components/AnnotationFormModal';
import { AnnotationsPanel } from '../modules/annotations/components/AnnotationsPanel';
import { DEFAULT_FILTERS, useAnnotationPage, type PanelFilters } from '../modules/annotations/hooks/useAnnotationPage';
import { useViewer } from '../modules/auth/hooks/useViewer';
import { DocumentFormModal } from '../modules/documents/components/DocumentFormModal';
import { DraftGate, type Draft } from '../modules/documents/components/DraftGate';
import { OutlinePanel } from '../modules/documents/components/OutlinePanel';
import { VersionsCard } from '../modules/documents/components/VersionsCard';
import { canManage, canWrite } from '../modules/documents/documents';
import { ExportDialog } from '../modules/exports/components/ExportDialog';
import { TracePanel } from '../modules/exports/components/TracePanel';
import { LensPanel } from '../modules/lens/components/LensPanel';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';
import { sectionHref } from '../modules/workspaces/sections';

export function DocumentPage() {
  return <DraftGate>{(draft) => <DraftPage draft={draft} />}</DraftGate>;
}

function DraftPage({ draft }: { draft: Draft }) {
  const workspace = useCurrentWorkspace();
  const viewer = useViewer();
  useWorkspacePageTitle(draft.title);
  const session = useCollabSession(draft.id);
  const connection = useConnectionState(session);
  useSignOutOnClose(connection);
  const [renaming, renameModal] = useDisclosure(false);
  const writes = canWrite(workspace.myRole);
  const manages = canManage(workspace.myRole);
  const lostAccess = connection.kind === 'stopped' && (connection.code === CLOSE.forbidden || connection.code === CLOSE.notFound);
  const me: CaretIdentity = { id: viewer.id, name: viewer.name, color: colourFor(viewer.id) };

  const versions = (
    <VersionsCard
      workspaceId={workspace.id}
      documentId={draft.id}
      versions={draft.versions}
      canSave={manages}
      upToDate={connection.kind === 'saved'}
    />
  );

  return (
    <>
      <Anchor component={Link} to={sectionHref(workspace.id, 'drafts')} size="sm">
        All drafts
      </Anchor>
      <PageHeader
        title={draft.title}
        intro={
          writes
            ? 'Everyone’s changes appear as they type. If the connection drops, keep writing: your changes stay on this device and join the draft when you are back online.'
            : undefined
        }
      />
      <Group mb="md" mt={-8}>
        {manages && (
          <>
            <Button variant="default" size="xs" onClick={renameModal.open}>
              Rename or change the word budget
            </Button>
            <DocumentFormModal opened={renaming} onClose={renameModal.close} workspaceId={workspace.id} document={draft} />
          </>
        )}
        <ExportDialog workspaceId={workspace.id} documentId={draft.id} versions={draft.versions} />
      </Group>
      {!writes && (
        <Alert color="concordBlue" variant="light" title="Read only" mb="md">
          As an observer you can read this draft and see who is working on it, but you cannot change the text.
        </Alert>
      )}
      {session ? (
        <LiveDraft
          key={session.key}
          session={session}
          me={me}
          editable={writes && !lostAccess}
          connection={connection}
          wordBudget={draft.wordBudget}
          aside={versions}
          documentId={draft.id}
          workspaceId={workspace.id}
          annotates={canAnnotate(workspace.myRole) && !lostAccess}
          definesTerms={manages}
          decides={canDecideSuggestions(workspace.myRole)}
          lead={workspace.myRole === Role.LEAD}
        />
      ) : (
        <InlineLoader label="Opening the draft…" />
      )}
    </>
  );
}

/** The editor, and the outline that needs it; one per session (the editor's extensions hold it). */
function LiveDraft({
  session,
  me,
  editable,
  connection,
  wordBudget,
  aside,
  documentId,
  workspaceId,
  annotates,
  decides,
  lead,
  definesTerms,
}: {
  session: CollabSession;
  me: CaretIdentity;
  editable: boolean;
  connection: ConnectionState;
  wordBudget: number | null;
  aside: ReactNode;
  documentId: string;
  workspaceId: string;
  annotates: boolean;
  decides: boolean;
  lead: boolean;
  definesTerms: boolean;
}) {
  const synced = connection.kind === 'saved';
  const hooks = useRef<AnnotationHooks>({ onSelect: { current: null }, onComment: { current: null } }).current;
  const editor = useLiveEditor(session, me, editable, hooks);
  const [filters, setFilters] = useState<PanelFilters>(DEFAULT_FILTERS);
  const annotations = useDraftAnnotations(documentId, filters);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [target, setTarget] = useState<AnnotationTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const openComment = useCallback(() => {
    if (!annotates) return;
    const { from, to } = editor.state.selection;
    const found = from < to ? anchorSelection(session.doc, editor.state.doc, from, to) : null;
    if (!found) {
      setAnnouncement('Select some text in the draft first, then choose Comment.');
      return;
    }
    setAnnouncement('');
    setTarget(found);
  }, [annotates, editor, session]);
  hooks.onComment.current = openComment;
  hooks.onSelect.current = (id) => {
    setSelectedId(id);
    document.querySelector(`[data-thread-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  const openThreads = useMemo(() => {
    // The newest open ones (at most 150, from the overview) and every open thread the panel has loaded.
    const byId = new Map<string, { id: string; anchor: string; kind: string }>();
    for (const t of [...(annotations.highlights ?? []), ...(annotations.threads ?? [])]) if (t.status === 'OPEN' && !t.deleted) byId.set(t.id, { id: t.id, anchor: t.anchor, kind: t.kind });
    return [...byId.values()];
  }, [annotations.highlights, annotations.threads]);
  useHighlights(editor, session, openThreads, selectedId);
  const openPerSection = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const c of annotations.openCounts ?? []) if (c.sectionId) counts[c.sectionId] = c.open;
    return counts;
  }, [annotations.openCounts]);

  const commentButton = annotates ? (
    <Button size="xs" onClick={openComment} aria-keyshortcuts="Control+Alt+M" aria-describedby="comment-hint">
      Comment
    </Button>
  ) : undefined;
  const sections = useSections(session.doc);
  // Until the first exchange with the server (or a local copy with text), an empty outline means "not yet".
  const [loaded, setLoaded] = useState(false);
  if (!loaded && (synced || sections.length > 0)) setLoaded(true);
  return (
    <Grid gap="lg">
      <Grid.Col span={12}>
        <Paper withBorder radius="md" px="sm" py="xs">
          <PresenceList session={session} connected={synced} />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <LiveDraftEditor editor={editor} editable={editable} status={<ConnectionStatus session={session} state={connection} readOnly={!editable} />} />
        {annotates && (
          <Text size="sm" c="dimmed" mt={4} id="comment-hint">
            To comment, select text and press {COMMENT_SHORTCUT.label} or choose Comment beside the text.
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
        <Stack gap="md">
          <OutlinePanel sections={loaded ? sections : null} wordBudget={wordBudget} onGo={(index) => goToHeading(editor, index)} openComments={openPerSection} />
          <AnnotationsPanel
            workspaceId={workspaceId}
            threads={annotations.threads}
            totalCount={annotations.totalCount}
            hasMore={annotations.hasMore}
            onLoadMore={annotations.loadMore}
            loadingMore={annotations.loadingMore}
            filters={filters}
            onFiltersChange={setFilters}
            sections={loaded ? sections : null}
            selectedId={selectedId}
            onSelect={setSelectedId}
            canAct={annotates}
            canDecide={decides}
            commentAction={commentButton}
            onChanged={annotations.changed}
            mayDelete={(thread) => annotates && (lead || thread.author.user.id === me.id)}
          />
          <LensPanel workspaceId={workspaceId} sections={loaded ? sections : null} canDefine={definesTerms} />
          <TracePanel documentId={documentId} />
          {aside}
        </Stack>
      </Grid.Col>
      <AnnotationFormModal
        target={target}
        onClose={() => {
          setTarget(null);
          editor.commands.focus();
        }}
        workspaceId={workspaceId}
        documentId={documentId}
        onCreated={(id) => {
          setSelectedId(id);
          setAnnouncement('Your comment was added.');
          annotations.changed(id);
        }}
      />
    </Grid>
  );
}

/**
 * The panel's threads a page at a time, and beside them what the editor and the outline need whatever
 * the panel shows (the newest open anchors, the open counts per heading). Every `annotationChanged` event
 * (someone else's or ours) refreshes both without dropping the pages already loaded.
 */
function useDraftAnnotations(documentId: string, filters: PanelFilters) {
  const page = useAnnotationPage(documentId, filters);
  const overview = useQuery(DocumentAnnotationOverviewDocument, { variables: { documentId }, fetchPolicy: 'cache-and-network' });
  const { refresh } = page;
  const refetchOverview = overview.refetch;
  const changed = useCallback(
    (id?: string) => {
      void refresh(id);
      void refetchOverview().catch(() => undefined);
    },
    [refresh, refetchOverview],
  );
  useSubscription(AnnotationChangedDocument, { variables: { documentId }, onData: ({ data }) => changed(data.data?.annotationChanged.id) });
  const doc = overview.data?.document;
  return { ...page, changed, highlights: doc?.highlights.items ?? null, openCounts: doc?.openAnnotationCounts ?? null };
}

/** Redraws the highlights when the threads or the selection change, and once the doc settles after edits. */
function useHighlights(editor: ReturnType<typeof useLiveEditor>, session: CollabSession, threads: { id: string; anchor: string; kind: string }[], selectedId: string | null) {
  useEffect(() => {
    // After the sync plugin has written a local edit to the Y.Doc, so both read the same text.
    const draw = () => setTimeout(() => showHighlights(editor, threads, selectedId), 0);
    const first = draw();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => showHighlights(editor, threads, selectedId), 150);
    };
    session.doc.on('update', onUpdate);
    return () => {
      clearTimeout(first);
      clearTimeout(timer);
      session.doc.off('update', onUpdate);
    };
  }, [editor, session, threads, selectedId]);
  useEffect(() => {
    if (!selectedId) return;
    const el = editor.view.dom.querySelector(`[data-annotation-id="${CSS.escape(selectedId)}"]`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [editor, selectedId]);
}

/** A 4401 means the session ended: ask who is signed in, so the sign-in gate takes over and comes back here. */
function useSignOutOnClose(connection: ConnectionState) {
  const client = useApolloClient();
  const signedOut = connection.kind === 'stopped' && connection.code === CLOSE.signedOut;
  useEffect(() => {
    if (signedOut) void client.refetchQueries({ include: [MeDocument] });
  }, [client, signedOut]);
}
