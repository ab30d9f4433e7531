// The draft's outline from its headings, each a way to jump there, with words per section and the
// section's share of the document's word budget. Over budget is said in words, not only in colour.
import { Anchor, Box, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { countWords, type Section } from '@concord/editor-schema';
import { formatWords } from '../../../app/format';
import { InlineLoader } from '../../layout/components/InlineLoader';

/** "0.6%", "12%": one decimal below 10%, where sections of a long budget mostly are. */
function share(words: number, budget: number): string {
  const percent = (words / budget) * 100;
  if (words > 0 && percent < 0.1) return 'under 0.1%';
  return `${percent < 10 ? percent.toFixed(1).replace(/\.0$/, '') : Math.round(percent)}%`;
}

function BudgetSummary({ total, budget }: { total: number; budget: number | null }) {
  if (!budget) {
    return <Text size="sm">{formatWords(total)} in all. No word budget is set.</Text>;
  }
  const over = total - budget;
  return (
    <Stack gap={4}>
      {over > 0 ? (
        <Text size="sm" fw={700} c="danger.7" data-budget="over">
          <span aria-hidden="true">⚠ </span>
          Over budget: {formatWords(total)} of {budget.toLocaleString('en-GB')}, {formatWords(over)} too many.
        </Text>
      ) : (
        <Text size="sm" data-budget="within">
          {formatWords(total)} of {budget.toLocaleString('en-GB')} ({share(total, budget)}), {formatWords(budget - total)} left.
        </Text>
      )}
      <Progress value={Math.min(100, (total / budget) * 100)} color={over > 0 ? 'danger.7' : 'concordBlue'} size="sm" aria-hidden="true" />
    </Stack>
  );
}

/** `sections` null: the draft's text has not arrived yet. */
export function OutlinePanel({
  sections,
  wordBudget,
  onGo,
  openComments,
}: {
  sections: Section[] | null;
  wordBudget: number | null;
  onGo: (headingIndex: number) => void;
  /** Open comment threads per section id, when the draft shows them. */
  openComments?: Record<string, number>;
}) {
  return (
    <Paper component="nav" aria-labelledby="outline-heading" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="outline-heading" mb="xs">
        Outline and word count
      </Title>
      {sections ? <Outline sections={sections} wordBudget={wordBudget} onGo={onGo} openComments={openComments} /> : <InlineLoader label="Loading the outline…" />}
    </Paper>
  );
}

function Outline({
  sections,
  wordBudget,
  onGo,
  openComments,
}: {
  sections: Section[];
  wordBudget: number | null;
  onGo: (headingIndex: number) => void;
  openComments?: Record<string, number>;
}) {
  const rows = sections.map((section) => ({ ...section, words: section.wordCount + countWords(section.title) }));
  const total = rows.reduce((sum, row) => sum + row.words, 0);
  const opening = rows.find((row) => row.level === 0 && row.words > 0);
  const headings = rows.filter((row) => row.level > 0);
  return (
    <>
      <BudgetSummary total={total} budget={wordBudget} />
      {headings.length === 0 && !opening ? (
        <Text size="sm" mt="sm">
          No headings yet. Headings 1 to 3 in the text make the outline.
        </Text>
      ) : (
        <List listStyleType="none" p={0} mt="sm" spacing={6}>
          {opening && (
            <List.Item>
              <Text size="sm" fw={600}>
                Before the first heading
              </Text>
              <SectionWords words={opening.words} budget={wordBudget} />
            </List.Item>
          )}
          {headings.map((row, index) => (
            <List.Item key={`${row.id}-${index}`}>
              <Box pl={(row.level - 1) * 14}>
                <Anchor component="button" type="button" size="sm" fw={row.level === 1 ? 700 : 600} ta="left" onClick={() => onGo(index)}>
                  {row.title.trim() || 'Untitled heading'}
                </Anchor>
                <SectionWords words={row.words} budget={wordBudget} comments={openComments?.[row.id]} />
              </Box>
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

function SectionWords({ words, budget, comments }: { words: number; budget: number | null; comments?: number }) {
  return (
    <Text size="xs" c="dimmed">
      {formatWords(words)}
      {budget ? ` · ${share(words, budget)} of the budget` : ''}
      {comments ? ` · ${comments} open ${comments === 1 ? 'comment' : 'comments'}` : ''}
    </Text>
  );
}
