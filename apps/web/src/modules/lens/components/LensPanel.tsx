// The NHS reader lens in the draft's side panel: for the chosen section, HE acronyms and jargon used
// without a definition (expanded in brackets at first use, or defined in the workspace glossary), with the
// suggested explanation; an editor can define a flagged term into the glossary, and edit or remove the
// workspace's own glossary entries. Reading ease (Flesch) and
// sentence length per section. Computed in the browser when idle, so typing is never slowed.
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, List, Modal, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { Section } from '@concord/editor-schema';
import { lookupTerm, type GlossaryEntry, type TermUse } from '@concord/nhs-lens';
import { DefineGlossaryTermDocument, RemoveGlossaryEntryDocument, UpdateGlossaryEntryDocument, WorkspaceGlossaryDocument } from '../../../generated/graphql';
import { useSectionLens } from '../hooks/useSectionLens';

export function LensPanel({ workspaceId, sections, canDefine }: { workspaceId: string; sections: Section[] | null; canDefine: boolean }) {
  const { data, refetch } = useQuery(WorkspaceGlossaryDocument, { variables: { workspaceId } });
  const defined = useMemo<GlossaryEntry[]>(
    () => (data?.workspace?.glossary ?? []).filter((e) => e.source === 'WORKSPACE').map((e) => ({ term: e.term, expansion: e.expansion ?? undefined, explanation: e.explanation, aliases: e.aliases })),
    [data],
  );
  const lensed = useSectionLens(sections, defined);
  const [chosen, setChosen] = useState<string | null>(null);
  const [defining, setDefining] = useState<TermUse | null>(null);
  const current = lensed?.find((s) => s.id === chosen) ?? lensed?.[0] ?? null;
  const flaggedTotal = lensed?.reduce((n, s) => n + s.lens.flagged.length, 0) ?? 0;
  const entries = (data?.workspace?.glossary ?? []).flatMap((e): WorkspaceEntry[] => (e.source === 'WORKSPACE' && e.id ? [{ id: e.id, term: e.term, expansion: e.expansion, explanation: e.explanation }] : []));

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="lens-title" data-testid="lens-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id="lens-title">
          NHS reader lens
        </Title>
        <Text size="sm" c="dimmed">
          Higher-education terms an NHS reader may not know, and how easy each section is to read. {lensed ? `${flaggedTotal} undefined term${flaggedTotal === 1 ? '' : 's'} in the draft.` : ''}
        </Text>
        {!lensed || !current ? (
          <Text size="sm">Reading the draft…</Text>
        ) : (
          <>
            <NativeSelect
              label="Section"
              value={current.id}
              onChange={(e) => setChosen(e.currentTarget.value)}
              data={lensed.map((s) => ({ value: s.id, label: `${s.title}${s.lens.flagged.length ? ` (${s.lens.flagged.length} to define)` : ''}` }))}
            />
            <Readability lens={current.lens} />
            {current.lens.flagged.length === 0 ? (
              <Text size="sm" data-testid="lens-clear">
                Every acronym and HE term in this section is defined.
              </Text>
            ) : (
              <List spacing="xs" size="sm" listStyleType="none" aria-label={`Undefined terms in ${current.title}`}>
                {current.lens.flagged.map((t) => (
                  <List.Item key={`${t.kind}:${t.term}`} data-testid="lens-flag">
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Badge variant="light" color={t.kind === 'ACRONYM' ? 'concordBlue' : 'grape'} radius="sm">
                        {t.kind === 'ACRONYM' ? 'Acronym' : 'HE term'}
                      </Badge>
                      <Stack gap={2} style={{ flex: 1 }}>
                        <Text size="sm" fw={700}>
                          {t.term}
                          {t.count > 1 ? ` (used ${t.count} times)` : ''}
                        </Text>
                        <Text size="xs">{t.entry ? `${t.entry.expansion ? `${t.entry.expansion}: ` : ''}${t.entry.explanation}` : 'Not in the HE glossary: expand it at first use, or define it.'}</Text>
                        {canDefine && (
                          <Button size="compact-xs" variant="light" onClick={() => setDefining(t)} aria-label={`Define ${t.term} in the glossary`} style={{ alignSelf: 'flex-start' }}>
                            Define in glossary
                          </Button>
                        )}
                      </Stack>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </>
        )}
        {canDefine && data && <WorkspaceGlossary entries={entries} onChanged={() => void refetch()} />}
      </Stack>
      <DefineTermModal
        workspaceId={workspaceId}
        term={defining}
        onClose={() => setDefining(null)}
        onDefined={() => {
          setDefining(null);
          void refetch();
        }}
      />
    </Paper>
  );
}

interface WorkspaceEntry {
  id: string;
  term: string;
  expansion: string | null;
  explanation: string;
}

/** The workspace's own glossary entries, each with edit and remove (editors and leads). */
function WorkspaceGlossary({ entries, onChanged }: { entries: WorkspaceEntry[]; onChanged: () => void }) {
  const [editing, setEditing] = useState<WorkspaceEntry | null>(null);
  const [removing, setRemoving] = useState<WorkspaceEntry | null>(null);
  const [remove, removal] = useMutation(RemoveGlossaryEntryDocument);
  return (
    <Stack gap="xs" component="section" aria-labelledby="workspace-glossary-title" data-testid="workspace-glossary">
      <Title order={3} size="h5" id="workspace-glossary-title">
        Workspace glossary
      </Title>
      {entries.length === 0 ? (
        <Text size="sm">The workspace has not defined any terms yet.</Text>
      ) : (
        <List spacing="xs" size="sm" listStyleType="none" aria-label="Workspace glossary entries">
          {entries.map((e) => (
            <List.Item key={e.id}>
              <Stack gap={2}>
                <Text size="sm">
                  <strong>{e.term}</strong>
                  {e.expansion ? ` (${e.expansion})` : ''}
                </Text>
                <Text size="xs">{e.explanation}</Text>
                <Group gap={6}>
                  <Button size="compact-xs" variant="light" onClick={() => setEditing(e)} aria-label={`Edit ${e.term}`}>
                    Edit
                  </Button>
                  <Button size="compact-xs" variant="subtle" color="danger" onClick={() => setRemoving(e)} aria-label={`Remove ${e.term}`}>
                    Remove
                  </Button>
                </Group>
              </Stack>
            </List.Item>
          ))}
        </List>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? `Edit “${editing.term}”` : ''}>
        {editing && (
          <EditEntryForm
            key={editing.id}
            entry={editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              onChanged();
            }}
          />
        )}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={removing ? `Remove “${removing.term}”?` : ''}>
        <Stack gap="sm">
          <Text size="sm">The glossary appendix no longer prints it, and the lens flags the term again where it is used without a definition.</Text>
          {removal.error && (
            <Alert color="danger" role="alert">
              {removal.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
              Keep it
            </Button>
            <Button
              color="danger"
              loading={removal.loading}
              onClick={() => {
                if (!removing) return;
                void remove({ variables: { id: removing.id } })
                  .then(() => {
                    setRemoving(null);
                    onChanged();
                  })
                  .catch(() => undefined);
              }}
            >
              Remove from glossary
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function EditEntryForm({ entry, onSaved, onCancel }: { entry: WorkspaceEntry; onSaved: () => void; onCancel: () => void }) {
  const [name, setName] = useState(entry.term);
  const [expansion, setExpansion] = useState(entry.expansion ?? '');
  const [explanation, setExplanation] = useState(entry.explanation);
  const [update, { loading, error }] = useMutation(UpdateGlossaryEntryDocument);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void update({ variables: { input: { id: entry.id, term: name, expansion: expansion || null, explanation } } })
          .then(onSaved)
          .catch(() => undefined);
      }}
    >
      <Stack gap="sm">
        <TextInput label="Term" value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={80} />
        <TextInput label="Stands for (acronyms)" value={expansion} onChange={(e) => setExpansion(e.currentTarget.value)} maxLength={200} />
        <Textarea label="What it means for an NHS reader" value={explanation} onChange={(e) => setExplanation(e.currentTarget.value)} required autosize minRows={3} maxLength={600} />
        {error && (
          <Alert color="danger" role="alert">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Readability({ lens }: { lens: import('@concord/nhs-lens').SectionLens }) {
  const r = lens.readability;
  if (r.words === 0) return <Text size="sm">This section has no text yet.</Text>;
  return (
    <Text size="sm" data-testid="lens-readability">
      Reading ease <strong>{r.readingEase}</strong> ({r.band}); {r.sentences} sentence{r.sentences === 1 ? '' : 's'}, {r.averageSentenceLength} words on average, longest {r.longestSentence}
      {r.longSentences ? `; ${r.longSentences} over 25 words` : ''}.
    </Text>
  );
}

function DefineTermModal({ workspaceId, term, onClose, onDefined }: { workspaceId: string; term: TermUse | null; onClose: () => void; onDefined: () => void }) {
  return (
    <Modal opened={term !== null} onClose={onClose} title={term ? `Define “${term.term}”` : ''}>
      {term && <DefineTermForm key={term.term} workspaceId={workspaceId} term={term} onDefined={onDefined} onCancel={onClose} />}
    </Modal>
  );
}

function DefineTermForm({ workspaceId, term, onDefined, onCancel }: { workspaceId: string; term: TermUse; onDefined: () => void; onCancel: () => void }) {
  const suggestion = term.entry ?? lookupTerm(term.term);
  const [name, setName] = useState(term.term);
  const [expansion, setExpansion] = useState(suggestion?.expansion ?? '');
  const [explanation, setExplanation] = useState(suggestion?.explanation ?? '');
  const [define, { loading, error }] = useMutation(DefineGlossaryTermDocument);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void define({ variables: { input: { workspaceId, term: name, expansion: expansion || null, explanation } } })
          .then(onDefined)
          .catch(() => undefined);
      }}
    >
      <Stack gap="sm">
        <Text size="sm">The guidance’s glossary appendix prints this explanation, and the lens then counts the term as defined everywhere.</Text>
        <TextInput label="Term" value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={80} />
        <TextInput label="Stands for (acronyms)" value={expansion} onChange={(e) => setExpansion(e.currentTarget.value)} maxLength={200} />
        <Textarea label="What it means for an NHS reader" value={explanation} onChange={(e) => setExplanation(e.currentTarget.value)} required autosize minRows={3} maxLength={600} />
        {error && (
          <Alert color="danger" role="alert">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Add to glossary
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
