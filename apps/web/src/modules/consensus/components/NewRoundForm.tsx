// Sets up a round as a draft (editors and leads): items from the accepted criteria, the scale, the rule and
// its thresholds, secrecy, who may vote, opening and closing times, and whether results show live. Given a
// draft round, the same form edits it (everything but the scale); once a round opens its settings are fixed.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Checkbox, Fieldset, Group, NumberInput, Paper, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Role, ROLE_LABELS, Sector, SECTOR_LABELS, SECTORS } from '@concord/shared';
import { splitFieldErrors } from '../../../app/errors';
import { CreateRoundDocument, UpdateRoundDocument, WorkspaceCriteriaDocument, WorkspaceRoundsDocument, type RoundSummaryFragment, type RuleInput, type Scale } from '../../../generated/graphql';
import { FormError } from '../../layout/components/FormError';
import { InlineLoader } from '../../layout/components/InlineLoader';
import { describeRule, isoToLocalInput, localInputToIso, SCALE_LABELS } from '../consensus';

const FIELDS = ['title', 'criterionIds', 'closesAt', 'opensAt', 'agree', 'disagree', 'quorum', 'threshold', 'eligibleRoles', 'eligibleSectors'] as const;
type Field = (typeof FIELDS)[number];

const VOTER_ROLES = [Role.LEAD, Role.EDITOR, Role.MEMBER] as const;
const SCALES: Scale[] = ['LIKERT_9', 'CONSENT', 'APPROVE'];

// Defaults as the server applies them (COMET for 1–9; ⅔ and a 50% quorum for consent; 50% for approval), in percent.
// Legends read like the other fields' labels.
const FIELDSET_STYLES = { root: { padding: 0, margin: 0, border: 0 }, legend: { padding: 0, marginBottom: 6, fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } };

const DEFAULTS = { agree: 70, disagree: 15, consentAgree: 67, quorum: 50, threshold: 50 } as const;

/** A draft round to edit: its settings and the criteria of its items. */
export type EditableRound = RoundSummaryFragment & { items: { criterion: { id: string } }[] };

const percentOf = (share: number | null | undefined, fallback: number) => (typeof share === 'number' ? Math.round(share * 1000) / 10 : fallback);

