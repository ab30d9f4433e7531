// The assessment matrix as a heat map: models × criteria, each cell coloured by the majority view and
// labelled in words (so colour is never the only cue), with a summary per model as a text alternative.
// A page of models at a time ("Show more" appends the next); the search and the strong-candidate count
// come from the server, so they hold for every model. A cell opens the raters' views and, for members,
// their own rating.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, List, Modal, Radio, Select, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { splitFieldErrors, toProblem } from '../../../app/errors';
import {
  AssessmentMatrixDocument,
  AssessmentModelRowDocument,
  RateModelDocument,
  RatingEvidenceOptionsDocument,
  WorkspaceModelsDocument,
  type AssessmentMatrixQuery,
  type AssessmentModelRowQuery,
  type ModelRating,
  type RatingEvidenceOptionsQuery,
} from '../../../generated/graphql';
import { focusServerProblem } from '../../evidence/focus';
import { FINDING_KIND_LABELS } from '../../evidence/components/SourceList';
import { FormError } from '../../layout/components/FormError';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';
import { GAP_LABELS, RATING_LABELS, STATUS_LABELS } from '../labels';
import './assessment.css';

type Matrix = NonNullable<AssessmentMatrixQuery['workspace']>['assessment'];
type Row = Matrix['rowPage']['items'][number];
type Cell = Row['cells'][number];
type DetailRow = NonNullable<AssessmentModelRowQuery['workspace']>['assessment']['rowPage']['items'][number];
type DetailCell = DetailRow['cells'][number];

const RATINGS: ModelRating[] = ['MET', 'PARTLY', 'NOT_MET', 'UNKNOWN'];
/** Models per page: each row has a cell per criterion, so a page stays small. */
export const ASSESSMENT_PAGE_SIZE = 20;

const rowAnchor = (modelId: string) => `assessment-row-${modelId}`;

