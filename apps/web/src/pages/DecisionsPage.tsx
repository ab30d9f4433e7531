// /w/:workspaceId/decisions: the decision log, newest first a page at a time — filter and search (on the
// server, over the whole log), show more, propose, agree, supersede, export.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { toProblem } from '../app/errors';
import { DecisionLogDocument, DecisionLogExportDocument, DecisionOptionsDocument, type DecisionFieldsFragment, type ExportFormat } from '../generated/graphql';
import { DecisionCard } from '../modules/decisions/components/DecisionCard';
import { DecisionForm } from '../modules/decisions/components/DecisionForm';
import {
  agreesDecisions,
  countText,
  DECISION_LIMITS,
  DECISION_PAGE_SIZE,
  decisionAnchor,
  DECISION_STATUS_LABELS,
  EMPTY_FILTER,
  exportContentType,
  exportFileName,
  isFiltered,
  proposesDecisions,
  toFilterInput,
  type FilterState,
} from '../modules/decisions/decisions';
import { FormError } from '../modules/layout/components/FormError';
import { InlineLoader } from '../modules/layout/components/InlineLoader';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { QueryError } from '../modules/layout/components/QueryError';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { formatCalendarDate, londonToday } from '../modules/plan/plan';
import { download } from '../modules/reviews/reviews';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

