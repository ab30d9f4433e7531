// Beside a carried-forward item: how the group rated it last round, and the viewer's own score then.
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Scale } from '../../../generated/graphql';
import { CHOICE_LABELS, distributionLabels, formatNumber, percent, summariseDistribution, choicesOf } from '../consensus';
import { DistributionChart } from './DistributionChart';

export interface PreviousFeedbackData {
  distribution: number[];
  myRating: number | null;
  myChoice: string | null;
}

export function PreviousFeedback({ feedback, scale, roundNumber, position }: { feedback: PreviousFeedbackData; scale: Scale; roundNumber: number; position: number }) {
  const likert = scale === 'LIKERT_9';
  const labels = distributionLabels(scale);
  const summary = summariseDistribution(feedback.distribution);
  const total = feedback.distribution.reduce((a, b) => a + b, 0);
  const choiceIndex = feedback.myChoice ? choicesOf(scale).findIndex((c) => c === feedback.myChoice) : -1;
  const marked = likert ? (feedback.myRating ? feedback.myRating - 1 : null) : choiceIndex >= 0 ? choiceIndex : null;
  const mine = likert
    ? feedback.myRating
      ? `You rated it ${feedback.myRating}.`
      : 'You did not rate it.'
    : feedback.myChoice
      ? `You chose ${CHOICE_LABELS[feedback.myChoice as keyof typeof CHOICE_LABELS] ?? feedback.myChoice}.`
      : 'You did not vote on it.';
  return (
    <Paper withBorder p="sm" radius="md" bg="#f0f4f5" component="aside" aria-label={`Round ${roundNumber - 1} feedback on item ${position}`}>
      <Stack gap={6}>
        <Title order={3} size="h5">
          Last round (round {roundNumber - 1})
        </Title>
        <Text size="sm" fw={700} data-testid="my-previous-score">
          {mine}
        </Text>
        <DistributionChart compact counts={feedback.distribution} labels={labels} caption={`The group's ${likert ? 'ratings' : 'choices'} of item ${position} last round`} marked={marked} markLabel="You" />
        <Text size="sm">
          {likert
            ? `${total} rated it: median ${formatNumber(summary.median)}; ${percent(summary.high)} rated 7–9, ${percent(summary.low)} rated 1–3.`
            : `${total} ${total === 1 ? 'ballot' : 'ballots'} cast.`}
        </Text>
      </Stack>
    </Paper>
  );
}
