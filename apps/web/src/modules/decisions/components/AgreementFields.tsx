// Where a decision is agreed: at a meeting, by a closed consensus round, or recorded by the lead.
import { NativeSelect, Radio, Stack } from '@mantine/core';
import { formatCalendarDate } from '../../plan/plan';

export type Agreement = { via: 'LEAD' } | { via: 'MEETING'; meetingId: string } | { via: 'ROUND'; roundId: string };

export interface AgreementOptions {
  meetings: readonly { id: string; title: string; date: string }[];
  closedRounds: readonly { id: string; title: string }[];
}

export function agreementVariables(a: Agreement): { meetingId?: string; roundId?: string } {
  if (a.via === 'MEETING') return { meetingId: a.meetingId };
  if (a.via === 'ROUND') return { roundId: a.roundId };
  return {};
}

interface Props {
  idPrefix: string;
  value: Agreement;
  onChange: (value: Agreement) => void;
  options: AgreementOptions;
}

export function AgreementFields({ idPrefix, value, onChange, options }: Props) {
  const firstMeeting = options.meetings[0]?.id ?? '';
  const firstRound = options.closedRounds[0]?.id ?? '';
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Where was it agreed?"
        value={value.via}
        onChange={(via) => {
          if (via === 'MEETING') onChange({ via, meetingId: firstMeeting });
          else if (via === 'ROUND') onChange({ via, roundId: firstRound });
          else onChange({ via: 'LEAD' });
        }}
      >
        <Stack gap={6} mt={4}>
          <Radio value="MEETING" label="At a meeting" disabled={options.meetings.length === 0} id={`${idPrefix}-meeting`} />
          <Radio value="ROUND" label="By a closed consensus round" disabled={options.closedRounds.length === 0} id={`${idPrefix}-round`} />
          <Radio value="LEAD" label="Recorded by me, as lead" id={`${idPrefix}-lead`} />
        </Stack>
      </Radio.Group>
      {value.via === 'MEETING' && (
        <NativeSelect
          label="Meeting"
          data={options.meetings.map((m) => ({ value: m.id, label: `${m.title} (${formatCalendarDate(m.date)})` }))}
          value={value.meetingId}
          onChange={(e) => onChange({ via: 'MEETING', meetingId: e.currentTarget.value })}
        />
      )}
      {value.via === 'ROUND' && (
        <NativeSelect
          label="Consensus round"
          data={options.closedRounds.map((r) => ({ value: r.id, label: r.title }))}
          value={value.roundId}
          onChange={(e) => onChange({ via: 'ROUND', roundId: e.currentTarget.value })}
        />
      )}
    </Stack>
  );
}
