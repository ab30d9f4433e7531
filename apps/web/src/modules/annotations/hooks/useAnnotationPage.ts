// The draft panel's threads a page at a time (Document.annotationPage): the first page, "Show more"
// appending the next with fetchMore, and a refresh after a change that keeps what is loaded: the newest
// page is fetched again and put in front of the threads already shown (keyset cursors stay valid, so
// the next page still follows the last thread loaded).
import { useCallback, useMemo, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  AnnotationThreadDocument,
  DocumentAnnotationPageDocument,
  type AnnotationFilterInput,
  type AnnotationThreadFragment,
  type DocumentAnnotationPageQuery,
} from '../../../generated/graphql';

// 25 threads (each with up to 20 replies) fill the panel several screens deep; larger pages only cost more.
export const THREADS_PER_PAGE = 25;

/** The panel's filters; null means any. `section` is a heading id, or NO_SECTION. */
export interface PanelFilters {
  status: string | null;
  kind: string | null;
  section: string | null;
  author: string | null;
  sector: string | null;
  tag: string | null;
}

/** The Select value for "before the first heading" (the API's empty sectionId). */
export const NO_SECTION = 'none';

export const DEFAULT_FILTERS: PanelFilters = { status: 'OPEN', kind: null, section: null, author: null, sector: null, tag: null };

export function toFilterInput(f: PanelFilters): AnnotationFilterInput {
  const input: AnnotationFilterInput = {};
  if (f.status) input.status = f.status as AnnotationFilterInput['status'];
  if (f.kind) input.kind = f.kind as AnnotationFilterInput['kind'];
  if (f.section) input.sectionId = f.section === NO_SECTION ? '' : f.section;
  if (f.author) input.authorId = f.author;
  if (f.sector) input.sector = f.sector as AnnotationFilterInput['sector'];
  if (f.tag) input.tag = f.tag;
  return input;
}

type PageData = DocumentAnnotationPageQuery;
type Page = NonNullable<PageData['document']>['annotationPage'];

function withPage(data: PageData, page: Page): PageData {
  return data.document ? { ...data, document: { ...data.document, annotationPage: page } } : data;
}

/** The next page after the loaded threads (none already there: a thread can move up meanwhile). */
function appended(prev: PageData, next: PageData): PageData {
  const had = prev.document?.annotationPage;
  const more = next.document?.annotationPage;
  if (!had || !more) return prev;
  const seen = new Set(had.items.map((t) => t.id));
  return withPage(prev, { ...more, items: [...had.items, ...more.items.filter((t) => !seen.has(t.id))] });
}

/** The newest page again, in front of the loaded threads; the cursor of the last one loaded is kept. */
function refreshedHead(prev: PageData, head: PageData): PageData {
  const had = prev.document?.annotationPage;
  const fresh = head.document?.annotationPage;
  if (!had || !fresh) return head;
  const inHead = new Set(fresh.items.map((t) => t.id));
  const rest = had.items.filter((t) => !inHead.has(t.id));
  // Nothing loaded beyond the newest page: the fresh page and its cursor are the whole state.
  if (rest.length === 0) return withPage(prev, fresh);
  return withPage(prev, { ...fresh, items: [...fresh.items, ...rest], nextCursor: had.nextCursor });
}

export function useAnnotationPage(documentId: string, filters: PanelFilters) {
  const client = useApolloClient();
  const filter = useMemo(() => toFilterInput(filters), [filters]);
  const { data, fetchMore, error } = useQuery(DocumentAnnotationPageDocument, {
    variables: { documentId, filter, first: THREADS_PER_PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.document?.annotationPage ?? null;
  const [loadingMore, setLoadingMore] = useState(false);
  const loaded = useRef<Set<string>>(new Set());
  loaded.current = new Set(page?.items.map((t) => t.id) ?? []);

  const loadMore = useCallback(async () => {
    if (!page?.nextCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: page.nextCursor }, updateQuery: (prev, { fetchMoreResult }) => appended(prev as PageData, fetchMoreResult) });
    } finally {
      setLoadingMore(false);
    }
  }, [fetchMore, page?.nextCursor]);

  /** After a change (ours, or someone else's through the subscription), `changedId` the thread concerned. */
  const refresh = useCallback(
    async (changedId?: string) => {
      let head: PageData | undefined;
      try {
        const r = await fetchMore({ variables: { after: null }, updateQuery: (prev, { fetchMoreResult }) => refreshedHead(prev as PageData, fetchMoreResult) });
        head = r.data;
      } catch {
        return;
      }
      // A loaded thread beyond the newest page: fetch it alone (its replies, its status).
      if (!changedId || !loaded.current.has(changedId) || head?.document?.annotationPage.items.some((t) => t.id === changedId)) return;
      try {
        await client.query({ query: AnnotationThreadDocument, variables: { id: changedId }, fetchPolicy: 'network-only' });
      } catch {
        // Gone (deleted): drop it from every list that holds it.
        client.cache.evict({ id: client.cache.identify({ __typename: 'Annotation', id: changedId }) });
        client.cache.gc();
      }
    },
    [client, fetchMore],
  );

  const threads: AnnotationThreadFragment[] | null = page ? page.items : null;
  return { threads, totalCount: page?.totalCount ?? null, hasMore: Boolean(page?.nextCursor), loadMore, loadingMore, refresh, failed: Boolean(error) && !page };
}
