// Export the guidance: format, version (live draft or a named version) and appendices, downloaded from
// GET /exports/guidance/{documentId}.{md|docx|pdf}; and the consensus methods report.
import { useState } from 'react';
import { Anchor, Button, Checkbox, Group, Modal, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';

const FORMATS = [
  { value: 'docx', label: 'Word (.docx)' },
  { value: 'pdf', label: 'PDF' },
  { value: 'md', label: 'Markdown (.md)' },
] as const;

const APPENDICES = [
  { value: 'decisions', label: 'Decision log' },
  { value: 'results', label: 'Criteria results with consensus strength' },
  { value: 'caseStudies', label: 'Case-study summaries' },
  { value: 'sources', label: 'Sources' },
  { value: 'trace', label: 'Why each section says what it says' },
  { value: 'glossary', label: 'Glossary for NHS readers' },
] as const;

export function exportHref(documentId: string, format: string, versionId: string, appendices: string[]): string {
  const params = new URLSearchParams();
  if (versionId) params.set('version', versionId);
  if (appendices.length) params.set('appendices', appendices.join(','));
  const q = params.toString();
  return `/exports/guidance/${encodeURIComponent(documentId)}.${format}${q ? `?${q}` : ''}`;
}

export function ExportDialog({ workspaceId, documentId, versions }: { workspaceId: string; documentId: string; versions: { id: string; name: string }[] }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [format, setFormat] = useState<string>('docx');
  const [versionId, setVersionId] = useState('');
  const [appendices, setAppendices] = useState<string[]>(['decisions', 'results', 'glossary']);
  return (
    <>
      <Button variant="default" size="xs" onClick={open}>
        Export
      </Button>
      <Modal opened={opened} onClose={close} title="Export the guidance">
        <Stack gap="md">
          <Radio.Group label="Format" value={format} onChange={setFormat}>
            <Group mt={4}>
              {FORMATS.map((f) => (
                <Radio key={f.value} value={f.value} label={f.label} />
              ))}
            </Group>
          </Radio.Group>
          <NativeSelect label="Version" value={versionId} onChange={(e) => setVersionId(e.currentTarget.value)} data={[{ value: '', label: 'Live draft, as it is now' }, ...versions.map((v) => ({ value: v.id, label: v.name }))]} />
          <Checkbox.Group label="Appendices" value={appendices} onChange={setAppendices}>
            <Stack gap={6} mt={4}>
              {APPENDICES.map((a) => (
                <Checkbox key={a.value} value={a.value} label={a.label} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Text size="sm" c="dimmed">
            Statements agreed by consensus carry their strength under their heading. The file is prepared from the draft as it is when you download it.
          </Text>
          <Group justify="space-between">
            <Group gap="sm">
              <Anchor href={`/exports/methods/${encodeURIComponent(workspaceId)}.docx`} size="sm" download>
                Consensus methods report (.docx)
              </Anchor>
              <Anchor href={`/exports/methods/${encodeURIComponent(workspaceId)}.md`} size="sm" download>
                Consensus methods report (.md)
              </Anchor>
            </Group>
            <Button component="a" href={exportHref(documentId, format, versionId, appendices)} download onClick={close}>
              Download
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