export function AssessmentMatrix({ workspaceId, canRate }: { workspaceId: string; canRate: boolean }) {
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const { data, previousData, error, refetch, fetchMore, updateQuery } = useQuery(AssessmentMatrixDocument, {
    variables: { workspaceId, first: ASSESSMENT_PAGE_SIZE, search: search || null },
  });
  const [open, setOpen] = useState<{ row: Row; cell: Cell; index: number } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  /** The first model "Show more" brought in: its row header takes focus once it is on the page (the button may be gone). */
  const focusNext = useRef<string | null>(null);
  const shown = (data ?? previousData)?.workspace?.assessment;
  useEffect(() => {
    const id = focusNext.current;
    const header = id ? document.getElementById(rowAnchor(id)) : null;
    if (header) {
      focusNext.current = null;
      header.focus();
    }
  }, [shown, loadingMore]);
  if (error && !shown) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!shown) return <InlineLoader label="Loading the assessment matrix…" />;
  const m = shown;
  const rows = m.rowPage.items;
  const label = (i: number) => `C${i + 1}`;

  /** The next page of models, appended to the loaded ones. */
  async function showMore() {
    if (!m.rowPage.nextCursor || loadingMore) return;
    setMoreError(undefined);
    setLoadingMore(true);
    try {
      const result = await fetchMore({
        variables: { after: m.rowPage.nextCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          if (!previous.workspace || !fetchMoreResult.workspace) return previous;
          const seen = new Set(previous.workspace.assessment.rowPage.items.map((r) => r.model.id));
          const next = fetchMoreResult.workspace.assessment;
          return {
            ...previous,
            workspace: {
              ...previous.workspace,
              assessment: {
                ...next,
                rowPage: { ...next.rowPage, items: [...previous.workspace.assessment.rowPage.items, ...next.rowPage.items.filter((r) => !seen.has(r.model.id))] },
              },
            },
          };
        },
      });
      focusNext.current = result.data?.workspace?.assessment.rowPage.items[0]?.model.id ?? null;
    } catch (e) {
      setMoreError(toProblem(e)?.message ?? 'The next models could not be loaded.');
    } finally {
      setLoadingMore(false);
    }
  }

  /** After a rating: the model's fresh row (verdict, gaps, cells) replaces its row, and the workspace's count follows. */
  function replaceRow(row: DetailRow, strongCandidateCount: number) {
    updateQuery((_, { complete, previousData }) => {
      if (!complete || !previousData.workspace) return;
      const a = previousData.workspace.assessment;
      const fresh: Row = { ...row, cells: row.cells.map(({ ratings: _r, mine: _m, modelId: _id, ...cell }) => cell) };
      return {
        ...previousData,
        workspace: { ...previousData.workspace, assessment: { ...a, strongCandidateCount, rowPage: { ...a.rowPage, items: a.rowPage.items.map((r) => (r.model.id === row.model.id ? fresh : r)) } } },
      };
    });
  }

  const showing = `Showing ${rows.length} of ${m.rowPage.totalCount} ${m.rowPage.totalCount === 1 ? 'model' : 'models'}${search ? ` matching “${search}”` : ''}.`;
  const strong = `${m.strongCandidateCount} of all the models ${m.strongCandidateCount === 1 ? 'is a strong candidate' : 'are strong candidates'}.`;
  return (
    <Stack gap="md">
      {m.basis === 'CANDIDATE' ? (
        <Alert color="warning" variant="light" title="Provisional criteria">
          No consensus round has closed yet, so the matrix shows every candidate criterion. Once a round closes, only the criteria that reached INCLUDE remain.
        </Alert>
      ) : (
        <Text size="sm">Criteria agreed by consensus (reached INCLUDE in their latest closed round).</Text>
      )}
      {m.criteria.length === 0 ? (
        <Text>No criterion has been agreed yet.</Text>
      ) : (
        <>
          <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label="Find models in the assessment matrix">
            <TextInput label="Find a model" description="Part of its name" value={searchText} onChange={(e) => setSearchText(e.currentTarget.value)} w={320} />
            <Text size="sm" role="status">
              {strong}
            </Text>
          </Group>
          {rows.length === 0 ? (
            <Text>{search ? `No model matches “${search}”.` : 'No candidate model yet.'}</Text>
          ) : (
            <div className="concord-heatmap-scroll">
              <Table className="concord-heatmap" withTableBorder withColumnBorders>
                <caption>
                  <VisuallyHidden>Assessment matrix: each cell gives the majority view and how many raters hold it.</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Model</Table.Th>
                    {m.criteria.map((c, i) => (
                      <Table.Th scope="col" key={c.id} title={c.statement}>
                        <abbr title={c.statement}>{label(i)}</abbr>
                        <VisuallyHidden>: {c.statement}</VisuallyHidden>
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">Verdict</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.model.id}>
                      <Table.Th scope="row" id={rowAnchor(row.model.id)} tabIndex={-1}>
                        <Stack gap={2}>
                          <Text fw={600} size="sm">
                            {row.model.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {row.model.caseStudy ? `Case study ${STATUS_LABELS[row.model.caseStudy.status].toLowerCase()}` : 'No case study yet'}
                          </Text>
                        </Stack>
                      </Table.Th>
                      {row.cells.map((cell, i) => (
                        <Table.Td key={cell.criterionId} className="concord-heat-cell" data-majority={cell.majority ?? (cell.n ? 'NONE' : 'EMPTY')}>
                          <button type="button" className="concord-heat-button" onClick={() => setOpen({ row, cell, index: i })}>
                            <VisuallyHidden>{`${row.model.name}, ${label(i)}: `}</VisuallyHidden>
                            <span className="concord-heat-main">{cell.majority ? RATING_LABELS[cell.majority] : cell.n ? 'No majority' : 'Not rated'}</span>
                            <span className="concord-heat-sub">
                              {cell.n ? `${cell.majority ? countOf(cell, cell.majority) : ''}${cell.majority ? ' of ' : ''}${cell.n} rated` : '—'}
                              {cell.disagreement ? ' · split' : ''}
                            </span>
                            <VisuallyHidden>{` (${cellWords(cell)})`}</VisuallyHidden>
                          </button>
                        </Table.Td>
                      ))}
                      <Table.Td>{row.strongCandidate ? <Badge color="success">Strong candidate</Badge> : <Text size="sm">{row.metCount} of {m.criteria.length} met</Text>}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
          <Group gap="md" align="center">
            <Text size="sm" role="status" aria-live="polite">
              {showing}
            </Text>
            {m.rowPage.nextCursor && (
              <Button variant="default" onClick={() => void showMore()} loading={loadingMore} aria-label={`Show more models (${ASSESSMENT_PAGE_SIZE} more of the ${m.rowPage.totalCount - rows.length} not shown)`}>
                Show more models
              </Button>
            )}
          </Group>
          {moreError && (
            <Alert color="danger" variant="light" role="alert">
              {moreError}
            </Alert>
          )}
          <Stack gap={4}>
            <Title order={3} size="h5">
              Criteria
            </Title>
            <List size="sm" type="ordered">
              {m.criteria.map((c) => (
                <List.Item key={c.id}>{c.statement}</List.Item>
              ))}
            </List>
          </Stack>
          {rows.length > 0 && (
            <Stack gap={4}>
              <Title order={3} size="h5">
                Summary by model
              </Title>
              <List size="sm" spacing="xs">
                {rows.map((row) => (
                  <List.Item key={row.model.id}>
                    <Text span fw={600} size="sm">
                      {row.model.name}:
                    </Text>{' '}
                    {row.strongCandidate ? 'a strong candidate (a majority say met for every criterion).' : `${row.metCount} of ${m.criteria.length} criteria met by a majority.`}{' '}
                    {row.evidenceGaps.length === 0
                      ? 'No evidence gaps.'
                      : `Evidence gaps: ${row.evidenceGaps.map((g) => `${label(m.criteria.findIndex((c) => c.id === g.criterionId))} (${GAP_LABELS[g.reason]})`).join('; ')}.`}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </>
      )}
      <Modal opened={!!open} onClose={() => setOpen(null)} title={open ? `${open.row.model.name} — ${label(open.index)}` : ''} size="lg">
        {open && (
          <CellDetail
            workspaceId={workspaceId}
            modelId={open.row.model.id}
            statement={m.criteria[open.index].statement}
            cell={open.cell}
            canRate={canRate}
            onRated={replaceRow}
            onDone={() => setOpen(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function countOf(cell: Cell, r: ModelRating) {
  return { MET: cell.counts.met, PARTLY: cell.counts.partly, NOT_MET: cell.counts.notMet, UNKNOWN: cell.counts.unknown }[r];
}

function cellWords(cell: Cell) {
  if (!cell.n) return 'not rated';
  const counts = `${cell.counts.met} met, ${cell.counts.partly} partly, ${cell.counts.notMet} not met, ${cell.counts.unknown} unknown`;
  return `${cell.majority ? `majority ${RATING_LABELS[cell.majority].toLowerCase()}` : 'no majority'}${cell.disagreement ? ', raters disagree' : ''} (${counts})`;
}

type EvidenceKind = 'NONE' | 'FINDING' | 'FIELD';

const short = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The findings and case-study fields a rating can cite, as grouped options. */
function evidenceOptions(data: RatingEvidenceOptionsQuery | undefined) {
  const findings = data?.workspace?.findings ?? [];
  const bySource = new Map<string, { value: string; label: string }[]>();
  for (const f of findings) {
    const items = bySource.get(f.source.title) ?? [];
    items.push({ value: f.id, label: `${FINDING_KIND_LABELS[f.kind]}: ${short(f.text)}` });
    bySource.set(f.source.title, items);
  }
  const findingData = [...bySource.entries()].map(([group, items]) => ({ group, items }));
  const fieldData = (data?.practiceModel?.caseStudies ?? []).map((cs) => ({
    group: `Case study (template version ${cs.template.version}, ${STATUS_LABELS[cs.status].toLowerCase()})`,
    items: [
      { value: `${cs.id}|`, label: 'The case study as a whole' },
      ...cs.template.sections.flatMap((sec) => sec.fields.map((f) => ({ value: `${cs.id}|${f.id}`, label: `${sec.title}: ${f.label}` }))),
    ],
  }));
  const findingText = new Map(findings.map((f) => [f.id, short(f.text, 60)]));
  return { findingData, fieldData, findingText };
}

/** Loads the cell's ratings (with its model's row, which replaces the table's after a rating), then shows them. */
function CellDetail(props: { workspaceId: string; modelId: string; statement: string; cell: Cell; canRate: boolean; onRated: (row: DetailRow, strongCandidateCount: number) => void; onDone: () => void }) {
  const { workspaceId, modelId, cell } = props;
  // Not cached: the table's query owns the matrix in the cache, and this row reaches it through onRated.
  const { data, error, refetch } = useQuery(AssessmentModelRowDocument, { variables: { workspaceId, modelId }, fetchPolicy: 'no-cache' });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const row = data?.workspace?.assessment.rowPage.items[0];
  const detail = row?.cells.find((c) => c.criterionId === cell.criterionId);
  if (!detail) return <InlineLoader label="Loading the ratings…" />;
  return (
    <CellRatings
      {...props}
      cell={detail}
      refresh={async () => {
        const fresh = await refetch();
        const a = fresh.data?.workspace?.assessment;
        if (a?.rowPage.items[0]) props.onRated(a.rowPage.items[0], a.strongCandidateCount);
      }}
    />
  );
}

function CellRatings({
  workspaceId,
  statement,
  cell,
  canRate,
  refresh,
  onDone,
}: {
  workspaceId: string;
  statement: string;
  cell: DetailCell;
  canRate: boolean;
  refresh: () => Promise<void>;
  onDone: () => void;
}) {
  const [rating, setRating] = useState<string>(cell.mine?.rating ?? '');
  const [note, setNote] = useState(cell.mine?.note ?? '');
  const [kind, setKind] = useState<EvidenceKind>(cell.mine?.findingId ? 'FINDING' : cell.mine?.submissionId ? 'FIELD' : 'NONE');
  const [findingId, setFindingId] = useState<string | null>(cell.mine?.findingId ?? null);
  const [field, setField] = useState<string | null>(cell.mine?.submissionId ? `${cell.mine.submissionId}|${cell.mine.fieldId ?? ''}` : null);
  const formRef = useRef<HTMLFormElement>(null);
  const options = useQuery(RatingEvidenceOptionsDocument, { variables: { workspaceId, modelId: cell.modelId }, skip: !canRate && cell.ratings.every((r) => !r.findingId) });
  const { findingData, fieldData, findingText } = evidenceOptions(options.data);
  // The matrix is not refetched (that would drop the pages shown after the first): refresh() replaces this model's row.
  const [rate, { loading, error }] = useMutation(RateModelDocument, { refetchQueries: [WorkspaceModelsDocument] });
  const { fieldErrors, formError } = splitFieldErrors(error, ['rating', 'note', 'findingId', 'submissionId', 'fieldId'] as const);
  const linkMissing = (kind === 'FINDING' && !findingId) || (kind === 'FIELD' && !field);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!rating || linkMissing) return;
    const [submissionId, fieldId] = kind === 'FIELD' && field ? field.split('|') : [null, null];
    try {
      await rate({
        variables: {
          input: { modelId: cell.modelId, criterionId: cell.criterionId, rating: rating as ModelRating, note, findingId: kind === 'FINDING' ? findingId : null, submissionId: submissionId || null, fieldId: fieldId || null },
        },
      });
      await refresh();
      onDone();
    } catch {
      // Shown from `error`; focus goes to the field at fault.
      focusServerProblem(formRef.current);
    }
  }
  return (
    <Stack gap="md">
      <Text size="sm">{statement}</Text>
      <Text size="sm">{cellWords(cell)}.</Text>
      {cell.ratings.length > 0 && (
        <List size="sm" spacing="xs">
          {cell.ratings.map((r) => (
            <List.Item key={r.id}>
              <Text span fw={600} size="sm">
                {r.raterName}
              </Text>
              : {RATING_LABELS[r.rating]}
              {r.note ? ` — ${r.note}` : ''}
              {r.findingId ? ` (cites a finding${findingText.get(r.findingId) ? `: “${findingText.get(r.findingId)}”` : ''})` : r.submissionId ? (r.fieldId ? ' (cites a field of the case study)' : ' (cites the case study)') : ''}
            </List.Item>
          ))}
        </List>
      )}
      {canRate && (
        <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Your rating">
          <Stack gap="sm">
            <FormError message={formError} />
            <Radio.Group label="Your rating" value={rating} onChange={setRating} required error={fieldErrors.rating}>
              <Group mt="xs">
                {RATINGS.map((r) => (
                  <Radio key={r} value={r} label={RATING_LABELS[r]} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea label="Evidence note" description="What your rating rests on: a finding, the case study, a conversation." value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} error={fieldErrors.note} />
            <Radio.Group label="Link evidence (optional)" value={kind} onChange={(v) => setKind(v as EvidenceKind)}>
              <Group mt="xs">
                <Radio value="NONE" label="No link" />
                <Radio value="FINDING" label="A finding" />
                <Radio value="FIELD" label="A case-study field" disabled={fieldData.length === 0} />
              </Group>
            </Radio.Group>
            {fieldData.length === 0 && options.data && (
              <Text size="xs" c="dimmed">
                This model has no case study yet, so no field can be cited.
              </Text>
            )}
            {kind === 'FINDING' && (
              <Select
                label="Finding"
                placeholder="Search the findings"
                searchable
                required
                data={findingData}
                value={findingId}
                onChange={setFindingId}
                error={fieldErrors.findingId}
                nothingFoundMessage="No finding matches"
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {kind === 'FIELD' && (
              <Select
                label="Case-study field"
                placeholder="Choose a field"
                searchable
                required
                data={fieldData}
                value={field}
                onChange={setField}
                error={fieldErrors.fieldId ?? fieldErrors.submissionId}
                nothingFoundMessage="No field matches"
              />
            )}
            <Group>
              <Button type="submit" loading={loading} disabled={!rating || linkMissing}>
                Save rating
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