export function DecisionsPage() {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle('Decisions');
  const client = useApolloClient();
  const [filter, setFilter] = useState<FilterState>(EMPTY_FILTER);
  const [search] = useDebouncedValue(filter.search, 300);
  const filterInput = useMemo(() => toFilterInput({ ...filter, search }), [filter, search]);
  // A mutation's refetch (of the first page) goes through the cache's merge, which keeps the pages loaded after it.
  const { data, previousData, error, refetch, loading, fetchMore } = useQuery(DecisionLogDocument, {
    variables: { workspaceId: workspace.id, filter: filterInput, first: DECISION_PAGE_SIZE },
    refetchWritePolicy: 'merge',
  });
  const { data: optionsData } = useQuery(DecisionOptionsDocument, { variables: { workspaceId: workspace.id } });
  const options = optionsData?.workspace ?? undefined;
  const log = (data ?? previousData)?.workspace?.decisionLog;
  const shown = log?.items;
  // Only from the current filter's answer: while another filter loads, the shown list is the previous one's.
  const nextCursor = data?.workspace?.decisionLog.nextCursor;
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  /** The first decision "Show more" brought in: focused once it is on the page (the button may be gone). */
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const id = focusNext.current;
    const card = id ? document.getElementById(decisionAnchor(id)) : null;
    if (card) {
      focusNext.current = null;
      card.focus();
    }
  }, [shown, loadingMore]);
  const [proposing, setProposing] = useState(false);
  const [status, setStatus] = useState('');
  const [exportError, setExportError] = useState<string>();
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const canPropose = proposesDecisions(workspace.myRole);
  const canAgree = agreesDecisions(workspace.myRole);

  const meetingTitles = useMemo(() => new Map((options?.meetings ?? []).map((m) => [m.id, m.title])), [options]);
  const roundTitles = useMemo(() => new Map((options?.rounds ?? []).map((r) => [r.id, r.title])), [options]);

  function whereAgreed(d: DecisionFieldsFragment): string {
    if (d.agreedVia === 'MEETING') return `Agreed at “${meetingTitles.get(d.agreedMeetingId ?? '') ?? 'a meeting'}”`;
    if (d.agreedVia === 'ROUND') return `Agreed by the round “${roundTitles.get(d.agreedRoundId ?? '') ?? 'a consensus round'}”`;
    return 'Agreed by the lead';
  }

  async function exportLog(format: ExportFormat) {
    setExportError(undefined);
    setExporting(format);
    try {
      const result = await client.query({ query: DecisionLogExportDocument, variables: { workspaceId: workspace.id, format, filter: filterInput }, fetchPolicy: 'network-only' });
      if (result.data) download(result.data.decisionLogExport, exportFileName(format, londonToday(), filter), exportContentType(format));
    } catch (e) {
      setExportError(toProblem(e)?.message ?? 'The export failed.');
    } finally {
      setExporting(null);
    }
  }

  /** The next page, appended (the cache's decisionLog policy merges it); focus moves to its first decision. */
  async function showMore() {
    if (!nextCursor || loadingMore) return;
    setMoreError(undefined);
    setLoadingMore(true);
    try {
      const result = await fetchMore({ variables: { after: nextCursor } });
      focusNext.current = result.data?.workspace?.decisionLog.items[0]?.id ?? null;
    } catch (e) {
      setMoreError(toProblem(e)?.message ?? 'The next decisions could not be loaded.');
    } finally {
      setLoadingMore(false);
    }
  }

  const set = (patch: Partial<FilterState>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <>
      <PageHeader
        title="Decisions"
        intro="What the group has decided, on what evidence, and when. Numbered in order (D-001, D-002 …); an agreed decision is never edited, only superseded by a new one."
      />
      <Stack gap="lg">
        {canPropose && (
          <div>
            {!proposing ? (
              <Button onClick={() => setProposing(true)}>Propose a decision</Button>
            ) : (
              <DecisionForm
                workspaceId={workspace.id}
                options={options}
                onCancel={() => setProposing(false)}
                onDone={(d) => {
                  setProposing(false);
                  setStatus(`${d.ref} proposed.`);
                }}
              />
            )}
          </div>
        )}
        <section aria-labelledby="log-heading">
          <SectionHeading id="log-heading">The log</SectionHeading>
          <Paper withBorder p="md" radius="md" mb="md" component="form" role="search" aria-label="Filter the decision log" onSubmit={(e) => e.preventDefault()}>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label="Search"
                description="Words, or a number such as D-004"
                type="search"
                value={filter.search}
                onChange={(e) => set({ search: e.currentTarget.value })}
                maxLength={DECISION_LIMITS.searchMax}
                style={{ flex: '2 1 220px' }}
              />
              <NativeSelect
                label="Status"
                data={[{ value: '', label: 'Any status' }, ...(['PROPOSED', 'AGREED', 'SUPERSEDED'] as const).map((s) => ({ value: s, label: DECISION_STATUS_LABELS[s] }))]}
                value={filter.status}
                onChange={(e) => set({ status: e.currentTarget.value as FilterState['status'] })}
                style={{ flex: '1 1 150px' }}
              />
              <NativeSelect
                label="Milestone"
                data={[{ value: '', label: 'Any milestone' }, ...(options?.milestones ?? []).map((m) => ({ value: m.id, label: m.title }))]}
                value={filter.milestoneId}
                onChange={(e) => set({ milestoneId: e.currentTarget.value })}
                style={{ flex: '1 1 200px' }}
              />
              <NativeSelect
                label="Agreed at meeting"
                data={[{ value: '', label: 'Any meeting' }, ...(options?.meetings ?? []).map((m) => ({ value: m.id, label: `${m.title} (${formatCalendarDate(m.date)})` }))]}
                value={filter.meetingId}
                onChange={(e) => set({ meetingId: e.currentTarget.value })}
                style={{ flex: '1 1 200px' }}
              />
              {isFiltered(filter) && (
                <Button variant="subtle" onClick={() => setFilter(EMPTY_FILTER)}>
                  Clear the filter
                </Button>
              )}
            </Group>
            <Group mt="sm" gap="sm" align="center">
              <Text size="sm" fw={600}>
                Export {isFiltered(filter) ? 'the filtered log' : 'the log'}:
              </Text>
              <Button variant="default" size="sm" onClick={() => void exportLog('CSV')} loading={exporting === 'CSV'}>
                CSV
              </Button>
              <Button variant="default" size="sm" onClick={() => void exportLog('MARKDOWN')} loading={exporting === 'MARKDOWN'}>
                Markdown
              </Button>
            </Group>
            <FormError message={exportError} title="The export failed" />
          </Paper>
          <VisuallyHidden role="status" aria-live="polite">
            {status}
          </VisuallyHidden>
          {error && !shown ? (
            <QueryError error={error} onRetry={() => void refetch()} />
          ) : !shown ? (
            <InlineLoader label="Loading the decision log…" />
          ) : shown.length === 0 ? (
            <Text>{isFiltered(filter) ? 'No decision matches the filter.' : 'No decisions yet.'}</Text>
          ) : (
            <Stack gap="md" aria-busy={loading || loadingMore}>
              <Text size="sm" c="dimmed" data-testid="decision-count" role="status" id="decision-count">
                {countText(shown.length, log.totalCount, isFiltered(filter))}, newest first.
              </Text>
              {shown.map((d) => (
                <DecisionCard
                  key={d.id}
                  workspaceId={workspace.id}
                  decision={d}
                  whereAgreed={whereAgreed}
                  options={options}
                  canPropose={canPropose}
                  canAgree={canAgree}
                  onChanged={setStatus}
                />
              ))}
              {nextCursor && (
                <Group gap="sm" align="center">
                  <Button variant="default" onClick={() => void showMore()} loading={loadingMore} aria-describedby="decision-count">
                    Show {Math.min(DECISION_PAGE_SIZE, log.totalCount - shown.length) || DECISION_PAGE_SIZE} more decisions
                  </Button>
                </Group>
              )}
              <FormError message={moreError} title="More decisions could not be loaded" />
            </Stack>
          )}
        </section>
      </Stack>
    </>
  );
}
