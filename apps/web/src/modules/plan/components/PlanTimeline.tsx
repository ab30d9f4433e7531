// The February–May plan at a glance: milestones as bars (status by colour, border and symbol), meetings as
// diamonds, a line for today. The drawing is decorative for assistive technology; the table under it says
// the same in text, with links.
import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { MeetingFieldsFragment, MilestoneFieldsFragment } from '../../../generated/graphql';
import {
  briefingHref,
  formatCalendarDate,
  formatShortDate,
  MEETING_KIND_LABELS,
  milestoneAnchor,
  milestonesHref,
  monthTicks,
  position,
  STATUS_LABELS,
  STATUS_STYLE,
  timelineRange,
  todayAgainstPlan,
} from '../plan';
import { MilestoneStatusBadge } from './MilestoneStatusBadge';
import '../plan.css';

interface Props {
  workspaceId: string;
  milestones: readonly MilestoneFieldsFragment[];
  meetings: readonly MeetingFieldsFragment[];
  today: string;
  headingId: string;
}

/** Milestones in lanes so that bars never overlap. */
function lanes(milestones: readonly MilestoneFieldsFragment[]): MilestoneFieldsFragment[][] {
  const result: MilestoneFieldsFragment[][] = [];
  for (const m of [...milestones].sort((a, b) => a.startsOn.localeCompare(b.startsOn))) {
    const lane = result.find((l) => l[l.length - 1].dueDate < m.startsOn);
    if (lane) lane.push(m);
    else result.push([m]);
  }
  return result;
}

export function PlanTimeline({ workspaceId, milestones, meetings, today, headingId }: Props) {
  const range = timelineRange([...milestones.flatMap((m) => [m.startsOn, m.dueDate]), ...meetings.map((m) => m.date)], today);
  const against = todayAgainstPlan(range, today);
  const ticks = monthTicks(range);
  const rows = [
    ...milestones.map((m) => ({ date: m.startsOn, kind: 'milestone' as const, milestone: m })),
    ...meetings.map((m) => ({ date: m.date, kind: 'meeting' as const, meeting: m })),
    ...(against.where === 'during' ? [{ date: today, kind: 'today' as const }] : []),
  ].sort((a, b) => a.date.localeCompare(b.date) || (a.kind === 'meeting' ? -1 : 1));

  return (
    <figure className="plan-timeline" aria-labelledby={headingId}>
      <Text mb="sm" data-testid="today-against-plan">
        {against.where === 'before' ? <span className="plan-timeline__before">◀ {against.text}</span> : against.text}
      </Text>
      <div className="plan-timeline__scroll">
        <div className="plan-timeline__canvas" aria-hidden="true">
          <div className="plan-timeline__meetings">
            {meetings.map((m) => {
              const at = position(range, m.date);
              const align = at > 80 ? ' plan-timeline__meeting--end' : at > 12 ? ' plan-timeline__meeting--mid' : '';
              return (
                <div key={m.id} className={`plan-timeline__meeting${align}`} style={{ left: `${at}%` }}>
                  <span>
                    {formatShortDate(m.date)} · {m.kind === 'TASKFORCE' ? 'Taskforce' : 'Working group'}
                  </span>
                  <span className="plan-timeline__diamond" />
                </div>
              );
            })}
          </div>
          <div className="plan-timeline__lanes">
            {lanes(milestones).map((lane, i) => (
              <div key={i} className="plan-timeline__lane">
                {lane.map((m) => {
                  const left = position(range, m.startsOn);
                  const right = position(range, m.dueDate);
                  return (
                    <div key={m.id} className="plan-timeline__bar" data-status={m.status} style={{ left: `${left}%`, width: `${Math.max(right - left, 1)}%` }}>
                      <span className="plan-timeline__status">
                        {STATUS_STYLE[m.status].symbol} {STATUS_LABELS[m.status]}
                      </span>
                      <span className="plan-timeline__bar-title">{m.title}</span>
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          <div className="plan-timeline__axis">
            {ticks.map((t) => (
              <span key={t.date} className="plan-timeline__tick" style={{ left: `${position(range, t.date)}%` }}>
                {t.label}
              </span>
            ))}
          </div>
          {against.where === 'during' && (
            <div className="plan-timeline__today" style={{ left: `${position(range, today)}%` }}>
              <span className="plan-timeline__today-label">Today</span>
            </div>
          )}
        </div>
      </div>
      <figcaption>
        <VisuallyHidden>The same plan as a table:</VisuallyHidden>
      </figcaption>
      <Table mt="md" withTableBorder striped verticalSpacing={6} aria-label="Plan dates" data-testid="plan-dates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">What</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) =>
            row.kind === 'today' ? (
              <Table.Tr key="today">
                <Table.Td>{formatCalendarDate(today)}</Table.Td>
                <Table.Td fw={700}>Today</Table.Td>
                <Table.Td />
              </Table.Tr>
            ) : row.kind === 'milestone' ? (
              <Table.Tr key={`m-${row.milestone.id}`}>
                <Table.Td>
                  {formatCalendarDate(row.milestone.startsOn)} to {formatCalendarDate(row.milestone.dueDate)}
                </Table.Td>
                <Table.Td>
                  Milestone:{' '}
                  <Anchor component={Link} to={`${milestonesHref(workspaceId)}#${milestoneAnchor(row.milestone.id)}`}>
                    {row.milestone.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <MilestoneStatusBadge status={row.milestone.status} size="sm" /> <Text span size="sm">{row.milestone.statusReason}</Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              <Table.Tr key={`e-${row.meeting.id}`}>
                <Table.Td>{formatCalendarDate(row.meeting.date)}</Table.Td>
                <Table.Td>
                  {/meeting/i.test(row.meeting.title) ? row.meeting.title : `${MEETING_KIND_LABELS[row.meeting.kind]}: ${row.meeting.title}`}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={briefingHref(workspaceId, row.meeting.id)} size="sm">
                    Briefing pack<VisuallyHidden> for {row.meeting.title}</VisuallyHidden>
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </figure>
  );
}
