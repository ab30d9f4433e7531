// /w/:workspaceId/drafts/:documentId/versions: the named versions of a draft; compare any two, or one with
// the live draft (?from=&to=, so a comparison can be linked); leads restore one.
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../app/format';
import type { VersionSummaryFragment } from '../generated/graphql';
import { DiffView } from '../modules/documents/components/DiffView';
import { DraftGate, type Draft } from '../modules/documents/components/DraftGate';
import { RestoreVersionButton } from '../modules/documents/components/RestoreVersionButton';
import { canManage, canRestore, draftHref, versionHref } from '../modules/documents/documents';
import { PageHeader } from '../modules/layout/components/PageHeader';
import { SectionHeading } from '../modules/layout/components/SectionHeading';
import { useCurrentWorkspace } from '../modules/workspaces/hooks/useCurrentWorkspace';
import { useWorkspacePageTitle } from '../modules/workspaces/hooks/useWorkspacePageTitle';

const LIVE = 'live';

export function VersionsPage() {
  return <DraftGate>{(draft) => <Versions draft={draft} />}</DraftGate>;
}

function Versions({ draft }: { draft: Draft }) {
  const workspace = useCurrentWorkspace();
  useWorkspacePageTitle(`Versions of ${draft.title}`);
  const [params, setParams] = useSearchParams();
  const [restored, setRestored] = useState<VersionSummaryFragment>();
  // A restore changes the live draft: a comparison with it is asked for again.
  const [restores, setRestores] = useState(0);
  const compareHeading = useRef<HTMLHeadingElement>(null);
  const known = (id: string | null) => (id && draft.versions.some((v) => v.id === id) ? id : undefined);
  const from = known(params.get('from'));
  const to = known(params.get('to'));

  const compare = (fromId: string, toId?: string) => {
    setParams(toId ? { from: fromId, to: toId } : { from: fromId }, { preventScrollReset: true });
    requestAnimationFrame(() => {
      compareHeading.current?.scrollIntoView({ block: 'start' });
      compareHeading.current?.focus();
    });
  };

  return (
    <>
      <Anchor component={Link} to={draftHref(workspace.id, draft.id)} size="sm">
        Back to the draft
      </Anchor>
      <PageHeader
        title={`Versions of “${draft.title}”`}
        intro={`Named versions keep the text as it was when they were saved, read-only. Compare any two, or one with the live draft.${
          canRestore(workspace.myRole) ? ' As a lead you can restore a version: it becomes a new change that everyone sees, and the history is kept.' : ''
        }`}
      />
      {/* The live region is there before the message, so screen readers announce it. */}
      <div role="status">
        {restored && (
          <Alert color="success" variant="light" title={`“${restored.name}” is restored`} mb="md">
            Everyone with the draft open sees its text now. The named versions are unchanged.{' '}
            <Anchor component={Link} to={draftHref(workspace.id, draft.id)}>
              Open the draft
            </Anchor>
          </Alert>
        )}
      </div>
      <section aria-labelledby="versions-list-heading">
        <SectionHeading id="versions-list-heading">Named versions ({draft.versions.length})</SectionHeading>
        {draft.versions.length === 0 ? (
          <Text maw={760}>
            No named versions yet.{' '}
            {canManage(workspace.myRole)
              ? 'Save one from the draft with “Save a named version”.'
              : 'Editors and leads save them from the draft.'}
          </Text>
        ) : (
          <VersionsTable
            draft={draft}
            onCompare={(id) => compare(id)}
            onRestored={(version) => {
              setRestored(version);
              setRestores((n) => n + 1);
            }}
            restores={canRestore(workspace.myRole)}
          />
        )}
      </section>
      {draft.versions.length > 0 && (
        <section aria-labelledby="compare-heading">
          <Title order={2} size="h3" mt="xl" mb="sm" id="compare-heading" ref={compareHeading} tabIndex={-1} className="concord-page-title">
            Compare
          </Title>
          <CompareForm key={`${from}-${to}`} versions={draft.versions} from={from} to={to} onCompare={compare} />
          {from && (
            <Stack mt="lg" gap="xs">
              <Title order={3} size="h4">
                {versionName(draft, from)} compared with {to ? versionName(draft, to) : 'the live draft'}
              </Title>
              <DiffView key={restores} fromVersionId={from} toVersionId={to} />
            </Stack>
          )}
        </section>
      )}
    </>
  );
}

function versionName(draft: Draft, id: string): string {
  return `“${draft.versions.find((v) => v.id === id)?.name ?? 'Unknown version'}”`;
}

function VersionsTable({
  draft,
  onCompare,
  onRestored,
  restores,
}: {
  draft: Draft;
  onCompare: (versionId: string) => void;
  onRestored: (version: VersionSummaryFragment) => void;
  restores: boolean;
}) {
  const workspace = useCurrentWorkspace();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder verticalSpacing="sm" bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Saved by</Table.Th>
            <Table.Th scope="col">Saved</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.versions.map((version) => (
            <Table.Tr key={version.id}>
              <Table.Th scope="row" fw={600}>
                {version.name}
              </Table.Th>
              <Table.Td>{version.createdByName ?? 'Unknown'}</Table.Td>
              <Table.Td>{formatDateTime(version.createdAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button component={Link} to={versionHref(workspace.id, draft.id, version.id)} variant="default" size="xs" aria-label={`View ${version.name}`}>
                    View
                  </Button>
                  <Button variant="default" size="xs" onClick={() => onCompare(version.id)} aria-label={`Compare with the live draft: ${version.name}`}>
                    Compare with the live draft
                  </Button>
                  {restores && <RestoreVersionButton version={version} onRestored={onRestored} />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CompareForm({
  versions,
  from,
  to,
  onCompare,
}: {
  versions: VersionSummaryFragment[];
  from?: string;
  to?: string;
  onCompare: (from: string, to?: string) => void;
}) {
  const [fromId, setFromId] = useState(from ?? versions[0].id);
  const [toId, setToId] = useState(to ?? LIVE);
  const [problem, setProblem] = useState<string>();
  const options = versions.map((v) => ({ value: v.id, label: `${v.name} (${formatDateTime(v.createdAt)})` }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (fromId === toId) {
      setProblem('Choose two different versions');
      return;
    }
    setProblem(undefined);
    onCompare(fromId, toId === LIVE ? undefined : toId);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Compare versions">
      <Group align="flex-end" wrap="wrap">
        <NativeSelect label="From" data={options} value={fromId} onChange={(e) => setFromId(e.currentTarget.value)} miw={260} />
        <NativeSelect
          label="To"
          data={[{ value: LIVE, label: 'The live draft, as it is now' }, ...options]}
          value={toId}
          onChange={(e) => setToId(e.currentTarget.value)}
          error={problem}
          miw={260}
        />
        <Button type="submit">Compare</Button>
      </Group>
    </form>
  );
}
