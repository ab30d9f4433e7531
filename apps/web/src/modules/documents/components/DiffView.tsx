// What changed between two versions, as Markdown, word by word. Additions and removals are marked in
// more than colour: underlined or struck through, with a legend, and named for screen readers.
import './diff.css';
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Box, Checkbox, Group, Paper, Text, VisuallyHidden } from '@mantine/core';
import { countWords } from '@concord/editor-schema';
import { formatWords, plural } from '../../../app/format';
import { VersionDiffDocument } from '../../../generated/graphql';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { QueryError } from '../../layout/components/QueryError';
import { foldUnchanged } from '../diff';

export function DiffLegend() {
  return (
    <Group gap="lg" aria-hidden="true">
      <Text size="sm">
        <ins className="concord-diff-added">Added text</ins> is underlined on green
      </Text>
      <Text size="sm">
        <del className="concord-diff-removed">Removed text</del> is struck through on red
      </Text>
    </Group>
  );
}

export function DiffView({ fromVersionId, toVersionId }: { fromVersionId: string; toVersionId?: string }) {
  // The live draft changes all the time: always ask the server.
  const { data, error, refetch } = useQuery(VersionDiffDocument, {
    variables: { fromVersionId, toVersionId: toVersionId ?? null },
    fetchPolicy: 'network-only',
  });
  const [whole, setWhole] = useState(false);
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <InlineLoader label="Comparing…" />;
  const chunks = data.diffVersions;
  const added = chunks.filter((c) => c.kind === 'ADDED').reduce((n, c) => n + countWords(c.text), 0);
  const removed = chunks.filter((c) => c.kind === 'REMOVED').reduce((n, c) => n + countWords(c.text), 0);
  const pieces = whole ? chunks : foldUnchanged(chunks);
  return (
    <Box>
      <Text fw={600} role="status">
        {added === 0 && removed === 0 ? 'No differences in the text.' : `${formatWords(added)} added, ${formatWords(removed)} removed.`}
      </Text>
      <Group my="sm" justify="space-between" wrap="wrap">
        <DiffLegend />
        <Checkbox label="Show the unchanged paragraphs too" checked={whole} onChange={(e) => setWhole(e.currentTarget.checked)} />
      </Group>
      <Paper withBorder p="md" radius="md" className="concord-diff" data-testid="diff">
        {pieces.map((piece, i) => {
          switch (piece.kind) {
            case 'ADDED':
              return (
                <ins key={i} className="concord-diff-added">
                  <VisuallyHidden>[Added: </VisuallyHidden>
                  {piece.text}
                  <VisuallyHidden>]</VisuallyHidden>
                </ins>
              );
            case 'REMOVED':
              return (
                <del key={i} className="concord-diff-removed">
                  <VisuallyHidden>[Removed: </VisuallyHidden>
                  {piece.text}
                  <VisuallyHidden>]</VisuallyHidden>
                </del>
              );
            case 'FOLDED':
              return (
                <Text key={i} component="div" size="sm" c="dimmed" fs="italic" className="concord-diff-folded">
                  {plural(piece.paragraphs, 'unchanged paragraph')} not shown
                </Text>
              );
            default:
              return <span key={i}>{piece.text}</span>;
          }
        })}
      </Paper>
    </Box>
  );
}
