// The ballot of an open round: per item a labelled scale, a rationale, what is saved, last round's feedback
// for carried-forward items, and recusal. One Save sends every scored item; it can be changed until close.
import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Grid, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { toProblem } from '../../../app/errors';
import { CastBallotDocument, type ConsentChoice, type ScoreInput } from '../../../generated/graphql';
import { CHOICE_LABELS, draftFromBallot, EMPTY_ITEM, itemOfField, RATIONALE_MAX, sameItem, scoresToCast, type BallotDraft, type ItemDraft } from '../consensus';
import type { RoundDetail, RoundDetailItem } from '../hooks/useRoundDetail';
import { DeclareInterestModal, type InterestTarget } from './DeclareInterestModal';
import { PreviousFeedback } from './PreviousFeedback';
import { ScaleInput } from './ScaleInput';

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

export function BallotForm({ round, onSaved }: { round: RoundDetail; onSaved: () => void }) {
  const items = [...round.items].sort((a, b) => a.position - b.position);
  const saved = draftFromBallot(
    items.map((i) => i.id),
    round.myBallot ?? [],
  );
  const [draft, setDraft] = useState<BallotDraft>(saved);
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [interest, setInterest] = useState<InterestTarget | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [cast, { loading }] = useMutation(CastBallotDocument);

  const update = (itemId: string, change: Partial<ItemDraft>) => {
    setDraft((d) => ({ ...d, [itemId]: { ...(d[itemId] ?? EMPTY_ITEM), ...change } }));
    setItemErrors((e) => {
      if (!e[itemId]) return e;
      const rest = { ...e };
      delete rest[itemId];
      return rest;
    });
    setStatus('');
  };

  const scorable = items.filter((i) => !i.recused);
  const scored = scorable.filter((i) => (round.scale === 'LIKERT_9' ? saved[i.id]?.rating : saved[i.id]?.choice) != null).length;
  const unsaved = scorable.filter((i) => !sameItem(draft[i.id], saved[i.id])).length;

  const focusItem = (itemId: string) => {
    const el = document.querySelector<HTMLElement>(`#ballot-item-${CSS.escape(itemId)} input[type="radio"]:checked, #ballot-item-${CSS.escape(itemId)} input[type="radio"]`);
    el?.focus();
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    setFormError(undefined);
    const { scores, errors } = scoresToCast(round.scale, items, draft);
    if (Object.keys(errors).length > 0) {
      setItemErrors(errors);
      setFormError(undefined);
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    if (scores.length === 0) {
      setFormError(round.scale === 'LIKERT_9' ? 'Choose a score from 1 to 9 for at least one item, then save.' : 'Choose an option for at least one item, then save.');
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    try {
      const result = await cast({ variables: { roundId: round.id, scores } });
      const ballot = result.data?.castBallot ?? [];
      const fresh = draftFromBallot(
        items.map((i) => i.id),
        ballot,
      );
      setDraft((d) => ({ ...d, ...fresh }));
      setItemErrors({});
      const count = ballot.length;
      setStatus(`Your ballot was saved at ${timeFormat.format(new Date())}: ${count} of ${scorable.length} ${scorable.length === 1 ? 'item' : 'items'} scored. You can change it until the round closes.`);
      onSaved();
    } catch (e) {
      const problem = toProblem(e);
      const itemId = itemOfField(problem?.field, scores as ScoreInput[]);
      if (itemId && problem) setItemErrors({ [itemId]: problem.message });
      else setFormError(problem?.message ?? 'Your ballot could not be saved. Please try again.');
      setTimeout(() => summaryRef.current?.focus(), 0);
    }
  }

  const errorEntries = Object.entries(itemErrors);
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Your ballot">
      <Stack gap="md">
        <div ref={summaryRef} tabIndex={-1} style={{ outline: 'none' }}>
          {formError && (
            <Alert color="danger" variant="light" title="Your ballot was not saved" role="alert">
              {formError}
            </Alert>
          )}
          {errorEntries.length > 0 && (
            <Alert color="danger" variant="light" title="Your ballot was not saved: some items need attention" role="alert">
              <List size="sm">
                {errorEntries.map(([itemId, message]) => {
                  const item = items.find((i) => i.id === itemId);
                  return (
                    <List.Item key={itemId}>
                      <Anchor component="button" type="button" size="sm" onClick={() => focusItem(itemId)}>
                        Item {item?.position}: {message}
                      </Anchor>
                    </List.Item>
                  );
                })}
              </List>
            </Alert>
          )}
        </div>
        {items.map((item) => (
          <BallotItem
            key={item.id}
            round={round}
            item={item}
            value={draft[item.id] ?? EMPTY_ITEM}
            saved={saved[item.id] ?? EMPTY_ITEM}
            error={itemErrors[item.id]}
            onChange={(change) => update(item.id, change)}
            onDeclare={() => setInterest({ criterionId: item.criterion.id, statement: item.criterion.statement, position: item.position })}
          />
        ))}
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" id="ballot-progress">
              {scored} of {scorable.length} {scorable.length === 1 ? 'item' : 'items'} saved
              {unsaved > 0 ? ` · ${unsaved} ${unsaved === 1 ? 'change' : 'changes'} not saved yet` : ''}
            </Text>
            <Button type="submit" loading={loading} aria-describedby="ballot-progress">
              Save your ballot
            </Button>
          </Group>
          <Text size="sm" role="status" aria-live="polite" mt={status ? 'xs' : 0} fw={600} c="success.7">
            {status}
          </Text>
        </Paper>
      </Stack>
      <DeclareInterestModal
        target={interest}
        onClose={() => setInterest(null)}
        onDeclared={(target) => {
          setInterest(null);
          setStatus(`Your interest in item ${target.position} is on record: you are recused from it.`);
          onSaved();
          setTimeout(() => document.getElementById(`ballot-item-title-${round.items.find((i) => i.criterion.id === target.criterionId)?.id ?? ''}`)?.focus(), 50);
        }}
      />
    </form>
  );
}

/** "Saved: 8", "Saved: 5 · changed, not saved yet", "Not saved yet", "Not scored yet". */
function savedWords(scaleLikert: boolean, saved: ItemDraft, changed: boolean): string {
  const value = scaleLikert ? (saved.rating === null ? null : String(saved.rating)) : saved.choice === null ? null : CHOICE_LABELS[saved.choice];
  if (value === null) return changed ? 'Not saved yet' : scaleLikert ? 'Not scored yet' : 'Not chosen yet';
  return changed ? `Saved: ${value} · changed, not saved yet` : `Saved: ${value}`;
}

function BallotItem({
  round,
  item,
  value,
  saved,
  error,
  onChange,
  onDeclare,
}: {
  round: RoundDetail;
  item: RoundDetailItem;
  value: ItemDraft;
  saved: ItemDraft;
  error?: string;
  onChange: (change: Partial<ItemDraft>) => void;
  onDeclare: () => void;
}) {
  const likert = round.scale === 'LIKERT_9';
  const titleId = `ballot-item-title-${item.id}`;
  const changed = !sameItem(value, saved);
  const feedback = item.previous ?? null;
  return (
    <Paper component="section" aria-labelledby={titleId} withBorder p="md" radius="md" id={`ballot-item-${item.id}`}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: feedback ? 7 : 12 }}>
          <Stack gap="sm">
            <div>
              <Title order={2} size="h4" id={titleId} tabIndex={-1} style={{ outline: 'none' }}>
                Item {item.position}: {item.criterion.statement}
              </Title>
              {item.criterion.rationale && (
                <Text size="sm" c="dimmed" mt={4}>
                  {item.criterion.rationale}
                </Text>
              )}
            </div>
            {item.recused ? (
              <Alert color="warning" variant="light" title="You are recused from this item">
                You declared an interest in this criterion, so you cannot score it: the server refuses a score from a member with a declared interest, and
                any score you gave before declaring it has been withdrawn.
              </Alert>
            ) : (
              <>
                <ScaleInput
                  scale={round.scale}
                  label={likert ? `Your score for item ${item.position}` : `Your choice for item ${item.position}`}
                  value={likert ? (value.rating === null ? null : String(value.rating)) : value.choice}
                  onChange={(v) => onChange(likert ? { rating: Number(v) } : { choice: v as ConsentChoice })}
                  error={error}
                />
                <Textarea
                  label={`Your reasons for item ${item.position} (optional)`}
                  description="Shared with the group without your name."
                  value={value.rationale}
                  onChange={(e) => onChange({ rationale: e.currentTarget.value })}
                  autosize
                  minRows={2}
                  maxRows={8}
                  maxLength={RATIONALE_MAX}
                />
                <Group justify="space-between" gap="xs">
                  <Text size="sm" data-testid="saved-score" fw={changed ? 700 : 400}>
                    {savedWords(likert, saved, changed)}
                  </Text>
                  <Button variant="subtle" size="compact-sm" onClick={onDeclare}>
                    Declare an interest in item {item.position}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Grid.Col>
        {feedback && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <PreviousFeedback feedback={feedback} scale={round.scale} roundNumber={round.number} position={item.position} />
          </Grid.Col>
        )}
      </Grid>
    </Paper>
  );
}
