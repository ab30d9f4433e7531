// "Why does this say this?" for a section of the draft: the decisions, round results, findings, case
// studies and annotations linked to it.
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { DocumentTraceDocument } from '../../../generated/graphql';

const cap = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

export function TracePanel({ documentId }: { documentId: string }) {
  const { data, loading } = useQuery(DocumentTraceDocument, { variables: { documentId }, fetchPolicy: 'cache-and-network' });
  const [chosen, setChosen] = useState<string | null>(null);
  const sections = data?.documentTrace ?? [];
  const s = sections.find((x) => x.sectionId === chosen) ?? sections[0];
  const items = s
    ? [
        ...s.decisions.map((d) => ({ key: d.id, text: `${d.ref} ${d.title} (${cap(d.status)})${d.strength ? `: ${d.strength}` : ''}` })),
        ...s.results.map((r) => ({ key: `${r.roundId}:${r.criterion}`, text: `Round ${r.roundNumber} result, “${r.criterion}”: ${cap(r.verdict).replace('_', ' ')}${r.strength ? `, ${r.strength}` : ''}` })),
        ...s.findings.map((f) => ({ key: f.id, text: `Finding (${f.sourceTitle}): ${f.text}` })),
        ...s.caseStudies.map((c) => ({ key: c.id, text: `Case study: ${c.modelName}` })),
        ...s.annotations.map((a) => ({ key: a.id, text: `${cap(a.kind)}${a.authorName ? ` by ${a.authorName}` : ''}: ${a.body}` })),
      ]
    : [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="trace-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="trace-title">
          Why does this say this?
        </Title>
        {!s ? (
          <Text size="sm">{loading ? 'Loading…' : 'No sections yet.'}</Text>
        ) : (
          <>
            <NativeSelect label="Section" value={s.sectionId} onChange={(e) => setChosen(e.currentTarget.value)} data={sections.map((x) => ({ value: x.sectionId, label: x.title }))} />
            {items.length === 0 ? (
              <Text size="sm">Nothing is linked to this section yet: no decision, result, finding, case study or annotation.</Text>
            ) : (
              <List size="sm" spacing={4} aria-label={`What “${s.title}” rests on`}>
                {items.map((i) => (
                  <List.Item key={i.key}>{i.text}</List.Item>
                ))}
              </List>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
