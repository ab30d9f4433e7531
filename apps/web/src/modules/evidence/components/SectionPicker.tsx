// Chooses guidance sections by the heading's stable id: the sections chosen so far, each with its own
// remove button, and a searchable list of the draft's headings to add one more.
import { useState } from 'react';
import { Button, Group, List, Select, Stack, Text, VisuallyHidden } from '@mantine/core';

export interface SectionRef {
  documentId: string;
  sectionId: string;
}

export interface GuidanceDocument {
  id: string;
  title: string;
  sections: { id: string; title: string; level: number }[];
}

/** What the server last said about a mapping (kept for headings that have since gone). */
export interface KnownSection extends SectionRef {
  title: string;
  present: boolean;
}

const key = (r: SectionRef) => `${r.documentId}::${r.sectionId}`;

export function SectionPicker({
  documents,
  value,
  onChange,
  known = [],
  error,
  label = 'Guidance sections',
}: {
  documents: GuidanceDocument[];
  value: SectionRef[];
  onChange: (value: SectionRef[]) => void;
  known?: KnownSection[];
  error?: string;
  label?: string;
}) {
  const [announce, setAnnounce] = useState('');
  const [search, setSearch] = useState('');
  const many = documents.length > 1;
  const titleOf = (r: SectionRef) => {
    const doc = documents.find((d) => d.id === r.documentId);
    const heading = doc?.sections.find((s) => s.id === r.sectionId);
    const was = known.find((k) => key(k) === key(r));
    const title = heading?.title ?? (was ? `${was.title} (heading removed)` : r.sectionId);
    return many && doc ? `${title} — ${doc.title}` : title;
  };
  const chosen = new Set(value.map(key));
  const data = documents.map((d) => ({
    group: d.title,
    items: d.sections
      .filter((s) => s.title.trim().length > 0 && !chosen.has(key({ documentId: d.id, sectionId: s.id })))
      .map((s) => ({ value: key({ documentId: d.id, sectionId: s.id }), label: s.title })),
  }));
  return (
    <Stack gap={6}>
      <Text component="p" size="sm" fw={500} m={0}>
        {label}
      </Text>
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not mapped to a section.
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-label={`${label} chosen`}>
          {value.map((r) => (
            <List.Item key={key(r)}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{titleOf(r)}</Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="danger"
                  onClick={() => {
                    onChange(value.filter((v) => key(v) !== key(r)));
                    setAnnounce(`Unmapped ${titleOf(r)}.`);
                  }}
                >
                  Unmap
                  <VisuallyHidden>{` ${titleOf(r)}`}</VisuallyHidden>
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Select
        label="Add a section"
        description="Pick a heading of the draft. The mapping follows the heading if it is renamed."
        placeholder="Search the headings"
        searchable
        clearable={false}
        data={data}
        value={null}
        searchValue={search}
        onSearchChange={setSearch}
        nothingFoundMessage="No heading matches"
        error={error}
        onChange={(v) => {
          if (!v) return;
          const [documentId, sectionId] = v.split('::');
          const next = { documentId, sectionId };
          onChange([...value, next]);
          setSearch('');
          setAnnounce(`Mapped to ${titleOf(next)}.`);
        }}
      />
      <VisuallyHidden role="status" aria-live="polite">
        {announce}
      </VisuallyHidden>
    </Stack>
  );
}
