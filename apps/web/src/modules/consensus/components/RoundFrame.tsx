// What every page of a round shares: the way back to all votes, the round's h1 with its status, and links
// between its overview, the viewer's ballot and the results.
import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link, NavLink } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { PageHeader } from '../../layout/components/PageHeader';
import { useCurrentWorkspace } from '../../workspaces/hooks/useCurrentWorkspace';
import { ballotHref, mayVote, resultsHref, roundHref, STATUS_LABELS, votesHref } from '../consensus';
import type { RoundDetail } from '../hooks/useRoundDetail';
import './consensus.css';

export type RoundPageKind = 'overview' | 'ballot' | 'results';

export function BackToVotes() {
  const workspace = useCurrentWorkspace();
  return (
    <Anchor component={Link} to={votesHref(workspace.id)} size="sm">
      All votes
    </Anchor>
  );
}

export function RoundNotFound() {
  return (
    <>
      <BackToVotes />
      <PageHeader title="Round not found" intro="This round does not exist, or it is not in a workspace you belong to." />
    </>
  );
}

/** "Open until 2 February 2027 at 17:00", "Closed on …", "Draft: not open yet". */
export function roundTiming(round: Pick<RoundDetail, 'status' | 'opensAt' | 'closesAt' | 'closedAt' | 'openedAt'>): string {
  if (round.status === 'CLOSED') return `Closed on ${formatDateTime(round.closedAt ?? round.closesAt ?? '')}`;
  if (round.status === 'OPEN') return round.closesAt ? `Open until ${formatDateTime(round.closesAt)}` : 'Open until a lead or editor closes it';
  return round.opensAt ? `Draft: opens on ${formatDateTime(round.opensAt)}` : 'Draft: not open yet';
}

export function StatusBadge({ status }: { status: RoundDetail['status'] }) {
  const colour = status === 'OPEN' ? 'concordBlue' : status === 'CLOSED' ? 'neutral' : 'warning';
  return (
    <Badge component="span" variant={status === 'OPEN' ? 'filled' : 'light'} color={colour}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function RoundFrame({ round, page, children }: { round: RoundDetail; page: RoundPageKind; children: ReactNode }) {
  const workspace = useCurrentWorkspace();
  const heading = page === 'ballot' ? `Your ballot: ${round.title}` : page === 'results' ? `Results: ${round.title}` : round.title;
  const links: { kind: RoundPageKind; label: string; href: string }[] = [
    { kind: 'overview', label: 'Overview', href: roundHref(workspace.id, round.id) },
    ...(mayVote(workspace.myRole) ? [{ kind: 'ballot' as const, label: 'Your ballot', href: ballotHref(workspace.id, round.id) }] : []),
    { kind: 'results', label: 'Results', href: resultsHref(workspace.id, round.id) },
  ];
  return (
    <>
      <BackToVotes />
      <PageHeader
        title={heading}
        intro={
          <Group gap="xs" component="span" wrap="wrap">
            <StatusBadge status={round.status} />
            <Text span size="lg">
              Round {round.number} · {roundTiming(round)} · {round.votedCount} of {round.eligibleCount} eligible {round.eligibleCount === 1 ? 'voter has' : 'voters have'} voted
              {round.anonymous ? ' · secret ballot' : ''}
            </Text>
          </Group>
        }
      />
      <nav aria-label="Round pages">
        <ul className="concord-round-nav">
          {links.map((link) => (
            <li key={link.kind}>
              <NavLink to={link.href} end aria-current={link.kind === page ? 'page' : undefined}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