export function NewRoundForm({ workspaceId, onCreated, round, onCancel }: { workspaceId: string; onCreated: (roundId: string) => void; round?: EditableRound; onCancel?: () => void }) {
  const criteriaQuery = useQuery(WorkspaceCriteriaDocument, { variables: { workspaceId } });
  const candidates = (criteriaQuery.data?.workspace?.criteria ?? []).filter((c) => c.status !== 'PROPOSED');
  const proposed = (criteriaQuery.data?.workspace?.criteria ?? []).filter((c) => c.status === 'PROPOSED').length;

  const editing = round !== undefined;
  const [title, setTitle] = useState(round?.title ?? 'Criteria for models of good practice');
  const [picked, setPicked] = useState<string[] | null>(round ? round.items.map((i) => i.criterion.id) : null);
  const [scale, setScale] = useState<Scale>(round?.scale ?? 'LIKERT_9');
  const consent = round?.scale === 'CONSENT';
  const [agree, setAgree] = useState<number | string>(consent ? DEFAULTS.agree : percentOf(round?.rule.agree, DEFAULTS.agree));
  const [disagree, setDisagree] = useState<number | string>(percentOf(round?.rule.disagree, DEFAULTS.disagree));
  const [consentAgree, setConsentAgree] = useState<number | string>(consent && round?.rule.agree && Math.abs(round.rule.agree - 2 / 3) > 0.001 ? percentOf(round.rule.agree, DEFAULTS.consentAgree) : DEFAULTS.consentAgree);
  const [quorum, setQuorum] = useState<number | string>(percentOf(round?.rule.quorum, DEFAULTS.quorum));
  const [threshold, setThreshold] = useState<number | string>(percentOf(round?.rule.threshold, DEFAULTS.threshold));
  const [crossSector, setCrossSector] = useState(round?.rule.crossSector ?? false);
  const [anonymous, setAnonymous] = useState(round?.anonymous ?? true);
  const [liveResults, setLiveResults] = useState(round?.liveResults ?? false);
  const [roles, setRoles] = useState<string[]>(round && round.eligibleRoles.length > 0 ? round.eligibleRoles : [...VOTER_ROLES]);
  const [sectors, setSectors] = useState<string[]>(round && round.eligibleSectors.length > 0 ? round.eligibleSectors : [...SECTORS]);
  const initialOpens = round?.opensAt ? isoToLocalInput(round.opensAt) : '';
  const initialCloses = round?.closesAt ? isoToLocalInput(round.closesAt) : '';
  const [opensAt, setOpensAt] = useState(initialOpens);
  const [closesAt, setClosesAt] = useState(initialCloses);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [create, created] = useMutation(CreateRoundDocument, { refetchQueries: [WorkspaceRoundsDocument] });
  const [update, updated] = useMutation(UpdateRoundDocument, { refetchQueries: [WorkspaceRoundsDocument] });
  const { loading, error } = editing ? updated : created;
  const { fieldErrors, formError } = splitFieldErrors(error, FIELDS);
  const errors: Partial<Record<Field, string>> = { ...fieldErrors, ...local };

  if (criteriaQuery.error && !criteriaQuery.data) return <FormError message="The criteria could not be loaded. Reload the page to try again." />;
  if (!criteriaQuery.data) return <InlineLoader label="Loading the criteria…" />;
  const items = picked ?? candidates.map((c) => c.id);

  const rule = (): { input?: RuleInput; problems: Partial<Record<Field, string>> } => {
    const problems: Partial<Record<Field, string>> = {};
    const pct = (value: number | string, field: Field, min: number, max: number): number | undefined => {
      const n = typeof value === 'number' ? value : Number(value);
      if (value === '' || !Number.isFinite(n) || n < min || n > max) {
        problems[field] = `Give a percentage from ${min} to ${max}.`;
        return undefined;
      }
      return n;
    };
    const input: RuleInput = {};
    if (crossSector) input.crossSector = true;
    if (scale === 'LIKERT_9') {
      const a = pct(agree, 'agree', 50, 100);
      const d = pct(disagree, 'disagree', 0, 50);
      if (a !== undefined && a !== DEFAULTS.agree) input.agree = a / 100;
      if (d !== undefined && d !== DEFAULTS.disagree) input.disagree = d / 100;
    } else if (scale === 'CONSENT') {
      const a = pct(consentAgree, 'agree', 50, 100);
      const q = pct(quorum, 'quorum', 0, 100);
      if (a !== undefined && a !== DEFAULTS.consentAgree) input.agree = a / 100;
      if (q !== undefined && q !== DEFAULTS.quorum) input.quorum = q / 100;
    } else {
      const t = pct(threshold, 'threshold', 0, 100);
      if (t !== undefined && t !== DEFAULTS.threshold) input.threshold = t / 100;
    }
    return { input: Object.keys(input).length > 0 ? input : undefined, problems };
  };

  // What the rule will say, as the round page will show it.
  const preview = (() => {
    const share = (v: number | string, fallback: number) => (Number.isFinite(Number(v)) && v !== '' ? Number(v) / 100 : fallback / 100);
    if (scale === 'LIKERT_9') return describeRule({ kind: 'DELPHI', agree: share(agree, DEFAULTS.agree), disagree: share(disagree, DEFAULTS.disagree), crossSector });
    if (scale === 'CONSENT') return describeRule({ kind: 'CONSENT', agree: Number(consentAgree) === DEFAULTS.consentAgree ? 2 / 3 : share(consentAgree, DEFAULTS.consentAgree), quorum: share(quorum, DEFAULTS.quorum), crossSector });
    return describeRule({ kind: 'APPROVE', threshold: share(threshold, DEFAULTS.threshold), crossSector });
  })();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { input: ruleInput, problems } = rule();
    if (!title.trim()) problems.title = 'Give the round a title.';
    if (items.length === 0) problems.criterionIds = 'Choose at least one criterion to rate.';
    if (roles.length === 0) problems.eligibleRoles = 'Choose at least one role that may vote.';
    if (sectors.length === 0) problems.eligibleSectors = 'Choose at least one sector that may vote.';
    const opens = localInputToIso(opensAt);
    const closes = localInputToIso(closesAt);
    if (opens === undefined) problems.opensAt = 'Give a date and time, or leave it empty.';
    if (closes === undefined) problems.closesAt = 'Give a date and time, or leave it empty.';
    else if (closes && (!editing || closesAt !== initialCloses) && new Date(closes).getTime() <= Date.now()) problems.closesAt = 'Choose a closing time in the future.';
    else if (closes && opens && new Date(opens).getTime() >= new Date(closes).getTime()) problems.closesAt = 'Choose a closing time after the opening time.';
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"], [data-round-invalid] input')?.focus(), 0);
      return;
    }
    try {
      if (round) {
        const result = await update({
          variables: {
            input: {
              id: round.id,
              title: title.trim(),
              anonymous,
              liveResults,
              criterionIds: candidates.map((c) => c.id).filter((id) => items.includes(id)),
              // The whole rule: thresholds left at their defaults go back to them.
              rule: ruleInput ?? { crossSector: false },
              eligibleRoles: roles.length === VOTER_ROLES.length ? [] : (roles as Role[]),
              eligibleSectors: sectors.length === SECTORS.length ? [] : (sectors as Sector[]),
              // Only what changed: an unchanged closing time that has passed can stay while other settings change.
              ...(opensAt !== initialOpens ? { opensAt: opens } : {}),
              ...(closesAt !== initialCloses ? { closesAt: closes } : {}),
            },
          },
        });
        if (result.data) onCreated(result.data.updateRound.id);
        return;
      }
      const result = await create({
        variables: {
          input: {
            workspaceId,
            title: title.trim(),
            scale,
            anonymous,
            liveResults,
            criterionIds: candidates.map((c) => c.id).filter((id) => items.includes(id)),
            rule: ruleInput,
            eligibleRoles: roles.length === VOTER_ROLES.length ? undefined : (roles as Role[]),
            eligibleSectors: sectors.length === SECTORS.length ? undefined : (sectors as Sector[]),
            opensAt: opens ?? undefined,
            closesAt: closes ?? undefined,
          },
        },
      });
      if (result.data) onCreated(result.data.createRound.id);
    } catch {
      // Shown from `error`.
    }
  }

  const percentInput = (label: string, value: number | string, onChange: (v: number | string) => void, field: Field, min: number, max: number, description?: string) => (
    <NumberInput label={label} description={description} value={value} onChange={onChange} min={min} max={max} step={1} suffix="%" clampBehavior="none" error={errors[field]} required w={260} />
  );

  return (
    <Paper withBorder={!editing} p={editing ? 0 : 'md'} radius="md" component="form" onSubmit={(e: FormEvent) => void onSubmit(e)} noValidate aria-label={editing ? 'Edit the draft round' : 'New round'}>
      <Stack gap="lg">
        <FormError message={formError} title={editing ? 'The round was not saved' : 'The round was not created'} />
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} required maxLength={200} maw={560} />

        <div data-round-invalid={errors.criterionIds ? true : undefined}>
          <Checkbox.Group
            label="Items"
            description={`The accepted criteria to rate, in their order.${proposed > 0 ? ` ${proposed} proposed ${proposed === 1 ? 'criterion waits' : 'criteria wait'} for an editor to accept ${proposed === 1 ? 'it' : 'them'} on the Votes page.` : ''}`}
            value={items}
            onChange={setPicked}
            error={errors.criterionIds}
          >
            <Stack gap="xs" mt="xs">
              {candidates.length === 0 && <Text size="sm">There are no accepted criteria yet.</Text>}
              {candidates.map((c) => (
                <Checkbox key={c.id} value={c.id} label={c.statement} />
              ))}
            </Stack>
          </Checkbox.Group>
        </div>

        <Radio.Group label="Scale" description={editing ? 'The scale of a round cannot change: create a new round for another scale.' : undefined} value={scale} onChange={(v) => setScale(v as Scale)}>
          <Stack gap="xs" mt="xs">
            {SCALES.map((s) => (
              <Radio key={s} value={s} label={SCALE_LABELS[s]} disabled={editing && s !== scale} />
            ))}
          </Stack>
        </Radio.Group>

        <Fieldset legend="Rule" variant="unstyled" styles={FIELDSET_STYLES}>
          <Stack gap="sm">
            <Group align="flex-start" gap="lg">
              {scale === 'LIKERT_9' && (
                <>
                  {percentInput('Agreement needed', agree, setAgree, 'agree', 50, 100, 'Share rating 7–9 to include (1–3 to exclude)')}
                  {percentInput('Dissent allowed under', disagree, setDisagree, 'disagree', 0, 50, 'Share at the other end that must stay below this')}
                </>
              )}
              {scale === 'CONSENT' && (
                <>
                  {percentInput('Agreement needed', consentAgree, setConsentAgree, 'agree', 50, 100, 'Share of ballots cast that agree (67% is two thirds)')}
                  {percentInput('Quorum', quorum, setQuorum, 'quorum', 0, 100, 'Share of eligible voters who must take part')}
                </>
              )}
              {scale === 'APPROVE' && percentInput('Approval needed', threshold, setThreshold, 'threshold', 0, 100, 'Share of ballots cast that approve')}
            </Group>
            <Checkbox label="Cross-sector: the rule must also hold within higher education and within the NHS separately" checked={crossSector} onChange={(e) => setCrossSector(e.currentTarget.checked)} />
            <Text size="sm" aria-live="polite" data-testid="rule-preview">
              <strong>The rule will read:</strong> {preview}
            </Text>
          </Stack>
        </Fieldset>

        <Fieldset legend="Ballot and results" variant="unstyled" styles={FIELDSET_STYLES}>
          <Stack gap="xs">
            <Checkbox label="Secret ballot: nobody, the lead included, can see who gave which score" checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} />
            <Checkbox label="Show results while the round is open (otherwise only after it closes)" checked={liveResults} onChange={(e) => setLiveResults(e.currentTarget.checked)} />
          </Stack>
        </Fieldset>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <div data-round-invalid={errors.eligibleRoles ? true : undefined}>
            <Checkbox.Group label="Roles that may vote" value={roles} onChange={setRoles} error={errors.eligibleRoles}>
              <Stack gap="xs" mt="xs">
                {VOTER_ROLES.map((r) => (
                  <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />
                ))}
              </Stack>
            </Checkbox.Group>
          </div>
          <div data-round-invalid={errors.eligibleSectors ? true : undefined}>
            <Checkbox.Group label="Sectors that may vote" value={sectors} onChange={setSectors} error={errors.eligibleSectors}>
              <Stack gap="xs" mt="xs">
                {SECTORS.map((s) => (
                  <Checkbox key={s} value={s} label={SECTOR_LABELS[s]} />
                ))}
              </Stack>
            </Checkbox.Group>
          </div>
        </SimpleGrid>

        <Group align="flex-start" gap="lg">
          <TextInput type="datetime-local" label="Opens at (optional)" description="Empty: open it by hand." value={opensAt} onChange={(e) => setOpensAt(e.currentTarget.value)} error={errors.opensAt} w={280} />
          <TextInput type="datetime-local" label="Closes at (optional)" description="Empty: close it by hand." value={closesAt} onChange={(e) => setClosesAt(e.currentTarget.value)} error={errors.closesAt} w={280} />
        </Group>

        {editing ? (
          <Group>
            <Button type="submit" loading={loading}>
              Save the draft
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
            )}
            <Text size="sm">Its items and rule are fixed when it opens.</Text>
          </Group>
        ) : (
          <Group>
            <Button type="submit" loading={loading}>
              Create the round as a draft
            </Button>
            <Text size="sm">You can open it from its page; its items and rule are fixed when it opens.</Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
